"""Build the CER fixtures: known Thai texts -> DOCX (python-docx) -> PDF (LibreOffice), per font.

Sources (src/*.txt) are plain text: a line is a paragraph, consecutive lines with TABs are a
table (one row per line), blank lines separate blocks. Inside a table a cell ``^`` continues the
merged cell above, ``<`` the merged cell to the left, ``#`` is an empty shaded cell (a Gantt bar).
A table whose first cell starts with ``!`` is drawn without borders (its columns are aligned
by the text only); the ``!`` is not part of the text. A cell starting with ``↑`` is written
bottom to top (turned text, as in narrow month columns); the ``↑`` is not part of the text.
A paragraph starting with ``→`` gets a first-line indent (Thai official letters indent every
paragraph); the ``→`` is not part of the text.

Outputs, committed: docx/<src>-<font>.docx, pdf/<src>-<font>.pdf and expected/<src>.txt, the text
``thaiforms text`` should print for the document (paragraphs one per line, rows TAB-joined,
merged positions empty), which scripts/cer.py compares against.

Needs LibreOffice (soffice) and fonts-thai-tlwg. Run: .venv/bin/python tests/data/cer/build.py
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

HERE = Path(__file__).resolve().parent
# font -> size in points (the TH-style fonts Laksaman/Kinnari/Norasi have a small x-height)
FONTS = {"Laksaman": 15, "Garuda": 10, "Loma": 11, "Kinnari": 14, "Norasi": 14, "Waree": 10,
         "Umpush": 11}
# which sources are built in which fonts (every source in at least two fonts)
BUILDS = {
    "form72": ["Laksaman", "Garuda", "Loma", "Kinnari", "Norasi"],
    "plan": ["Laksaman", "Garuda", "Norasi"],
    "report": ["Laksaman", "Loma", "Kinnari"],
    "budget": ["Garuda", "Laksaman"],
    # held out: added after the reader was tuned on the sources above, in fonts not used there
    "standard": ["Waree", "Umpush", "Kinnari"],
    "turned": ["Garuda", "Laksaman"],
    "letter": ["Garuda", "Laksaman", "Norasi"],
}


def parse(path: Path) -> list:
    """Blocks: ("p", text) or ("t", rows)."""
    blocks: list = []
    rows: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            blocks.append(("t", rows))
            rows = []
        if line.strip():
            blocks.append(("p", line.strip()))     # "→" kept: make_docx indents, text drops it
    if rows:
        blocks.append(("t", rows))
    return blocks


def expected_text(blocks: list) -> str:
    out = []
    for kind, val in blocks:
        if kind == "p":
            out.append(val.lstrip("→"))
        else:
            out.append("\n".join("\t".join("" if c in ("^", "<", "#") else c.lstrip("↑")
                                           for c in r) for r in _unmark(val)))
    return "\n\n".join(out) + "\n"


def _unmark(rows: list[list[str]]) -> list[list[str]]:
    if rows and rows[0] and rows[0][0].startswith("!"):
        return [[rows[0][0][1:]] + rows[0][1:]] + rows[1:]
    return rows


def _set_font(run_or_style_font, element, name: str, size: int) -> None:
    run_or_style_font.name = name
    run_or_style_font.size = Pt(size)
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    szcs = OxmlElement("w:szCs")
    szcs.set(qn("w:val"), str(size * 2))
    rpr.append(szcs)


def _shade(cell) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), "A6A6A6")
    tcpr.append(shd)


def _set_widths(t, widths) -> None:
    """Column widths in the table grid and every cell (LibreOffice reads w:tblGrid)."""
    t.autofit = False
    grid = t._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w.twips)))
    for row in t.rows:
        for k, c in enumerate(row.cells):
            if k < len(widths):
                c.width = widths[k]


def make_docx(blocks: list, font: str, size: int, out: Path) -> None:
    d = docx.Document()
    normal = d.styles["Normal"]
    _set_font(normal.font, normal.element, font, size)
    normal.paragraph_format.space_after = Pt(2)
    sec = d.sections[0]
    wide = any(kind == "t" and max(len(r) for r in val) > 6 for kind, val in blocks)
    if wide:
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    for m in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sec, m, Cm(1.2))
    for kind, val in blocks:
        if kind == "p":
            para = d.add_paragraph(val.lstrip("→"))
            if val.startswith("→"):
                para.paragraph_format.first_line_indent = Cm(1.5)
            continue
        n_cols = max(len(r) for r in val)
        borderless = val[0][0].startswith("!")
        rows = [r + [""] * (n_cols - len(r)) for r in _unmark(val)]
        t = d.add_table(rows=len(rows), cols=n_cols)
        if not borderless:
            t.style = "Table Grid"
        if n_cols > 10:   # Gantt: narrow month columns
            widths = [4.2, 1.4, 1.3, 1.3] + [0.95] * (n_cols - 8) + [3.0, 1.8, 1.5, 1.3]
        elif n_cols == 8:  # form 7.2
            widths = [6.5, 3.5, 6.0, 1.8, 1.8, 1.8, 1.6, 2.2]
        elif n_cols == 6 and any(c.startswith("↑") for r in rows for c in r):
            widths = [7.0, 2.0] + [1.2] * 4
        elif n_cols == 7:  # KPI ladder
            widths = [9.0, 1.8] + [2.2] * 5
        elif borderless:
            widths = [7.0] + [3.0] * (n_cols - 1)
        else:
            widths = [3.0] + [15.0 / (n_cols - 1)] * (n_cols - 1) if n_cols > 2 else [3.0, 15.0]
        _set_widths(t, [Cm(w) for w in widths])
        # merges first (python-docx merge keeps the top-left text), then text
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v == "^":
                    top = r
                    while rows[top][c] == "^":
                        top -= 1
                    t.cell(top, c).merge(t.cell(r, c))
                elif v == "<":
                    left = c
                    while rows[r][left] == "<":
                        left -= 1
                    t.cell(r, left).merge(t.cell(r, c))
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v in ("^", "<"):
                    continue
                cell = t.cell(r, c)
                if v == "#":
                    _shade(cell)
                    continue
                if v.startswith("↑"):
                    v = v[1:]
                    direction = OxmlElement("w:textDirection")
                    direction.set(qn("w:val"), "btLr")
                    cell._tc.get_or_add_tcPr().append(direction)
                run = cell.paragraphs[0].add_run(v)
                if n_cols > 10:   # Gantt tables are set smaller, as offices do
                    _set_font(run.font, run._r, font, max(8, round(size * 0.75)))
        d.add_paragraph("")
    d.save(str(out))


def main() -> int:
    if not shutil.which("soffice"):
        print("soffice (LibreOffice) is needed to build the PDFs", file=sys.stderr)
        return 1
    for sub in ("docx", "pdf", "expected"):
        (HERE / sub).mkdir(exist_ok=True)
    docx_paths = []
    for src, fonts in BUILDS.items():
        blocks = parse(HERE / "src" / f"{src}.txt")
        (HERE / "expected" / f"{src}.txt").write_text(expected_text(blocks), encoding="utf-8")
        for font in fonts:
            out = HERE / "docx" / f"{src}-{font.lower()}.docx"
            make_docx(blocks, font, FONTS[font], out)
            docx_paths.append(out)
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(HERE / "pdf"),
                        *map(str, docx_paths)], check=True, capture_output=True, timeout=600)
    print(f"built {len(docx_paths)} PDFs in {HERE / 'pdf'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
