"""How the results cache names the content of a data file: shared by the reader, which records the bytes it
parses, and the cache, which must not import the reader (and YAML) to answer from a stored result."""

from __future__ import annotations

import hashlib

NOT_A_FILE = "-"  # a folder, a broken link: the reader reports it, and so does a run from the cache
UNREADABLE = "!"  # a run that met such a file is never stored


def content_digest(raw: bytes) -> str:
    """The digest a file's bytes are keyed by."""
    return hashlib.blake2b(raw, digest_size=16).hexdigest()
