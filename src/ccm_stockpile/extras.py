"""The optional parts of the install: which command needs which extra, and the message when it is missing.

The core install (`pip install ccm-stockpile`) checks, formats, compares and shows records; letters,
documents, the chart and the Excel export need the `documents` extra. A command that needs a module of an
extra checks for it before it writes anything, so a missing extra is one clear line, never a traceback.
"""

from __future__ import annotations

import importlib.util
import sys

# The top-level module each extra brings, and what needs it (for the message).
EXTRA_OF: dict[str, str] = {
    "jinja2": "documents",
    "babel": "documents",
    "pypandoc": "documents",
    "matplotlib": "documents",
    "openpyxl": "documents",
}


class MissingExtra(Exception):
    """A module of an optional extra is not installed: the command cannot run as installed (exit 2)."""

    def __init__(self, module: str, what: str) -> None:
        self.module = module
        extra = EXTRA_OF.get(module, "documents")
        super().__init__(
            f"{what} needs {module}, which comes with the `{extra}` extra: install it with "
            f"`pip install 'ccm-stockpile[{extra}]'` (in this repository: `make check` installs everything)"
        )


def installed(module: str) -> bool:
    """Whether `module` can be imported, without importing it (matplotlib alone takes half a second)."""
    if module in sys.modules:
        return sys.modules[module] is not None  # None: an import known to fail (and how tests simulate one)
    return importlib.util.find_spec(module) is not None


def require(what: str, *modules: str) -> None:
    """Raise MissingExtra for the first of `modules` that is not installed; `what` names the command."""
    for module in modules:
        if not installed(module):
            raise MissingExtra(module, what)


def from_import_error(error: ImportError, what: str) -> MissingExtra | None:
    """The MissingExtra an ImportError means, when it is a module of an extra; None for any other."""
    name = (error.name or "").split(".")[0]
    return MissingExtra(name, what) if name in EXTRA_OF else None


def documents_modules(output: str) -> tuple[str, ...]:
    """What writing a document in `output` (md, docx, html) needs: templates and languages; pandoc beyond Markdown."""
    return ("jinja2", "babel") if output == "md" else ("jinja2", "babel", "pypandoc")
