"""`ccm site`: a static site of the data (overview, a page per State and per practice, downloads)."""

from pathlib import Path
from typing import Annotated

import typer

from ccm_stockpile.cli.common import AsOfOption, DataOption, UsageError, load_dataset, parse_as_of
from ccm_stockpile.site import LANGUAGES


def site(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the site to (new, empty, or an earlier build).")] = Path(
        "site"
    ),
    lang: Annotated[str, typer.Option("--lang", help="en, fr, es or all.")] = "all",
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url", help="Where the site will be published (for hreflang and canonical links).", show_default=False
        ),
    ] = None,
    working_document: Annotated[
        bool, typer.Option("--working-document/--no-working-document", help="Include the draft Working Document (pandoc).")
    ] = True,
    data: DataOption = Path("data"),
    as_of: AsOfOption = None,
) -> int:
    """Write a static site of the data: no server, nothing loaded from outside, works from file://."""
    import re

    from ccm_stockpile.site.build import OutError, build_site, render_site, write_site

    day = parse_as_of(as_of)
    if lang not in (*LANGUAGES, "all"):
        raise UsageError(f"--lang takes en, fr, es or all, got {lang!r}")
    if base_url is not None and not re.fullmatch(r"https?://[^\s\"'<>]+", base_url):
        raise UsageError(f"--base-url takes an address such as https://example.org/ccm/, got {base_url!r}")
    languages = LANGUAGES if lang == "all" else (lang,)
    dataset = load_dataset(data, settings_needed=True)
    built = build_site(dataset, day, working_documents=working_document, languages=languages)
    files = render_site(built, languages, base_url)
    try:
        write_site(files, out)
    except OutError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"--out: cannot write {out}: {error.strerror}") from None
    pages = sum(name.endswith(".html") for name in files)
    typer.echo(f"wrote {out}: {pages} pages, {len(files)} files as of {day.isoformat()}; open {out / 'index.html'}")
    if built.left_out:
        typer.echo(
            f"ccm: left out {len(built.left_out)} file(s) that could not be checked: {', '.join(built.left_out)}; "
            "run `ccm check` and fix them",
            err=True,
        )
        return 1
    return 0
