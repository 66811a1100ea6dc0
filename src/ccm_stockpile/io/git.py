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
