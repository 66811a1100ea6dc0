"""Build templates/reference.docx, the style sheet pandoc uses for every Word document.

Starts from pandoc's own reference document and changes only what a UN-style document needs: Times New
Roman for the text, a page number in the footer, A4 paper with the margins of a UN document (2.5 cm top and
bottom, 2.2 cm left and right: our reading of UN documents as published, not an official specification),
and tables in 10-point type so that their columns fit without splitting words. Run once after changing it, and commit the result:
    .venv/bin/python scripts/make_reference_docx.py
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import docx
import pypandoc
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

TARGET = Path(__file__).resolve().parents[1] / "templates" / "reference.docx"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        default = Path(folder) / "default.docx"
        with default.open("wb") as handle:
            subprocess.run([pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"], stdout=handle, check=True)
        document = docx.Document(str(default))
    for name in ("Normal", "Body Text", "First Paragraph", "Footnote Text"):
        if name in document.styles:
            document.styles[name].font.name = "Times New Roman"
    document.styles["Normal"].font.size = Pt(12)
    if "Compact" in document.styles:  # the paragraph style pandoc gives table cells
        document.styles["Compact"].font.size = Pt(10)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(25)
    section.left_margin = section.right_margin = Mm(22)
    section.header_distance = section.footer_distance = Mm(12)
    section.gutter = Mm(0)
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")  # the page number is a field Word fills in; pandoc keeps the footer
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)
    document.core_properties.author = "ccm-stockpile"
    document.save(str(TARGET))


if __name__ == "__main__":
    main()
