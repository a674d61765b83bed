"""OpenDocument spreadsheet (.ods) reader: one Page per sheet, built exactly as the XLSX reader
builds it (xlsx.sheet_blocks): each sheet's cells become a grid of (text, shaded) and merged
ranges, split into titles and tables the same way, so a workbook saved as .ods reads as its
.xlsx twin does.

content.xml is streamed with lxml (no entities, no network; a part declaring a DOCTYPE is refused
first) and styles.xml parsed whole: ODF keeps a sheet as rows of cells in document order, which a
short walk reads directly (no library reads ODS cells, spans and styles without loading far more).
- table:table is a sheet, table:table-row / table:table-cell its rows and cells; repeat counts
  (number-rows-repeated, number-columns-repeated) move the position without costing anything for
  empty runs (a sheet's trailing run of 1,048,576 empty rows costs one step), and a run with
  content is written out only within the cell budget (ReadLimits.max_cells);
- number-columns-spanned / number-rows-spanned are merged ranges, covered-table-cell the positions
  they cover;
- values by office:value-type: float, percentage and currency from office:value, shown through
  the cell's data style taken as the Excel number format it stands for (the XLSX reader's
  display rules); date from office:date-value and time from office:time-value, shown by the
  precision of their data style as the XLSX reader shows dates; boolean TRUE/FALSE; string (and
  error results) as the cell's text:p lines joined with "\\n";
- a cell is shaded when its style (or its column's default cell style), through the parent
  styles, sets a background colour other than white or transparent. An empty cell run filled
  over more than 256 rows or columns is a whole line's format, which XLSX keeps on the line and
  not on its empty cells: left out, so only the cells of such a line that hold text are shaded;
- hidden sheets (table:display="false") are left out with a warning, unless all are hidden;
  hidden rows and columns (table:visibility="collapse") are left out, but those inside a
  collapsed row or column group are kept as folded, and rows hidden by a filter
  (table:visibility="filter") kept as filtered, with the XLSX reader's warnings.
Refused: encrypted packages (reason "encrypted"), zip bombs (common.check_zip), parts declaring a
DOCTYPE/ENTITY, damaged or cut-off zips and XML, a package of another kind named .ods.
"""
from __future__ import annotations

import datetime as _dt
import zipfile
from bisect import bisect_right
from pathlib import Path
from typing import Optional

from lxml import etree

from pipeline import patterns
from schemas.document import Document, Page

from .common import (ZIP_ERRORS, PartCache, ReadError, ReadLimits, check_xml_parts, check_zip,
                     ole_container_error)
from .xlsx import cell_text, excel_date, excel_number, is_duration_format, sheet_blocks

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
_NUMBER = "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
_CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def _t(ns: str, name: str) -> str:
    return f"{{{ns}}}{name}"


T_TABLE, T_ROW, T_COL = _t(_TABLE, "table"), _t(_TABLE, "table-row"), _t(_TABLE, "table-column")
T_CELL, T_COVERED = _t(_TABLE, "table-cell"), _t(_TABLE, "covered-table-cell")
T_ROW_GROUP, T_COL_GROUP = _t(_TABLE, "table-row-group"), _t(_TABLE, "table-column-group")
T_STYLE = _t(_STYLE, "style")
_DATA_STYLES = tuple(_t(_NUMBER, n) for n in (
    "number-style", "percentage-style", "currency-style", "date-style", "time-style",
    "boolean-style", "text-style"))
A_NAME, A_STYLE_NAME = _t(_TABLE, "name"), _t(_TABLE, "style-name")
A_ROWS_REP, A_COLS_REP = _t(_TABLE, "number-rows-repeated"), _t(_TABLE, "number-columns-repeated")
A_ROWS_SPAN, A_COLS_SPAN = _t(_TABLE, "number-rows-spanned"), _t(_TABLE, "number-columns-spanned")
A_VISIBILITY, A_DISPLAY = _t(_TABLE, "visibility"), _t(_TABLE, "display")
A_DEFAULT_CELL = _t(_TABLE, "default-cell-style-name")
A_VALUE_TYPE, A_VALUE = _t(_OFFICE, "value-type"), _t(_OFFICE, "value")
A_DATE_VALUE, A_TIME_VALUE = _t(_OFFICE, "date-value"), _t(_OFFICE, "time-value")
A_BOOL_VALUE = _t(_OFFICE, "boolean-value")
A_CALC_TYPE = _t(_CALCEXT, "value-type")
T_P, T_H = _t(_TEXT, "p"), _t(_TEXT, "h")
T_S, T_TAB, T_BREAK = _t(_TEXT, "s"), _t(_TEXT, "tab"), _t(_TEXT, "line-break")
# inside a paragraph but not its text: comments, notes, shapes, change marks
_NOT_TEXT = {_t(_OFFICE, "annotation"), _t(_OFFICE, "annotation-end"), _t(_TEXT, "note"),
             _t(_TEXT, "tracked-changes"), _t(_TEXT, "bookmark-ref")}

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_SPREADSHEET = b"application/vnd.oasis.opendocument.spreadsheet"
_MAX_REPEAT = 1 << 24           # a repeat count past any sheet's size is read as this
# cells with content (or merges) that repeat counts add beyond those written out: a sheet's
# identical neighbours, never near this; a damaged or hostile count (one cell repeated a million
# times, a zip bomb's way) is refused before it costs minutes
_MAX_REPEATED = 200_000
_WHOLE_LINE = 256               # a fill repeated over more lines is whole-row/column formatting
# office:time-value, an xsd:duration: PT09H30M00S (days too, and fractions of any part)
_NUM = r"(\d+(?:\.\d*)?)"
_DURATION = patterns.compile(rf"-?P(?:{_NUM}D)?(?:T(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?)?")


def read_ods(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    if path.stat().st_size == 0:
        raise ReadError("empty", f"{path.name} is empty (0 bytes)")
    _sniff(path)
    try:
        zf = check_zip(path, limits, "ODS")
    except ReadError as e:
        raise _named(path, e) from e
    try:
        names = set(zf.namelist())
        _check_package(path, zf, names)
        try:
            check_xml_parts(zf, "ODS", {"content.xml", "styles.xml"})
        except ReadError as e:
            raise _named(path, e) from e
        styles = _Styles()
        try:
            if "styles.xml" in names:
                styles.common(zf.read("styles.xml"))
            with zf.open("content.xml") as f:
                sheets, hidden_sheets = _read_content(f, styles, limits, path)
        except ReadError:
            raise
        except etree.XMLSyntaxError as e:
            raise ReadError("corrupt", f"{path.name}: ODS XML cannot be parsed ({e})") from e
        except ZIP_ERRORS + (OSError,) as e:
            reason = "truncated" if isinstance(e, EOFError) or "truncat" in str(e).lower() \
                else "corrupt"
            raise ReadError(reason, f"{path.name}: ODS parts cannot be read ({e})") from e
    finally:
        zf.close()
    if not sheets:
        raise ReadError("no_sheets", f"{path.name} opens as a spreadsheet without sheets")
    warnings: list[str] = []
    skip = hidden_sheets if len(hidden_sheets) < len(sheets) else set()
    pages = []
    for k, sheet in enumerate(sheets):
        if k in skip:
            warnings.append(f"sheet {sheet.title!r} is hidden in the workbook: not read")
            continue
        notes: list[str] = []
        grid, merges = sheet.grid, sheet.merges
        blocks = sheet_blocks(sheet.title, grid, merges, notes,
                              hidden_rows=sheet.hidden_rows, hidden_cols=sheet.hidden_cols(),
                              folded_rows=sheet.folded_rows, folded_cols=sheet.folded_cols(),
                              filtered_rows=sheet.filtered_rows)
        warnings.extend(notes)
        pages.append(Page(number=None, name=sheet.title, blocks=blocks))
    return Document(path=str(path), format="ods", pages=pages, warnings=warnings)


def _named(path: Path, e: ReadError) -> ReadError:
    """The error of a shared package check, naming the file; a zip that starts as one but has
    no central directory at its end is cut off."""
    reason = e.reason
    if reason == "corrupt" and "not a zip file" in e.message.lower():
        with open(path, "rb") as f:
            if f.read(4) == b"PK\x03\x04":
                reason = "truncated"
    return ReadError(reason, f"{path.name}: {e.message}", e.message_th if reason == e.reason
                     else None)


def _sniff(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(8192)
    ole = ole_container_error(path, head, "spreadsheet", "Excel (.xls)", ".ods")
    if ole:
        raise ole
    if head.startswith(b"PK"):
        return
    try:
        from .text import decode
        decode(head if len(head) < 8192 else head[:8000])
    except ReadError:
        raise ReadError("corrupt", f"{path.name} is not an OpenDocument spreadsheet (not a zip "
                        "file)") from None
    raise ReadError("unsupported", f"{path.name} is named .ods but is plain text, not an "
                    "OpenDocument spreadsheet")


def _check_package(path: Path, zf: zipfile.ZipFile, names: set) -> None:
    """An ODF spreadsheet package, not encrypted, with its content.xml."""
    try:
        mimetype = zf.read("mimetype")[:200].strip() if "mimetype" in names else b""
        manifest = zf.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
    except ZIP_ERRORS + (OSError,) as e:
        raise ReadError("corrupt", f"{path.name}: ODS package cannot be read ({e})") from e
    if b"encryption-data" in manifest[:1 << 22]:
        raise ReadError("encrypted", f"{path.name} is a password-protected OpenDocument file")
    if mimetype and mimetype != _SPREADSHEET:
        raise ReadError("unsupported", f"{path.name} is named .ods but is "
                        f"{mimetype.decode('ascii', 'replace')}, not a spreadsheet")
    if "content.xml" not in names:
        raise ReadError("corrupt", f"{path.name} is a zip file without content.xml, not an "
                        "OpenDocument spreadsheet")


def _count(el, attr: str) -> int:
    """A repeat or span count, 1 when missing or malformed, bounded."""
    v = el.get(attr)
    if v is None:
        return 1
    try:
        n = int(v)
    except ValueError:
        return 1
    return min(max(n, 1), _MAX_REPEAT)


_COMMON = PartCache()


class _Styles:
    """Cell styles (automatic ones of content.xml, common and automatic ones of styles.xml):
    whether a style fills the cell, and the Excel number format its data style stands for."""

    def __init__(self):
        self.cell: dict[str, tuple[Optional[str], Optional[str], Optional[str]]] = {}
        self.data: dict[str, str] = {}              # data style name -> Excel format code
        self.hidden_tables: set[str] = set()        # table styles with table:display="false"
        self._resolved: dict[Optional[str], tuple[bool, str]] = {}

    def common(self, data: bytes) -> None:
        """Take in the styles of styles.xml. Files made by one program or from one template
        share it, and parsing it cost a fifth of reading a small sheet: kept by its bytes."""
        hit = _COMMON.get(data)
        if hit is None:
            self.read(etree.fromstring(data, _PARSER))
            hit = _COMMON.put(data, (dict(self.cell), dict(self.data), set(self.hidden_tables)))
        else:
            self.cell, self.data, self.hidden_tables = dict(hit[0]), dict(hit[1]), set(hit[2])

    def read(self, root) -> None:
        for el in root.iter(T_STYLE, *_DATA_STYLES):
            self.element(el)

    def element(self, el) -> None:
        if el.tag == T_STYLE:
            family = el.get(_t(_STYLE, "family"))
            name = el.get(_t(_STYLE, "name"))
            if not name:
                return
            if family == "table-cell":
                background = None
                for props in el.iterchildren(_t(_STYLE, "table-cell-properties")):
                    background = props.get(_t(_FO, "background-color"))
                self.cell[name] = (el.get(_t(_STYLE, "parent-style-name")), background,
                                   el.get(_t(_STYLE, "data-style-name")))
            elif family == "table":
                for props in el.iterchildren(_t(_STYLE, "table-properties")):
                    if props.get(A_DISPLAY) == "false":
                        self.hidden_tables.add(name)
        else:
            name = el.get(_t(_STYLE, "name"))
            if name:
                self.data[name] = _format_code(el)

    def of(self, name: Optional[str]) -> tuple[bool, str]:
        """(shaded, number format) of a cell style, following its parents."""
        hit = self._resolved.get(name)
        if hit is not None:
            return hit
        background = data = None
        seen = set()
        n = name
        while n and n not in seen and n in self.cell and (background is None or data is None):
            seen.add(n)
            parent, bg, ds = self.cell[n]
            background = bg if background is None else background
            data = ds if data is None else data
            n = parent
        bg = (background or "").strip().lower()
        shaded = bool(bg) and bg not in ("transparent", "#ffffff", "#fff", "white")
        hit = self._resolved[name] = (shaded, self.data.get(data, "General") if data else
                                      "General")
        return hit


def _format_code(el) -> str:
    """The Excel number format code an ODF data style stands for, as far as the XLSX reader's
    display rules tell formats apart: grouping, decimals, percent; a date's precision."""
    kind = etree.QName(el).localname
    if kind in ("number-style", "percentage-style", "currency-style"):
        num = next(el.iterchildren(_t(_NUMBER, "number")), None)
        if num is None:
            if next(el.iterchildren(_t(_NUMBER, "scientific-number")), None) is not None:
                return "0.00E+00"
            if next(el.iterchildren(_t(_NUMBER, "fraction")), None) is not None:
                return "# ?/?"
            return "0%" if kind == "percentage-style" else "General"
        places = num.get(_t(_NUMBER, "decimal-places"))
        if places is None and kind == "number-style":
            return "General"
        try:
            decimals = max(0, min(int(places or 0), 30))
        except ValueError:
            decimals = 0
        code = ("#,##0" if num.get(_t(_NUMBER, "grouping")) == "true" else "0") + \
            ("." + "0" * decimals if decimals else "")
        return code + "%" if kind == "percentage-style" else code
    if kind == "date-style":
        parts = [etree.QName(c).localname for c in el if isinstance(c.tag, str)]
        code = "-".join(p for p in (("yyyy" if "year" in parts else ""),
                                    ("mm" if "month" in parts else ""),
                                    ("dd" if "day" in parts else "")) if p)
        if "hours" in parts:
            code += " hh:mm" if code else "hh:mm"
        return code or "yyyy-mm-dd"
    if kind == "time-style":
        # a time running past 24 hours is a duration, as Excel's [h]:mm:ss
        return "[h]:mm:ss" if el.get(_t(_NUMBER, "truncate-on-overflow")) == "false" \
            else "h:mm:ss"
    if kind == "text-style":
        return "@"
    return "General"


class _Sheet:
    __slots__ = ("title", "grid", "merges", "hidden_rows", "folded_rows", "filtered_rows",
                 "columns", "shaded_runs", "rows_started", "_fills", "_fill_starts")

    def __init__(self, title: str):
        self.title = title
        self.grid: dict[tuple[int, int], tuple[str, bool]] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden_rows: list[tuple[int, int]] = []
        self.folded_rows: list[tuple[int, int]] = []
        self.filtered_rows: list[tuple[int, int]] = []
        # (first, last, default cell style, visibility, folded) per column run, in order
        self.columns: list[tuple[int, int, Optional[str], str, bool]] = []
        self.shaded_runs: list[tuple[int, int, int, int]] = []
        self.rows_started = False       # ODF declares the columns before the first row
        self._fills: Optional[list[tuple[int, int, bool]]] = None
        self._fill_starts: list[int] = []

    def hidden_cols(self) -> list[tuple[int, int]]:
        return [(lo, hi) for lo, hi, _, vis, folded in self.columns
                if vis != "visible" and not folded]

    def folded_cols(self) -> list[tuple[int, int]]:
        return [(lo, hi) for lo, hi, _, vis, folded in self.columns if vis != "visible" and folded]

    def column_fills(self, styles: "_Styles") -> tuple[list[tuple[int, int, bool]], list[int]]:
        """Whether the columns' default cell style fills a cell, as (first, last, shaded) runs
        with neighbours of the same answer joined (so a styleless cell run is split only where
        the answer changes), and the runs' first columns."""
        if self._fills is None:
            fills: list[list] = []
            for lo, hi, default, _, _ in self.columns:
                shaded = styles.of(default)[0] if default else False
                if fills and fills[-1][2] == shaded and fills[-1][1] + 1 == lo:
                    fills[-1][1] = hi
                else:
                    fills.append([lo, hi, shaded])
            self._fills = [tuple(f) for f in fills]
            self._fill_starts = [f[0] for f in fills]
        return self._fills, self._fill_starts


def _read_content(f, styles: _Styles, limits: ReadLimits, path: Path):
    """The sheets of content.xml, streamed: styles as they come (automatic styles precede the
    body), each row handled and freed when it ends."""
    sheets: list[_Sheet] = []
    hidden: set[int] = set()
    budget = [limits.max_cells, _MAX_REPEATED]
    tables = 0                          # depth of table:table (a sub-table inside a cell: skipped)
    row_groups: list[bool] = []         # per open row group: collapsed
    col_groups: list[bool] = []
    sheet: Optional[_Sheet] = None
    row = col = 1
    tags = (T_TABLE, T_ROW, T_COL, T_ROW_GROUP, T_COL_GROUP, T_STYLE) + _DATA_STYLES
    for event, el in etree.iterparse(f, events=("start", "end"), tag=tags,
                                     resolve_entities=False, no_network=True, huge_tree=False):
        tag = el.tag
        if event == "start":
            if tag == T_TABLE:
                tables += 1
                if tables == 1:
                    if len(sheets) >= limits.max_sheets:
                        raise ReadError("too_large", f"{path.name} has more than "
                                        f"{limits.max_sheets} sheets, the limit")
                    sheet = _Sheet(el.get(A_NAME) or f"Sheet{len(sheets) + 1}")
                    if el.get(A_STYLE_NAME) in styles.hidden_tables:
                        hidden.add(len(sheets))
                    sheets.append(sheet)
                    row = col = 1
            elif tag == T_ROW_GROUP:
                row_groups.append(el.get(A_DISPLAY) == "false")
            elif tag == T_COL_GROUP:
                col_groups.append(el.get(A_DISPLAY) == "false")
            continue
        if tag == T_ROW:
            if tables == 1 and sheet is not None:
                row = _row(el, sheet, row, styles, budget, any(row_groups))
                _free(el)
        elif tag == T_COL:
            # columns after the first row break the schema; read, they would make the
            # column lookups of each row grow with the rows before
            if tables == 1 and sheet is not None and not sheet.rows_started:
                n = _count(el, A_COLS_REP)
                sheet.columns.append((col, col + n - 1, el.get(A_DEFAULT_CELL),
                                      el.get(A_VISIBILITY) or "visible", any(col_groups)))
                col += n
        elif tag == T_TABLE:
            if tables == 1 and sheet is not None:
                _finish(sheet, budget)
                _free(el)
            tables -= 1
        elif tag == T_ROW_GROUP:
            if row_groups:
                row_groups.pop()
        elif tag == T_COL_GROUP:
            if col_groups:
                col_groups.pop()
        elif tables == 0:               # a style (the automatic styles before the body)
            styles.element(el)
    return sheets, hidden


def _free(el) -> None:
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]


def _row(el, sheet: _Sheet, r: int, styles: _Styles, budget: list[int], folded: bool) -> int:
    """Place one table-row element (repeated ``number-rows-repeated`` times) from row ``r``;
    the row after it."""
    sheet.rows_started = True
    reps = _count(el, A_ROWS_REP)
    last = r + reps - 1
    visibility = el.get(A_VISIBILITY) or "visible"
    if visibility == "filter":
        sheet.filtered_rows.append((r, last))
    elif visibility != "visible":
        (sheet.folded_rows if folded else sheet.hidden_rows).append((r, last))
    k = 1
    grid = sheet.grid
    for cell in el:
        tag = cell.tag
        if tag != T_CELL and tag != T_COVERED:
            continue
        n = _count(cell, A_COLS_REP)
        style = cell.get(A_STYLE_NAME)
        text = _value_text(cell, styles, style) if len(cell) or cell.get(A_VALUE_TYPE) else ""
        if tag == T_CELL:
            rs, cs = _count(cell, A_ROWS_SPAN), _count(cell, A_COLS_SPAN)
            if rs > 1 or cs > 1:
                _spend(budget, reps * n, sheet.title)
                _spend_repeats(budget, reps * n - 1, sheet.title)
                for rr in range(r, last + 1):
                    for kk in range(k, k + n):
                        sheet.merges.append((rr, kk, rr + rs - 1, kk + cs - 1))
        for lo, hi, shaded in _shading(sheet, styles, style, k, k + n - 1):
            if text:
                _spend(budget, reps * (hi - lo + 1), sheet.title)
                _spend_repeats(budget, reps * (hi - lo + 1) - 1, sheet.title)
                value = (text, shaded)
                for rr in range(r, last + 1):
                    for kk in range(lo, hi + 1):
                        grid[(rr, kk)] = value
            elif shaded and last - r < _WHOLE_LINE and hi - lo < _WHOLE_LINE:
                # written out once the sheet is read (_finish), charged now; a run over more
                # lines is a whole line's format (see _finish), no cells of its own
                _spend(budget, (last - r + 1) * (hi - lo + 1), sheet.title)
                sheet.shaded_runs.append((r, last, lo, hi))
        k += n
    return last + 1


def _shading(sheet: _Sheet, styles: _Styles, style: Optional[str], lo: int, hi: int):
    """(first, last, shaded) over columns lo..hi of a cell run: by the cell's own style, or
    where it has none by each column's default cell style."""
    if style:
        yield lo, hi, styles.of(style)[0]
        return
    fills, starts = sheet.column_fills(styles)
    i = max(0, bisect_right(starts, lo) - 1)
    k = lo
    while k <= hi:
        if i < len(fills) and fills[i][0] <= k <= fills[i][1]:
            end = min(hi, fills[i][1])
            yield k, end, fills[i][2]
            i += 1
        else:                           # no column declared here
            if i < len(fills) and fills[i][0] <= k:
                i += 1
                continue
            end = min(hi, fills[i][0] - 1) if i < len(fills) else hi
            yield k, end, False
        k = end + 1


def _spend(budget: list[int], cells: int, title: str) -> None:
    budget[0] -= cells
    if budget[0] < 0:
        raise ReadError("too_large", f"sheet {title!r}: more cells than the limit allows")


def _spend_repeats(budget: list[int], cells: int, title: str) -> None:
    budget[1] -= cells
    if budget[1] < 0:
        raise ReadError("too_large", f"sheet {title!r}: repeat counts that would write out "
                        f"more than {_MAX_REPEATED} copies of cells (a damaged file?)")


def _finish(sheet: _Sheet, budget: list[int]) -> None:
    """Place the empty filled cells, and bound the merged ranges. A fill run over more than
    _WHOLE_LINE rows or columns is a whole row's or column's format (a coloured column down to
    the sheet's last row), which Excel keeps on the line rather than on its empty cells: as in
    XLSX, only the cells of such lines that hold text show it. Merged ranges larger than the
    cells left in the budget are cut to the rows and columns where cells or ranges start."""
    grid = sheet.grid
    for r0, r1, k0, k1 in sheet.shaded_runs:   # charged as they were met
        for r in range(r0, r1 + 1):
            for k in range(k0, k1 + 1):
                grid.setdefault((r, k), ("", True))
    # merged ranges are walked cell by cell when the tables are built: bound what they cover
    merges = sheet.merges
    area = sum((m[2] - m[0] + 1) * (m[3] - m[1] + 1) for m in merges)
    if area > budget[0]:
        bottom = max([key[0] for key in grid] + [m[0] for m in merges])
        right = max([key[1] for key in grid] + [m[1] for m in merges])
        merges = sheet.merges = [(m[0], m[1], min(m[2], bottom), min(m[3], right))
                                 for m in merges]
        area = sum((m[2] - m[0] + 1) * (m[3] - m[1] + 1) for m in merges)
    _spend(budget, area, sheet.title)


def _value_text(cell, styles: _Styles, style: Optional[str]) -> str:
    """What the cell shows, as the XLSX reader would show the same value and format."""
    kind = cell.get(A_VALUE_TYPE)
    if kind and cell.get(A_CALC_TYPE) != "error":
        fmt = styles.of(style)[1] if style else "General"
        try:
            if kind in ("float", "percentage", "currency"):
                value = cell.get(A_VALUE)
                if value is not None:
                    return cell_text(excel_number(float(value)), fmt)
            elif kind == "date":
                value = cell.get(A_DATE_VALUE)
                if value:
                    return cell_text(_date(value), fmt)
            elif kind == "time":
                value = cell.get(A_TIME_VALUE)
                if value:
                    return _time_text(value, fmt)
            elif kind == "boolean":
                value = cell.get(A_BOOL_VALUE)
                if value is not None:
                    return "TRUE" if value.strip().lower() in ("true", "1") else "FALSE"
        except (ValueError, OverflowError):
            pass                        # a malformed value: the text the cell shows
    return "\n".join(_paragraph(p) for p in cell.iterchildren(T_P, T_H))


def _date(value: str):
    """office:date-value (xsd:date or xsd:dateTime) as a datetime, as a date serial gives it to
    the XLSX reader."""
    value = value.strip()
    if len(value) >= 19:
        value = value[:26] if "." in value[19:] else value[:19]
    return _dt.datetime.fromisoformat(value)


def _time_text(value: str, fmt: str) -> str:
    m = _DURATION.fullmatch(value.strip())
    if m is None:
        raise ValueError(value)
    d, h, mi, s = (float(x) if x else 0.0 for x in m.groups())
    serial = d + (h + (mi + s / 60) / 60) / 24
    if value.strip().startswith("-"):
        serial = -serial
    return cell_text(excel_date(serial, False, is_duration_format(fmt)), fmt)


def _paragraph(p) -> str:
    out: list[str] = []
    _collect(p, out)
    return "".join(out)


def _collect(el, out: list[str]) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        tag = child.tag
        if tag == T_S:
            try:
                n = min(max(int(child.get(_t(_TEXT, "c"), 1)), 1), 1000)
            except ValueError:
                n = 1
            out.append(" " * n)
        elif tag == T_TAB:
            out.append("\t")
        elif tag == T_BREAK:
            out.append("\n")
        elif isinstance(tag, str) and tag not in _NOT_TEXT and \
                not tag.startswith("{urn:oasis:names:tc:opendocument:xmlns:drawing"):
            _collect(child, out)
        if child.tail:
            out.append(child.tail)
