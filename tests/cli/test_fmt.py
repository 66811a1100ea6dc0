"""`ccm fmt`: rewrites in place (atomically, comments kept), `--check` prints a diff and exits 1."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from ccm_stockpile.cli.app import app

runner = CliRunner()

MESSY = "# Spain\nname: Spain   # UNTC\niso3: ESP\nstatus: party\n"
CANONICAL = "# Spain\niso3: ESP\nname: Spain   # UNTC\nstatus: party\n"


def fmt(*args: str):
    return runner.invoke(app, ["fmt", *args])


def test_check_prints_a_unified_diff_and_exits_1_without_writing(data_dir: Path):
    path = data_dir / "states" / "esp.yaml"
    path.write_text(MESSY, encoding="utf-8")
    result = fmt("--check", "--data", str(data_dir))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"--- {path.as_posix()}\n+++ {path.as_posix()}\n@@ -1,4 +1,4 @@\n # Spain\n+iso3: ESP\n")
    assert "\n-iso3: ESP\n" in result.stdout
    assert "1 file(s) would be reformatted, 0 already canonical; run `ccm fmt`" in result.stderr
    assert path.read_text(encoding="utf-8") == MESSY


def test_fmt_rewrites_then_changes_nothing(data_dir: Path):
    path = data_dir / "states" / "esp.yaml"
    path.write_text(MESSY, encoding="utf-8")
    (data_dir / "settings.yaml").write_text("thresholds:\n  unchanged_years: 3\n", encoding="utf-8")
    first = fmt("--data", str(data_dir))
    assert first.exit_code == 0, first.output
    assert first.stdout == f"reformatted {path.as_posix()}\n"
    assert "1 file(s) reformatted, 1 already canonical" in first.stderr
    assert path.read_text(encoding="utf-8") == CANONICAL
    assert [p.name for p in (data_dir / "states").iterdir()] == ["esp.yaml"]  # no temporary file left behind
    again = fmt("--check", "--data", str(data_dir))
    assert again.exit_code == 0
    assert again.stdout == ""
    assert "2 file(s) already canonical" in again.stderr


def test_paths_are_files_or_folders(data_dir: Path):
    path = data_dir / "states" / "esp.yaml"
    path.write_text(MESSY, encoding="utf-8")
    (data_dir / "states" / "readme.txt").write_text("not a record", encoding="utf-8")
    assert fmt("--check", str(path)).exit_code == 1
    assert fmt("--check", str(data_dir / "states")).exit_code == 1
    missing = fmt("--check", str(data_dir / "states" / "prt.yaml"))
    assert missing.exit_code == 2
    assert "no file or folder" in missing.stderr


def test_a_file_that_cannot_be_formatted_is_left_alone_and_exits_1(data_dir: Path):
    broken = data_dir / "states" / "esp.yaml"
    broken.write_text('iso3: ESP\nname: "Spain\n', encoding="utf-8")
    other = data_dir / "states" / "prt.yaml"
    other.write_text("name: Portugal\niso3: PRT\n", encoding="utf-8")
    result = fmt("--data", str(data_dir))
    assert result.exit_code == 1
    assert f"ccm: {broken.as_posix()}:2: cannot format: not valid YAML" in result.stderr
    assert broken.read_text(encoding="utf-8") == 'iso3: ESP\nname: "Spain\n'
    assert other.read_text(encoding="utf-8") == "iso3: PRT\nname: Portugal\n"


def test_no_data_folder_is_bad_usage(tmp_path: Path):
    result = fmt("--data", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert "no data folder" in result.stderr


def test_a_relative_path_gives_a_diff_git_can_apply(monkeypatch, data_dir: Path):
    (data_dir / "states" / "esp.yaml").write_text(MESSY, encoding="utf-8")
    monkeypatch.chdir(data_dir)
    result = fmt("--check", "states")
    assert result.stdout.startswith("--- a/states/esp.yaml\n+++ b/states/esp.yaml\n")


def test_line_ends_alone_are_reported_and_fixed(data_dir: Path):
    path = data_dir / "states" / "esp.yaml"
    path.write_bytes(CANONICAL.replace("\n", "\r\n").encode("utf-8"))
    result = fmt("--check", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "only its line ends or byte-order mark differ (canonical: LF, no BOM)" in result.stderr
    assert fmt(str(path)).exit_code == 0
    assert path.read_bytes() == CANONICAL.encode("utf-8")


def test_a_date_not_in_the_calendar_is_left_alone_and_exits_1(data_dir: Path):
    broken = data_dir / "states" / "esp.yaml"
    broken.write_text("iso3: ESP\nname: Spain\nstatus: party\nsigned: 2025-02-30\n", encoding="utf-8")
    result = fmt("--data", str(data_dir))
    assert result.exit_code == 1, result.output
    assert f"ccm: {broken.as_posix()}:4: cannot format: a date that is not in the calendar" in result.stderr
    assert "internal error" not in result.output
