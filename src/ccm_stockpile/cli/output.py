"""Writing to the terminal without typer or rich: the ASCII fallback and raw output (used by the cache's
fast path too, which must start without importing either)."""

from __future__ import annotations

import codecs
import sys
import unicodedata
from typing import TextIO

_SPELLED = {
    "\u2026": "...",
    "\u2013": "-",
    "\u2014": "-",
    "\u2192": "->",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
}


def _to_ascii(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: `Türkiye` -> `Turkiye`, `…` -> `...`, anything else -> `?`."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start : error.end]
    out = []
    for character in text:
        spelled = _SPELLED.get(character)
        if spelled is None:
            decomposed = unicodedata.normalize("NFKD", character)
            spelled = "".join(c for c in decomposed if ord(c) < 128) or "?"
        out.append(spelled)
    return "".join(out), error.end


codecs.register_error("ccm-ascii", _to_ascii)


def degrade_to_ascii(stream: TextIO) -> None:
    """Where a stream cannot take UTF-8, write `Türkiye` as `Turkiye` instead of failing."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    if not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
        stream.reconfigure(errors="ccm-ascii")


def write_out(text: str) -> None:
    """Write text to stdout as is (degrading to ASCII where stdout cannot take UTF-8)."""
    degrade_to_ascii(sys.stdout)
    sys.stdout.write(text)
    sys.stdout.flush()
