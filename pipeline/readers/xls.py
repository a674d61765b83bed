"""Excel 97-2003 (.xls, BIFF) reader: one Page per sheet, built exactly as the XLSX reader builds
it (xlsx.sheet_blocks): the sheet's cells become a grid of (text, shaded) and merged ranges, which
are split into titles and tables the same way, so a workbook saved as .xls reads as its .xlsx
twin does.

The BIFF records are read with xlrd (formatting_info=True: cell formats, fills, merged ranges,
row and column info), a well-kept library for a format that is long to parse by hand. What the
XLSX reader does with an .xlsx is done here with the same parts of the .xls:
- numbers shown through their cell format's number format (the XLSX reader's display rules; the
  built-in formats by the ids XLSX uses), a whole number taken as Excel writes it in XLSX;
- dates by the same format test and serial arithmetic (the 1900 or 1904 calendar of the
  workbook's datemode), booleans TRUE/FALSE, error cells as their error text;
- a cell shaded when its fill has a pattern whose colour is not white or a system colour;
- hidden and very hidden sheets left out (with a warning); hidden rows and columns (zero-height
  and zero-width too) left out, but rows and columns folded into a collapsed outline group
  kept, and hidden rows inside the sheet's AutoFilter range (its _FilterDatabase name) kept as
  rows out of view behind a filter (BIFF's filter criteria are not read: a filter range counts
  as filtered).
Refused: encrypted workbooks (reason "encrypted"), damaged or cut-off files, text or HTML saved
under an .xls name (which some web systems export), workbooks over the sheet or cell limits.
"""
from __future__ import annotations

import io
import struct
from pathlib import Path

from schemas.document import Document, Page

from .common import ReadError, ReadLimits
from .xlsx import (BUILTIN_FORMATS, cell_text, excel_date, excel_number, is_date_format,
                   is_duration_format, sheet_blocks)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Thai-locale built-in number formats (ids 59-81), which a Thai Excel uses without writing a
# FORMAT record; xlrd knows them only as "a date" or "a number". Written here as the Excel codes
# they show as (Buddhist-calendar dates as plain ones: the XLSX reader shows a date as ISO or a
# Thai month and Buddhist year by the precision of its format, not by its calendar).
_THAI_FORMATS = {
    59: "0", 60: "0.00", 61: "#,##0", 62: "#,##0.00", 67: "0%", 68: "0.00%", 69: "# ?/?",
    70: "# ??/??", 71: "d/m/yyyy", 72: "d-mmm-yy", 73: "d-mmm", 74: "mmm-yy", 75: "h:mm",
    76: "h:mm:ss", 77: "d/m/yyyy h:mm", 78: "mm:ss", 79: "[h]:mm:ss", 80: "mm:ss.0", 81: "d/m/yyyy",
}
_WHITE = (255, 255, 255)

# xlrd cell types
_TEXT, _NUMBER, _DATE, _BOOL, _ERROR = 1, 2, 3, 4, 5


def read_xls(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    data = path.read_bytes()
    if not data:
        raise ReadError("empty", f"{path.name} is empty (0 bytes)")
    if len(data) > limits.max_bytes:
        raise ReadError("too_large", f"{path.name} is {len(data)} bytes, over the limit of "
                        f"{limits.max_bytes}")
    _sniff(path, data)
    import xlrd                      # lazily: only runs that meet an .xls pay for the import
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  ragged_rows=True, logfile=io.StringIO())
    except xlrd.XLRDError as e:
        raise _open_error(path, data, e) from e
    except Exception as e:          # a damaged file raises many types from deep in xlrd
        raise _open_error(path, data, e) from e
    try:
        return _read_book(path, book, limits)
    finally:
        book.release_resources()


def _sniff(path: Path, data: bytes) -> None:
    """Refuse what is not a BIFF workbook in an OLE2 file before xlrd sees it."""
    if data.startswith(_OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:
            raise ReadError("encrypted", f"{path.name} is a password-protected Excel workbook")
        return
    head = data[:8192].lstrip()
    if head.startswith(b"PK"):
        raise ReadError("corrupt", f"{path.name} is named .xls but is a damaged zip file, not "
                        "an Excel 97-2003 workbook")
    if head[:1] == b"<" or head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or \
            _looks_like_text(head):
        what = "a web page (HTML/XML)" if b"<" in head[:200] else "plain text"
        raise ReadError("unsupported", f"{path.name} is named .xls but is {what}, not an Excel "
                        "workbook (some systems export so); open it in Excel or LibreOffice and "
                        "save it as .xlsx")
    raise ReadError("corrupt", f"{path.name} is not an Excel 97-2003 workbook (no OLE2 header)")


def _looks_like_text(head: bytes) -> bool:
    if not head:
        return False
    try:
        from .text import decode
        decode(head if len(head) < 8192 else head[:8000])
        return True
    except ReadError:
        return False


def _open_error(path: Path, data: bytes, e: Exception) -> ReadError:
    msg = str(e)
    if "encrypt" in msg.lower():
        return ReadError("encrypted", f"{path.name} is a password-protected Excel workbook")
    if "Can't find workbook" in msg:
        return ReadError("unsupported", f"{path.name} is an OLE2 file without an Excel "
                         "workbook stream (another Office program's file, named .xls)")
    if _cut_off(data):
        return ReadError("truncated", f"{path.name} is cut off: its sectors end mid-file "
                         f"({type(e).__name__}: {msg})")
    return ReadError("corrupt", f"{path.name}: Excel 97-2003 workbook cannot be read "
                     f"({type(e).__name__}: {msg})")


def _cut_off(data: bytes) -> bool:
    """Whether an OLE2 file ends before the sectors its header and FAT reach: a whole file is
    the 512-byte header and a whole number of sectors, the last of them in use."""
    if len(data) < 512 or not data.startswith(_OLE_MAGIC):
        return len(data) < 512
    if data[0x1C:0x1E] != b"\xfe\xff" or struct.unpack_from("<H", data, 0x1E)[0] not in (9, 12):
        return False                 # a damaged header, not a short file
    try:
        shift = struct.unpack_from("<H", data, 0x1E)[0]
        size = 1 << shift
        body = len(data) - 512 if shift == 9 else len(data) - size
        if body % size:
            return True
        sectors = body // size
        for sect in struct.unpack_from("<109I", data, 0x4C):
            if sect < 0xFFFFFFFA and sect >= sectors:
                return True
        first_dir = struct.unpack_from("<I", data, 0x30)[0]
        return first_dir < 0xFFFFFFFA and first_dir >= sectors
    except struct.error:
        return True


def _read_book(path: Path, book, limits: ReadLimits) -> Document:
    names = book.sheet_names()
    if not names:
        raise ReadError("no_sheets", f"{path.name} opens as a workbook without sheets")
    if len(names) > limits.max_sheets:
        raise ReadError("too_large", f"{path.name} has {len(names)} sheets, over the limit of "
                        f"{limits.max_sheets}")
    visibility = list(getattr(book, "_sheet_visibility", ())) or [0] * len(names)
    hidden = {k for k, v in enumerate(visibility) if v}
    # as the XLSX reader: a hidden sheet is not what the agency submits, unless all are hidden
    skip = hidden if len(hidden) < len(names) else set()
    formats = _Formats(book)
    filters = _filter_ranges(book)
    budget = [limits.max_cells]
    warnings: list[str] = []
    pages = []
    for k, title in enumerate(names):
        if k in skip:
            warnings.append(f"sheet {title!r} is hidden in the workbook: not read")
            continue
        try:
            sheet = book.sheet_by_index(k)
            grid, merges, lines = _read_sheet(sheet, formats, budget, title, book.datemode)
        except ReadError:
            raise
        except Exception as e:      # a damaged sheet surfaces only while it is read
            raise ReadError("corrupt", f"{path.name}: sheet {title!r} cannot be read "
                            f"({type(e).__name__}: {e})") from e
        finally:
            book.unload_sheet(k)
        hidden_rows, folded_rows, hidden_cols, folded_cols = lines
        filtered: list[tuple[int, int]] = []
        if hidden_rows and k in filters:
            lo, hi = filters[k]
            filtered = [s for s in hidden_rows if lo <= s[0] <= hi]
            hidden_rows = [s for s in hidden_rows if not lo <= s[0] <= hi]
        notes: list[str] = []
        blocks = sheet_blocks(title, grid, merges, notes, hidden_rows=hidden_rows,
                              hidden_cols=hidden_cols, folded_rows=folded_rows,
                              folded_cols=folded_cols, filtered_rows=filtered)
        warnings.extend(notes)
        pages.append(Page(number=None, name=title, blocks=blocks))
    return Document(path=str(path), format="xls", pages=pages, warnings=warnings)


class _Formats:
    """Per XF (cell format) index: (shaded, Excel number format code), worked out once."""

    def __init__(self, book):
        self.book = book
        self.cache: dict[int, tuple[bool, str]] = {}

    def __getitem__(self, xf_index: int) -> tuple[bool, str]:
        hit = self.cache.get(xf_index)
        if hit is None:
            hit = self.cache[xf_index] = self._work_out(xf_index)
        return hit

    def _work_out(self, xf_index: int) -> tuple[bool, str]:
        book = self.book
        if not 0 <= xf_index < len(book.xf_list):
            return False, "General"
        xf = book.xf_list[xf_index]
        bg = xf.background
        colour = book.colour_map.get(bg.pattern_colour_index)
        # as the XLSX reader's fills: a pattern in a colour other than white or a system colour
        shaded = bool(bg.fill_pattern) and colour is not None and tuple(colour) != _WHITE
        return shaded, self._number_format(xf.format_key)

    def _number_format(self, key: int) -> str:
        if key in BUILTIN_FORMATS:
            # the code XLSX gives a built-in id (an .xls writes its own, localised, copies of some)
            return BUILTIN_FORMATS[key]
        fmt = self.book.format_map.get(key)
        code = getattr(fmt, "format_str", None)
        if code:
            return code
        if key in _THAI_FORMATS:
            return _THAI_FORMATS[key]
        if fmt is not None and getattr(fmt, "type", None) == 1:    # xlrd's FDT: a date
            return "yyyy-mm-dd"
        return "General"


def _read_sheet(sheet, formats: _Formats, budget: list[int], title, datemode: int):
    """The sheet's grid {(row, col): (text, shaded)} (1-based, cells with text or a fill), its
    merged ranges (min_row, min_col, max_row, max_col), and its hidden and folded rows and
    columns as (first, last) spans."""
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    date1904 = datemode == 1
    for r in range(sheet.nrows):
        row = sheet.row(r)
        budget[0] -= len(row)
        if budget[0] < 0:
            raise ReadError("too_large", f"sheet {title!r}: more cells than the limit allows")
        for c, cell in enumerate(row):
            ctype = cell.ctype
            shaded, fmt = formats[cell.xf_index] if cell.xf_index is not None else (False, "")
            if ctype == _TEXT:
                text = cell.value
            elif ctype in (_NUMBER, _DATE):
                text = _number_text(cell.value, fmt, date1904)
            elif ctype == _BOOL:
                text = "TRUE" if cell.value else "FALSE"
            elif ctype == _ERROR:
                from xlrd.biffh import error_text_from_code
                text = error_text_from_code.get(cell.value, "#N/A")
            else:
                text = ""
            if text or shaded:
                grid[(r + 1, c + 1)] = (text, shaded)
    merges = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells
              if r1 > r0 and c1 > c0]
    return grid, merges, _lines(sheet)


def _number_text(value: float, fmt: str, date1904: bool) -> str:
    if is_date_format(fmt):
        try:
            return cell_text(excel_date(value, date1904, is_duration_format(fmt)), fmt)
        except (OverflowError, ValueError):
            return "#VALUE!"         # as the XLSX reader: a date out of range
    return cell_text(excel_number(float(value)), fmt)


def _lines(sheet):
    """(hidden rows, folded rows, hidden columns, folded columns) as 1-based (first, last)
    spans. A line is hidden when so flagged or of zero height/width; one in an outline group
    (outline level above 0) is folded away with its group rather than withdrawn."""
    hidden_rows, folded_rows, hidden_cols, folded_cols = [], [], [], []
    default_hidden = bool(getattr(sheet, "default_row_hidden", 0))
    info = sheet.rowinfo_map
    for r in range(sheet.nrows):
        ri = info.get(r)
        if ri is None:
            if default_hidden:
                hidden_rows.append((r + 1, r + 1))
            continue
        if ri.hidden or ri.height == 0:
            (folded_rows if ri.outline_level else hidden_rows).append((r + 1, r + 1))
    for c, ci in sheet.colinfo_map.items():
        if ci.hidden or ci.width == 0:
            (folded_cols if ci.outline_level else hidden_cols).append((c + 1, c + 1))
    return hidden_rows, folded_rows, sorted(hidden_cols), sorted(folded_cols)


def _filter_ranges(book) -> dict[int, tuple[int, int]]:
    """Sheet index -> (first, last) 1-based rows under the header of its AutoFilter range, from
    the built-in name _FilterDatabase that Excel keeps for a sheet's filter."""
    out: dict[int, tuple[int, int]] = {}
    for name in getattr(book, "name_obj_list", ()):
        if name.name != "_FilterDatabase" or name.scope < 0:
            continue
        try:
            _, rlo, rhi, _, _ = name.area2d(clipped=False)
        except Exception:           # a name whose formula is not one plain range
            continue
        out[name.scope] = (rlo + 2, rhi)
    return out
