"""The reader: YAML problems become E001/E003 at their line; YAML never guesses a type."""

from __future__ import annotations

from pathlib import Path

import pytest

from ccm_stockpile.io.locations import Mark
from ccm_stockpile.io.reader import parse_text, read_file


def parse(text: str):
    return parse_text(text, Path("x.yaml"), "x.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("iso3: NO\n", {"iso3": "NO"}),
        ("code: 040\n", {"code": "040"}),
        ("flag: yes\n", {"flag": "yes"}),
        ("flag: true\n", {"flag": True}),
        ("date: 2015-03-01\n", {"date": "2015-03-01"}),
        ("n: 12\n", {"n": 12}),
        ("n: -3\n", {"n": -3}),
        ("n: 1.5\n", {"n": 1.5}),
        ("n: 1_000\n", {"n": "1_000"}),
        ("n: ~\nm: null\nk:\n", {"n": None, "m": None, "k": None}),
        ('n: "12"\n', {"n": "12"}),
        ("v: .inf\n", {"v": ".inf"}),
    ],
)
def test_scalars_follow_yaml_1_2_and_keep_text(text: str, expected: dict) -> None:
    parsed = parse(text)
    assert parsed.findings == []
    assert parsed.data == expected


def test_every_key_list_item_and_mapping_keeps_its_line_and_column() -> None:
    parsed = parse("a: 1\nb:\n  c:\n    - x: 2\n      y: 3\n  d: [p, q]\n")
    assert parsed.locations.at(("b", "c", 0, "y")) == Mark(5, 7)
    assert parsed.locations.at(("b", "c", 0)) == Mark(4, 7)
    assert parsed.locations.at(("b", "d", 1)) == Mark(6, 10)
    assert parsed.locations.at(("a",)) == Mark(1, 1)  # a scalar is located by its key
    assert parsed.locations.at(("b", "c", 0, "z")) == Mark(4, 7)  # a key left out: its mapping


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('iso3: ESP\nname: "Spain\nstatus: party\n', 2, "quote"),
        ("iso3: ESP\nstockpile:\n\tstatus: held\n", 3, "tabs"),
        ("iso3: ESP\n---\niso3: PRT\n", 2, "one record per file"),
        ("iso3: [ESP\n", 1, "not valid YAML"),
        ("a: 1\nb: 2\niso3: {x: [1,\n\nc: 3\n", 3, "bracket"),
    ],
)
def test_invalid_yaml_is_E001_at_its_line_with_advice(text: str, line: int, words: str) -> None:
    parsed = parse(text)
    assert [f.code for f in parsed.findings] == ["E001"]
    assert parsed.findings[0].line == line
    assert words in parsed.findings[0].message
    assert parsed.data is None


def test_duplicate_key_is_E003_at_the_second_occurrence_and_the_first_value_is_kept() -> None:
    parsed = parse("iso3: ESP\nname: Spain\nstatus: party\nname: Kingdom of Spain\n")
    assert [(f.code, f.line, f.column) for f in parsed.findings] == [("E003", 4, 1)]
    assert "line 2" in parsed.findings[0].message
    assert parsed.data["name"] == "Spain"


@pytest.mark.parametrize(
    "text",
    [
        "iso3: !!python/object/apply:os.system ['echo hi']\n",
        "iso3: !custom ESP\n",
        "a: !!python/name:os.system\n",
    ],
)
def test_object_constructing_tags_are_refused(text: str) -> None:
    parsed = parse(text)
    assert [f.code for f in parsed.findings] == ["E001"]
    assert "tag" in parsed.findings[0].message


def test_aliases_are_refused_so_alias_bombs_cannot_expand() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    parsed = parse(bomb)
    assert [f.code for f in parsed.findings] == ["E001"]
    assert "aliases" in parsed.findings[0].message


def test_deep_nesting_is_E001_not_a_crash() -> None:
    parsed = parse("a: " + "[" * 200 + "]" * 200 + "\n")
    assert [f.code for f in parsed.findings] == ["E001"]


def test_non_utf8_file_is_E001_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "esp.yaml"
    path.write_bytes("iso3: ESP\nname: Espa\xf1a\n".encode("latin-1"))
    parsed = read_file(path, "esp.yaml")
    assert [(f.code, f.line) for f in parsed.findings] == [("E001", 2)]
    assert "UTF-8" in parsed.findings[0].message


def test_empty_file_is_read_as_empty_without_error() -> None:
    parsed = parse("# only a comment\n")
    assert parsed.empty
    assert parsed.findings == []


def test_duplicate_key_path_names_list_items_by_key() -> None:
    parsed = parse("retention:\n  - year: 2015\n    report: reported\n    report: unknown\n")
    assert [(f.code, f.path, f.year) for f in parsed.findings] == [("E003", "retention[year=2015].report", 2015)]


def test_scalar_aliases_are_refused_too() -> None:
    parsed = parse("a: &x 5\nb: *x\n")
    assert [(f.code, f.line) for f in parsed.findings] == [("E001", 1)]  # at the anchor


def test_a_folder_named_like_a_record_is_E001(tmp_path: Path) -> None:
    (tmp_path / "esp.yaml").mkdir()
    parsed = read_file(tmp_path / "esp.yaml", "esp.yaml")
    assert [f.code for f in parsed.findings] == ["E001"]
    assert "not a regular file" in parsed.findings[0].message


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("iso3: ESP\nname: Sp\x00ain\n", 2, 9),
        ("iso3: ESP\nname: España\nnote: \x07\n", 3, 7),  # libyaml counts bytes: `ñ` is two of them
        ("a: 1\r\nb: \x1b[31m\r\n", 2, 4),
        ("\x00", 1, 1),
    ],
)
def test_a_control_character_is_E001_at_its_own_line_and_column(text: str, line: int, column: int) -> None:
    parsed = parse(text)
    assert [(f.code, f.line, f.column) for f in parsed.findings] == [("E001", line, column)]
    assert "control characters are not allowed" in parsed.findings[0].message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("iso3: ESP\n!!python/name:os.system : 1\n", 2, "tag"),
        ("iso3: ESP\n? !!python/object/apply:os.system ['echo hi']\n: 1\n", 2, "not a plain record"),
        ("iso3: &x ESP\n*x : 1\n", 1, "aliases"),
        ("&k iso3: ESP\nname: *k\n", 1, "aliases"),
    ],
)
def test_keys_are_refused_tags_and_aliases_as_values_are(text: str, line: int, words: str) -> None:
    parsed = parse(text)
    assert [(f.code, f.line) for f in parsed.findings] == [("E001", line)]
    assert words in parsed.findings[0].message
    assert parsed.data is None


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"], ids=["NEL", "LS", "PS"])
def test_a_nel_ls_or_ps_inside_a_value_does_not_shift_the_lines_of_what_follows(separator: str) -> None:
    """libyaml starts a new line at each; editors, git and GitHub do not, so findings after one were a line off."""
    parsed = parse(f'iso3: ESP\nname: "Sp{separator}ain"\nstatus: party\nname: again\nnote: "x{separator}y"\nz: \x00\n')
    assert [(f.code, f.line, f.column) for f in parsed.findings] == [("E001", 6, 4)]
    parsed = parse(f'iso3: ESP\nname: "Sp{separator}ain{separator}"\nstatus: party\nname: again\n')
    assert parsed.locations.at(("status",)) == Mark(3, 1)
    assert [(f.code, f.line, f.column) for f in parsed.findings] == [("E003", 4, 1)]
    assert "first at line 2" in parsed.findings[0].message
    unclosed = [(f.code, f.line, f.column) for f in parse('a: "x"\nb: [1,\n').findings]
    assert [(f.code, f.line, f.column) for f in parse(f'a: "{separator}"\nb: [1,\n').findings] == unclosed


def test_a_lone_cr_is_a_line_break_for_editors_too() -> None:
    parsed = parse("iso3: ESP\rname: Spain\rname: again\r")
    assert [(f.code, f.line) for f in parsed.findings] == [("E003", 3)]
