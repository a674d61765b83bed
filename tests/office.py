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
