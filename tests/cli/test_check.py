"""`ccm check`: exit codes, formats, options; every bad input gives its code at its line, no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ccm_stockpile.cli.app import app
from tests.conftest import entry, make_state

runner = CliRunner()

GOOD = make_state()
GOOD_TEXT = json.dumps(GOOD, indent=2)


def check(data_dir: Path, *args: str):
    return runner.invoke(app, ["check", "--data", str(data_dir), "--as-of", "2025-06-01", *args])


def as_json(result) -> dict:
    return json.loads(result.stdout)


BAD_INPUTS = [
    # (name, file name, content, code, line)
    ("unclosed quote", "esp.yaml", 'iso3: ESP\nname: "Spain\nstatus: party\n', "E001", 2),
    ("tab indentation", "esp.yaml", "iso3: ESP\nname: Spain\nstatus: party\nstockpile:\n\tstatus: held\n", "E001", 5),
    ("duplicate key", "esp.yaml", "iso3: ESP\nname: Spain\nstatus: party\nname: Espana\n", "E003", 4),
    ("unknown key", "esp.yaml", "iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n", "E002", 4),
    (
        "text for a number",
        "esp.yaml",
        "iso3: ESP\nname: Spain\nstatus: party\nretention:\n  - year: 2016\n"
        "    report: reported\n    held: {munitions: some, submunitions: 3}\n    sources: [{url: 'https://x.org'}]\n",
        "E002",
        7,
    ),
    (
        "negative quantity",
        "esp.yaml",
        "iso3: ESP\nname: Spain\nstatus: party\nretention:\n  - year: 2016\n"
        "    report: reported\n    held:\n      munitions: 3\n      submunitions: -4\n"
        "    sources: [{url: 'https://x.org'}]\n",
        "E002",
        9,
    ),
    (
        "fractional quantity",
        "esp.yaml",
        "iso3: ESP\nname: Spain\nstatus: party\nretention:\n  - year: 2016\n"
        "    report: reported\n    held:\n      munitions: 2.5\n      submunitions: 4\n"
        "    sources: [{url: 'https://x.org'}]\n",
        "E002",
        8,
    ),
    ("iso3 NO unquoted", "nor.yaml", "iso3: NO\nname: Norway\nstatus: party\n", "E002", 1),
    ("file name differs from iso3", "prt.yaml", "iso3: ESP\nname: Spain\nstatus: party\n", "E004", 1),
    ("empty file", "esp.yaml", "", "E002", 1),
    ("top level is a list", "esp.yaml", "- iso3: ESP\n  name: Spain\n", "E002", 1),
    ("not UTF-8", "esp.yaml", "iso3: ESP\nname: Espa\xf1a\nstatus: party\n".encode("latin-1"), "E001", 2),
    ("impossible date", "esp.yaml", "iso3: ESP\nname: Spain\nstatus: party\nsigned: 2015-13-01\n", "E002", 4),
    ("unknown ISO3 code", "xxx.yaml", "iso3: XXX\nname: Nowhere\nstatus: party\n", "E004", 1),
]


@pytest.mark.parametrize(("name", "file_name", "content", "code", "line"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_its_code_at_its_line_and_exit_1(data_dir, write_state, name, file_name, content, code, line):
    write_state(content, name=file_name)
    result = check(data_dir, "--format", "json")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    findings = as_json(result)["findings"]
    assert (code, line) in [(f["code"], f["line"]) for f in findings]
    assert all(f["file"] == f"{data_dir}/states/{file_name}" for f in findings)


def test_text_output_names_file_line_code_and_advice(data_dir, write_state):
    write_state("iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n")
    result = check(data_dir)
    assert result.exit_code == 1
    assert f"{data_dir}/states/esp.yaml" in result.stdout
    assert "4:1 E002 error retianed: unknown key `retianed`; did you mean `retention`?" in result.stdout
    assert (
        f"1 error(s), 0 warning(s), 0 info in 1 file(s), 0 state(s); 1 file(s) could not be checked, so their "
        f"other findings are not known: {data_dir}/states/esp.yaml as of 2025-06-01"
    ) in result.stdout


def test_two_files_for_one_state(data_dir, write_state):
    write_state(GOOD_TEXT, name="esp.yaml")
    write_state(GOOD_TEXT, name="esp2.yaml")
    findings = as_json(check(data_dir, "--format", "json"))["findings"]
    messages = [f["message"] for f in findings if f["code"] == "E004"]
    assert any("two files for ESP" in m for m in messages)


def test_all_files_are_checked_even_when_some_are_broken(data_dir, write_state):
    write_state('iso3: "ESP\n', name="esp.yaml")
    write_state(make_state(iso3="PRT", name="Portugal", retention=[entry(2016, 1, 1, actual_use=None)]))
    payload = as_json(check(data_dir, "--format", "json"))
    assert {f["code"] for f in payload["findings"]} >= {"E001", "R105"}
    assert payload["summary"]["files"] == 2
    assert payload["summary"]["states"] == 1


def test_json_has_exactly_the_spec_shape_and_nothing_else_on_stdout(data_dir, write_state):
    write_state(make_state(retention=[entry(2024, 1, 1, actual_use=None)]))
    result = check(data_dir, "--format", "json")
    payload = as_json(result)
    assert list(payload) == ["as_of", "findings", "summary"]
    assert payload["as_of"] == "2025-06-01"
    assert set(payload["summary"]) == {"error", "warning", "info", "files", "states", "unchecked"}
    finding = payload["findings"][0]
    assert {"code", "severity", "addressee", "state", "year", "file", "line", "column", "path", "message"} <= set(finding)
    assert finding["path"] == "retention[year=2024]"


def test_exit_0_on_warnings_and_1_with_strict(data_dir, write_state):
    write_state(make_state(retention=[entry(2024, 1, 1, actual_use=None)]))
    assert check(data_dir).exit_code == 0
    assert check(data_dir, "--strict").exit_code == 1


def test_select_and_ignore_take_codes_and_prefixes(data_dir, write_state):
    write_state(make_state(retention=[entry(2024, 1, 1, actual_use=None, by_type=[])]))
    codes = {f["code"] for f in as_json(check(data_dir, "--format", "json"))["findings"]}
    assert codes == {"R105", "R107", "R109"}
    selected = as_json(check(data_dir, "--format", "json", "--select", "R105"))["findings"]
    assert {f["code"] for f in selected} == {"R105"}
    ignored = as_json(check(data_dir, "--format", "json", "--ignore", "R10"))["findings"]
    assert ignored == []  # R10 is a prefix of R105, R107 and R109


def test_github_format_prints_one_annotation_per_finding(data_dir, write_state):
    write_state("iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n")
    result = check(data_dir, "--format", "github")
    assert result.stdout.strip() == (
        f"::error file={data_dir}/states/esp.yaml,line=4,col=1,title=E002::unknown key `retianed`; "
        "did you mean `retention`? [retianed]"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "--data", "does-not-exist"], "no data folder at does-not-exist"),
        (["check", "--data", "{data}", "--as-of", "2025-13-01"], "--as-of takes a date as YYYY-MM-DD"),
        (["check", "--data", "{data}", "--as-of", "20250601"], "--as-of takes a date as YYYY-MM-DD, got '20250601'"),
        (["check", "--data", "{data}", "--as-of", "2025-W23-1"], "--as-of takes a date as YYYY-MM-DD"),
        (["check", "--data", "{data}", "--state", "ES"], "--state takes an ISO3 code such as ESP, got 'ES'"),
        (["check", "--data", "{data}", "--state", "PRT"], "no state PRT in"),
        (["check", "--data", "{data}", "--select", "Z9"], "--select: no finding code starts with 'Z9' (codes: E001, E002,"),
        (["check", "--data", "{data}", "--format", "xml"], "xml"),
        (["check", "--bogus"], "No such option"),
    ],
)
def test_bad_usage_exits_2_with_a_one_line_message(data_dir, write_state, args, message):
    write_state(GOOD_TEXT)
    result = runner.invoke(app, [a.replace("{data}", str(data_dir)) for a in args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_as_of_makes_a_run_reproducible(data_dir, write_state):
    write_state(make_state(retention=[entry(2022, 1, 100)]))
    early = as_json(runner.invoke(app, ["check", "--data", str(data_dir), "--as-of", "2023-04-29", "--format", "json"]))
    late = as_json(runner.invoke(app, ["check", "--data", str(data_dir), "--as-of", "2025-06-01", "--format", "json"]))
    assert "R106" not in {f["code"] for f in early["findings"]}
    assert "R106" in {f["code"] for f in late["findings"]}


def test_a_folder_without_states_is_bad_usage(tmp_path):
    result = runner.invoke(app, ["check", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "has no states/ folder" in result.output


def test_a_broken_link_among_the_records_is_reported_not_skipped(data_dir, write_state):
    write_state(GOOD_TEXT)
    (data_dir / "states" / "prt.yaml").symlink_to(data_dir / "states" / "missing.yaml")
    findings = as_json(check(data_dir, "--format", "json"))["findings"]
    assert [(f["code"], f["file"].rsplit("/", 1)[1]) for f in findings if f["code"].startswith("E")] == [("E001", "prt.yaml")]


def test_a_lower_or_non_latin_iso3_is_one_error_not_two(data_dir, write_state):
    write_state('iso3: "TÜR"\nname: Türkiye\nstatus: signatory\n', name="tur.yaml")
    findings = as_json(check(data_dir, "--format", "json"))["findings"]
    assert [(f["code"], f["path"]) for f in findings] == [("E002", "iso3")]


def test_errors_come_first_and_the_summary_counts_what_could_not_be_checked(data_dir, write_state):
    write_state(make_state(iso3="AUT", name="Austria", retention=[entry(2024, 1, 1, actual_use=None)]))
    write_state("iso3: ESP\nname: Spain\nstatus: party\nretianed: []\n")
    out = check(data_dir).stdout
    assert out.index("esp.yaml") < out.index("aut.yaml")
    assert "1 file(s) could not be checked" in out


def test_state_option_shows_one_state(data_dir, write_state):
    write_state(make_state(iso3="AUT", name="Austria", retention=[entry(2024, 1, 1, actual_use=None)]))
    write_state(make_state(retention=[entry(2024, 1, 1, planned_use=None)]))
    payload = as_json(check(data_dir, "--format", "json", "--state", "aut"))
    assert {f["state"] for f in payload["findings"]} == {"AUT"}
    assert (payload["summary"]["files"], payload["summary"]["states"]) == (1, 1)


def test_text_from_the_data_cannot_forge_lines_in_a_log(data_dir, write_state):
    write_state('iso3: ESP\nname: Spain\nstatus: party\n"x\\n::error file=README.md,line=1::forged": 1\n')
    for output in ("text", "github"):
        result = check(data_dir, "--format", output)
        assert result.exit_code == 1
        assert not any(line.startswith("::error file=README.md") for line in result.stdout.splitlines()), output
        assert "x\\n::error file=README.md" in result.stdout or "x\\n%3A%3Aerror" in result.stdout, output


def test_an_internal_error_exits_3_and_asks_for_a_report(data_dir, write_state, monkeypatch):
    import ccm_stockpile.checks

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    write_state(GOOD_TEXT)
    monkeypatch.setattr(ccm_stockpile.checks, "run_checks", broken)
    result = check(data_dir)
    assert result.exit_code == 3
    assert "ccm: internal error, please report it" in result.output
    assert "ZeroDivisionError: boom" in result.output
    assert "Traceback" not in result.output
    debug = runner.invoke(app, ["--debug", "check", "--data", str(data_dir), "--as-of", "2025-06-01"])
    assert debug.exit_code == 3
    assert "Traceback" in debug.output


@pytest.mark.parametrize("name", ["settings.yaml", "workplan.yaml"])
@pytest.mark.parametrize(
    ("make", "code", "words"),
    [
        (lambda path: path.write_text("", encoding="utf-8"), "E002", "the file is empty"),
        (lambda path: path.write_text("# all commented out\n", encoding="utf-8"), "E002", "the file is empty"),
        (lambda path: path.mkdir(), "E001", "not a regular file"),
        (lambda path: path.symlink_to(path), "E001", "not a regular file"),
        (lambda path: path.symlink_to(path.parent / "elsewhere.yaml"), "E001", "not a regular file"),
    ],
    ids=["empty", "comments only", "a folder", "a link loop", "a broken link"],
)
def test_a_settings_or_workplan_file_that_is_there_but_no_record_is_reported(data_dir, write_state, name, make, code, words):
    write_state(GOOD_TEXT)
    make(data_dir / name)
    result = check(data_dir, "--format", "json")
    assert result.exit_code == 1
    findings = [f for f in as_json(result)["findings"] if f["file"] == f"{data_dir}/{name}"]
    assert [(f["code"], f["line"]) for f in findings] == [(code, 1)]
    assert words in findings[0]["message"]


def test_settings_and_workplan_may_be_left_out(data_dir, write_state):
    write_state(GOOD_TEXT)
    assert check(data_dir).exit_code == 0
