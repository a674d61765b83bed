"""Excel (.xlsx) reader: one Page per sheet (number None, name = sheet title); each sheet's used
range as tables, split at fully blank rows; merged ranges become spans; filled cells shaded.

openpyxl reads in read-only (streaming) mode whatever the size: values, fills and number formats
come with the cells; merged ranges, which that mode does not give, are scanned from each sheet's
XML. Strict OOXML workbooks (ISO 29500 strict namespaces), which openpyxl opens as a workbook
with no sheets, are rewritten to the transitional namespaces in memory and read normally.
"""
from __future__ import annotations

import datetime as _dt
import io
import re
import warnings as _warnings
import zipfile
from pathlib import Path
from typing import Optional

from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import ZIP_ERRORS, ReadError, ReadLimits, ole_container_error, open_package

# Strict -> transitional namespace URIs (ECMA-376 Part 1 vs ISO/IEC 29500 strict)
_STRICT_NS = [
    (b"http://purl.oclc.org/ooxml/spreadsheetml/main",
     b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
]
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"


def _sniff(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(8192)
    ole = ole_container_error(path, head, "Excel workbook", "Excel (.xls)", ".xlsx")
    if ole:
        raise ole
    if not head.startswith(b"PK"):
        raise ReadError("not_xlsx", f"{path.name} is named .xlsx but is not an Excel workbook")


def _transitional_copy(zf: zipfile.ZipFile) -> Optional[io.BytesIO]:
    """The workbook with strict namespaces replaced, or None when it is not strict."""
    try:
        wb_xml = zf.read("xl/workbook.xml")
    except KeyError:
        return None
    if _STRICT_MARK not in wb_xml[:4096]:
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in zf.infolist():
            data = zf.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for strict, trans in _STRICT_NS:
                    data = data.replace(strict, trans)
                data = data.replace(b"http://purl.oclc.org/ooxml/officeDocument/relationships/",
                                    b"http://schemas.openxmlformats.org/officeDocument/2006/"
                                    b"relationships/")
                # strict marks the workbook conformance; transitional has no such attribute
                data = re.sub(rb'\sconformance="strict"', b"", data)
            dst.writestr(info, data)
    out.seek(0)
    return out


def read_xlsx(path: Path, limits: ReadLimits) -> Document:
    import openpyxl
    path = Path(path)
    if path.stat().st_size:          # an empty file is reported as such by open_package
        _sniff(path)
    zf = open_package(path, limits, "XLSX", "xl/workbook.xml", "not_xlsx", "an Excel workbook")
    warnings: list[str] = []
    try:
        source = _transitional_copy(zf)
        if source is not None:
            warnings.append("Strict Open XML workbook: read after converting its namespaces")
            with zipfile.ZipFile(source) as converted:
                merges, unsaved = _scan_sheets(converted)
            source.seek(0)
        else:
            merges, unsaved = _scan_sheets(zf)
        for name, n in unsaved.items():
            warnings.append(f"sheet {name!r}: {n} formula cell(s) without a saved result (the "
                            "file was never calculated by a spreadsheet program); read as empty")
    except ZIP_ERRORS + (KeyError, OSError) as e:
        raise ReadError("corrupt", f"{path.name}: workbook parts cannot be read ({e})") from e
    except Exception as e:  # defusedxml/expat on a damaged workbook.xml
        if type(e).__name__ in ("ParseError", "ExpatError", "DefusedXmlException",
                                "EntitiesForbidden", "DTDForbidden"):
            raise ReadError("corrupt", f"{path.name}: workbook.xml cannot be parsed ({e})") from e
        raise
    finally:
        zf.close()
    # read-only mode streams the cells (fills and number formats included); merged ranges,
    # which it does not give, come from the sheets' XML (_scan_sheets)
    try:
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")   # openpyxl warns about styles etc.: not ours
            wb = openpyxl.load_workbook(source if source is not None else str(path),
                                        read_only=True, data_only=True)
    except ReadError:
        raise
    except Exception as e:  # openpyxl raises many types for broken packages
        raise ReadError("corrupt", f"{path.name}: Excel workbook cannot be opened "
                        f"({type(e).__name__}: {e})") from e
    try:
        sheets = wb.worksheets
        if not sheets:
            raise ReadError("no_sheets", f"{path.name} opens as a workbook without sheets "
                            "(an unsupported variant such as Strict Open XML, or a damaged file)")
        if len(sheets) > limits.max_sheets:
            raise ReadError("too_large", f"{path.name} has {len(sheets)} sheets, over the limit "
                            f"of {limits.max_sheets}")
        pages = []
        budget = [limits.max_cells]
        with _warnings.catch_warnings():
            _warnings.simplefilter("ignore")
            for ws in sheets:
                pages.append(Page(number=None, name=ws.title,
                                  blocks=_sheet_tables(ws, merges.get(ws.title, []), budget)))
    except ReadError:
        raise
    except Exception as e:  # a damaged sheet part surfaces only while streaming it
        raise ReadError("corrupt", f"{path.name}: a sheet cannot be read "
                        f"({type(e).__name__}: {e})") from e
    finally:
        wb.close()
    return Document(path=str(path), format="xlsx", pages=pages, warnings=warnings)


_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}\d+)(?::([A-Za-z]{1,3}\d+))?"')


_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
# a formula followed by a non-empty value (openpyxl writes ``<v></v>``: nothing saved)
_FORMULA_WITH_VALUE = re.compile(rb"(?:</(?:\w+:)?f>|<(?:\w+:)?f\b[^>]*/>)\s*<(?:\w+:)?v>[^<]")


def _scan_sheets(zf: zipfile.ZipFile) -> tuple[dict, dict]:
    """Per sheet name: merged ranges (min_row, min_col, max_row, max_col), and how many
    formulas have no saved result. A byte search of each sheet's XML (not parsed twice)."""
    from defusedxml import ElementTree as DET
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string
    wb = DET.fromstring(zf.read("xl/workbook.xml"))
    try:
        rels = DET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return {}, {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    merges: dict[str, list[tuple[int, int, int, int]]] = {}
    unsaved: dict[str, int] = {}

    def ranges_in(buf: bytes, end: int, out: list) -> None:
        for m in _MERGE.finditer(buf, 0, end):
            a = coordinate_from_string(m.group(1).decode().upper())
            b = coordinate_from_string((m.group(2) or m.group(1)).decode().upper())
            out.append((a[1], column_index_from_string(a[0]), b[1], column_index_from_string(b[0])))

    for sheet in wb.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        target = targets.get(sheet.get(f"{{{_REL_NS}}}id"), "")
        part = target.lstrip("/") if target.startswith("/") else "xl/" + target
        part = re.sub(r"[^/]+/\.\./", "", part)
        if part not in zf.namelist():
            continue
        ranges: list = []
        formulas = valued = 0
        tail = b""
        with zf.open(part) as f:
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    break
                buf = tail + chunk
                cut = buf.rfind(b"<")           # keep a possibly cut tag for the next round
                end = cut if cut > 0 else len(buf)
                ranges_in(buf, end, ranges)
                formulas += len(_FORMULA.findall(buf, 0, end))
                valued += len(_FORMULA_WITH_VALUE.findall(buf, 0, end))
                tail = buf[cut:] if cut > 0 else b""
        if tail:
            ranges_in(tail, len(tail), ranges)
            formulas += len(_FORMULA.findall(tail))
            valued += len(_FORMULA_WITH_VALUE.findall(tail))
        merges[sheet.get("name")] = sorted(set(ranges))
        if formulas > valued:
            unsaved[sheet.get("name")] = formulas - valued
    return merges, unsaved


def _fmt_number(v, number_format: str) -> str:
    fmt = number_format or "General"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if "%" in fmt and isinstance(v, (int, float)):
        pct = v * 100
        decimals = len(fmt.split(".")[1].split("%")[0]) if "." in fmt else 0
        return f"{pct:.{decimals}f}%"
    if isinstance(v, float):
        if "," in fmt and v.is_integer():
            return f"{int(v):,}"
        if "." in fmt and "0" in fmt.split(".")[-1]:
            decimals = len(re.match(r"0*", fmt.split(".")[-1]).group(0))
            return f"{v:,.{decimals}f}" if "," in fmt else f"{v:.{decimals}f}"
        if v.is_integer():
            return str(int(v))
        return repr(round(v, 10)).rstrip("0").rstrip(".") if "e" not in repr(v) else str(v)
    if isinstance(v, int):
        return f"{v:,}" if "," in fmt else str(v)
    return str(v)


_THAI_MONTHS = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.",
                "พ.ย.", "ธ.ค."]
_FORMAT_NOISE = re.compile(r'\[[^\]]*\]|"[^"]*"|\\.')


def _fmt_date(v, number_format: str) -> str:
    """A date cell as the precision its format shows: with a day, ISO ``YYYY-MM-DD`` (plus the
    time if it has one); month and year only, the Thai month and Buddhist year (``ก.ย. 2553``,
    as Thai Excel shows it), so that a month stays a month and is not read as its first day;
    a year only, ``พ.ศ. 2553``."""
    fmt = _FORMAT_NOISE.sub("", number_format).lower()
    date = v.date() if isinstance(v, _dt.datetime) else v
    if "d" in fmt or not fmt or fmt == "general":
        if isinstance(v, _dt.datetime) and v.time() != _dt.time(0):
            return v.isoformat(sep=" ")
        return date.isoformat()
    be = date.year + 543
    if "m" in fmt and "y" in fmt:
        return f"{_THAI_MONTHS[date.month - 1]} {be}"
    if "y" in fmt:
        return f"พ.ศ. {be}"
    return date.isoformat()


def _cell_text(c) -> str:
    v = c.value
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, (_dt.datetime, _dt.date)):
        return _fmt_date(v, getattr(c, "number_format", "") or "")
    if isinstance(v, _dt.time):
        return v.isoformat()
    if isinstance(v, _dt.timedelta):
        return str(v)
    return _fmt_number(v, getattr(c, "number_format", "General"))


def _is_shaded(c) -> bool:
    fill = getattr(c, "fill", None)
    if fill is None or not getattr(fill, "fill_type", None) or fill.fill_type == "none":
        return False
    color = fill.fgColor if fill.fill_type == "solid" else (fill.fgColor or fill.bgColor)
    if color is None:
        return True
    rgb = getattr(color, "rgb", None)
    if isinstance(rgb, str):
        return rgb.upper()[-6:] != "FFFFFF" and rgb.upper() != "00000000"
    if getattr(color, "type", "") == "theme":
        return getattr(color, "theme", 0) not in (0,) or bool(getattr(color, "tint", 0))
    if getattr(color, "type", "") == "indexed":
        return getattr(color, "indexed", 64) not in (1, 9, 64)  # white / system background
    return True


def _sheet_tables(ws, merges: list[tuple[int, int, int, int]], budget: list[int]) -> list:
    """Blocks of a sheet: a table per band of rows between fully blank rows."""
    # grid of (text, shaded) over the used range; the stored dimension may be wrong, so all
    # rows are streamed
    ws.reset_dimensions()
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    for row in ws.iter_rows():
        for c in row:
            r, k = getattr(c, "row", None), getattr(c, "column", None)
            if r is None or k is None:
                continue                      # EmptyCell padding of read-only rows
            shaded = _is_shaded(c)
            if c.value is None and not shaded:
                continue
            text = _cell_text(c)
            if text or shaded:
                grid[(r, k)] = (text, shaded)
        budget[0] -= len(row)
        if budget[0] < 0:
            raise ReadError("too_large", f"sheet {ws.title!r}: more cells than the limit allows")
    if not grid and not merges:
        return []
    rows_used = {r for r, _ in grid} | {r for m in merges for r in range(m[0], m[2] + 1)}
    # row bands separated by fully blank rows (merged ranges hold their rows together)
    bands: list[tuple[int, int]] = []
    for r in sorted(rows_used):
        if bands and r <= bands[-1][1] + 1:
            bands[-1] = (bands[-1][0], max(bands[-1][1], r))
        else:
            bands.append((r, r))
    blocks: list = []
    for r0, r1 in bands:
        cols = [k for (r, k) in grid if r0 <= r <= r1] + \
               [k for m in merges if r0 <= m[0] <= r1 for k in (m[1], m[3])]
        c0, c1 = min(cols), max(cols)
        filled = sorted((r, k) for (r, k) in grid if r0 <= r <= r1 and grid[(r, k)][0].strip())
        one_per_row = len({r for r, _ in filled}) == len(filled)
        if filled and one_per_row and not any(
                m[2] > m[0] for m in merges if r0 <= m[0] <= r1) and not any(
                grid[key][1] for key in grid if r0 <= key[0] <= r1):
            # lines with one cell each between blank rows (titles, notes): paragraphs
            for key in filled:
                text = grid[key][0]
                blocks.append(Paragraph(text=repair_thai(text.strip()), raw=text))
            continue
        covered: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for m in merges:
            if r0 <= m[0] <= r1:
                for rr in range(m[0], m[2] + 1):
                    for kk in range(m[1], m[3] + 1):
                        covered[(rr, kk)] = m
        cells = []
        for r in range(r0, r1 + 1):
            for k in range(c0, c1 + 1):
                m = covered.get((r, k))
                if m is not None and (r, k) != (m[0], m[1]):
                    continue
                text, shaded = grid.get((r, k), ("", False))
                rs = m[2] - m[0] + 1 if m else 1
                cs = m[3] - m[1] + 1 if m else 1
                cells.append(Cell(row=r - r0, col=k - c0, text=repair_thai(text.strip()),
                                  raw=text, rowspan=rs, colspan=cs, shaded=shaded))
        blocks.append(Table(cells=cells, n_rows=r1 - r0 + 1, n_cols=c1 - c0 + 1,
                            sheet=ws.title))
    return blocks
