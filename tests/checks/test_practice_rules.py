"""P001 at a transfer's origin, with its column and value (issue 15, point 5: a mutant that named the wrong
key, or dropped the column or the value of a practice finding, survived the earlier tests)."""

from __future__ import annotations

from tests.conftest import findings_for, make_practice, make_state

MESSAGE = "`QQQ` has no file in states/; correct the code, or name the state in a text field if it has no record"


def test_p001_at_a_transfer_origin_names_the_key_the_column_and_the_code(data_dir, write_state, write_practice):
    write_state(make_state())
    path = write_practice(make_practice(transfers=[{"origin": "QQQ", "destination": "ESP"}]))
    (finding,) = findings_for(data_dir)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if '"origin": "QQQ"' in text)
    column = lines[line - 1].index('"origin"') + 1  # the mark is the key's
    assert (finding.code, finding.path, finding.line, finding.column, finding.value, finding.message) == (
        "P001",
        "transfers[0].origin",
        line,
        column,
        "QQQ",
        MESSAGE,
    )
    assert finding.file == str(path)
