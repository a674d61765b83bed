"""LibreOffice for the tests that build a Word file and read the PDF it exports. LibreOffice is a
Debian package `make office` installs for the bench and the samples; where it is missing (a
fresh machine running `make test`) these tests are skipped."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None,
                                   reason="LibreOffice not installed")


def to_pdf(sources: list[Path], outdir: Path) -> list[Path]:
    """The PDFs of ``sources`` (Word files), converted in one LibreOffice run with a profile of
    its own in ``outdir`` (runs side by side must not share one)."""
    subprocess.run(["soffice", f"-env:UserInstallation=file://{outdir / 'lo'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir)] + [str(s) for s in sources],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)
    return [outdir / (Path(s).stem + ".pdf") for s in sources]


def save_as_pdf(docs: dict, outdir: Path) -> list[Path]:
    """``docs`` (name -> python-docx Document) saved as NAME.docx in ``outdir`` and exported to
    PDF beside them; the Word files' paths, in order."""
    sources = []
    for name, d in docs.items():
        path = outdir / f"{name}.docx"
        d.save(path)
        sources.append(path)
    to_pdf(sources, outdir)
    return sources


def add_run(par, text: str, font: str, size: float = 14, bold: bool = False):
    """A run of ``text`` added to a python-docx paragraph, set in ``font`` for Thai and Latin
    alike (LibreOffice otherwise picks a font of its own for the Thai) at ``size`` points."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
    r = par.add_run(text)
    r.font.size, r.bold = Pt(size), bold
    rpr = r._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for a in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(a), font)
    return r
