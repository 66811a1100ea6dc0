"""Codes raised while files are read and validated (io/ and dataset.py); registered for the docs."""

from __future__ import annotations

from ccm_stockpile.checks.registry import Rule, register
from ccm_stockpile.findings import Severity

register(Rule(
    "E001", Severity.ERROR, "The file is not valid YAML",
    basis="Record format (SPEC §1)",
    rationale="A file that cannot be read cannot be checked; every other file is still checked.",
    fix="Fix the syntax at the line given: indent with spaces, close quotes and brackets, save as UTF-8. "
        "Tags (`!!python/...`), anchors and aliases are refused.",
    example='name: "Spain\n',
    scope="file",
))
register(Rule(
    "E002", Severity.ERROR, "A value does not fit the record format",
    basis="Record format (SPEC §1)",
    rationale="Wrong types, unknown keys, missing keys and negative or fractional counts would make "
              "every later check wrong, so they are refused at their line.",
    fix="Follow the message: correct the value, the key's spelling (a `did you mean` is given), or add the "
        "missing key (null where not known). Quantities are whole numbers >= 0 or null.",
    example="retention:\n  - year: 2016\n    report: reported\n    held: {munitions: 2.5, submunitions: -3}\n",
    scope="file",
))
register(Rule(
    "E003", Severity.ERROR, "A key is given twice in one mapping",
    basis="Record format (SPEC §1)",
    rationale="YAML readers silently keep one of the two values; the tool refuses to guess.",
    fix="Keep one of the two keys and delete the other.",
    example="iso3: ESP\nname: Spain\nname: Kingdom of Spain\n",
    scope="file",
))
register(Rule(
    "E004", Severity.ERROR, "Identity: file name, iso3 code or duplicate state",
    basis="Record format (SPEC §1.1)",
    rationale="Each state has exactly one file, named after its ISO 3166-1 alpha-3 code, so follow-up "
              "and letters never mix two states.",
    fix="Rename the file to `<iso3 in lower case>.yaml`, correct `iso3`, or merge the two files.",
    example="# in data/states/esp.yaml\niso3: PRT\n",
    scope="file",
))
