"""JSON Schemas of the record formats, generated from the models (for editors and reviewers)."""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_FILES = {
    "state.schema.json": ("ccm_stockpile.records.state", "StateRecord"),
    "practice.schema.json": ("ccm_stockpile.records.practice", "PracticeRecord"),
    "settings.schema.json": ("ccm_stockpile.records.settings", "Settings"),
    "workplan.schema.json": ("ccm_stockpile.records.workplan", "Workplan"),
}


def schemas() -> dict[str, str]:
    """File name -> JSON text of each schema, deterministic (same models, same bytes)."""
    import importlib

    result = {}
    for file_name, (module_name, class_name) in SCHEMA_FILES.items():
        model = getattr(importlib.import_module(module_name), class_name)
        schema = model.model_json_schema(mode="validation")
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        result[file_name] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return result


def write_schemas(folder: Path) -> list[Path]:
    from ccm_stockpile.io.writer import write_atomic

    written = []
    for file_name, text in schemas().items():
        target = folder / file_name
        write_atomic(target, text)
        written.append(target)
    return written
