"""The data folder as it was at a git revision, for `ccm diff`. Only `ccm diff` imports this module."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path


class GitError(Exception):
    """git is missing, the folder is not in a repository, or a revision does not exist."""


def _git(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except FileNotFoundError:
        raise GitError("git is not installed (or not on PATH)") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[-1] if message else f"git {' '.join(args)} failed")
    return done.stdout


def repository(folder: Path) -> tuple[Path, str]:
    """The repository's top folder and the path of `folder` inside it (`data`, or `.` for the top)."""
    start = folder if folder.is_dir() else folder.parent
    try:
        top = Path(_git(start, "rev-parse", "--show-toplevel").decode("utf-8").strip())
    except GitError:
        raise GitError(f"{folder} is not inside a git repository") from None
    inside = folder.resolve().relative_to(top.resolve()).as_posix()
    return top, inside


def commit(top: Path, revision: str) -> str:
    """The commit a revision names (`HEAD`, `main`, `HEAD~2`, a hash), as a full hash."""
    if revision.startswith("-"):
        raise GitError(f"not a revision: {revision!r}")
    try:
        return _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").decode("ascii").strip()
    except GitError:
        raise GitError(f"no commit {revision!r} in {top}") from None


def extract(top: Path, revision: str, inside: str, target: Path) -> bool:
    """Write the files under `inside` as they are at `revision` into `target`; False when it had no such folder.

    One `git archive` for the whole folder, rather than a `git show REV:path` per file.
    """
    listed = _git(top, "ls-tree", "--name-only", revision, "--", inside)  # `.`: the data folder is the repository
    if not listed.strip():
        return False
    archive = _git(top, "archive", "--format=tar", revision, "--", inside if inside != "." else ".")
    with tarfile.open(fileobj=io.BytesIO(archive)) as bundle:
        members = [member for member in bundle.getmembers() if member.isfile() or member.isdir()]
        if hasattr(tarfile, "data_filter"):  # Python 3.11.4 and later
            bundle.extractall(target, members=members, filter="data")
        else:  # pragma: no cover - only regular files and folders are extracted
            bundle.extractall(target, members=members)
    return True


def changed_lines(top: Path, base: str, inside: str) -> dict[str, set[int]]:
    """The lines the working tree adds or changes under `inside` since `base`, by path from the repository top.

    From the hunks of `git diff -U0` (the new side of each `@@ -a,b +c,d @@`); a file git does not track yet
    is changed on every line. A hunk that only deletes marks no line: nothing is left there to annotate.

    The hunk headers are read here rather than by a diff library (unidiff): with `-U0` only the `+++` and `@@`
    lines matter, each of one fixed form, and the core install stays without another dependency."""
    found: dict[str, set[int]] = {}
    diff = _git(top, "-c", "core.quotepath=off", "diff", "--no-ext-diff", "--no-color", "--no-renames", "-U0", base, "--", inside)
    path: str | None = None
    for raw in diff.decode("utf-8", "replace").splitlines():
        if raw.startswith("+++ "):
            name = raw[4:]
            path = name[2:] if name.startswith("b/") else None  # `+++ /dev/null`: the file was deleted
            if path is not None:
                found.setdefault(path, set())
        elif raw.startswith("@@ ") and path is not None:
            new = raw.split(" ")[2]  # `+c,d` or `+c`
            start, _, count = new[1:].partition(",")
            length = int(count) if count else 1
            found[path].update(range(int(start), int(start) + length))
    untracked = _git(top, "-c", "core.quotepath=off", "ls-files", "--others", "--exclude-standard", "-z", "--", inside)
    for name in filter(None, untracked.decode("utf-8", "replace").split("\0")):
        try:
            lines = (top / name).read_bytes().count(b"\n") + 1
        except OSError:
            continue
        found[name] = set(range(1, lines + 1))
    return found
