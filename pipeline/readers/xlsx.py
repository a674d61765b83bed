"""Excel (.xlsx) reader: one Page per sheet (number None, name = sheet title); each sheet's used
range as tables, split at fully blank rows; merged ranges become spans; filled cells shaded.

The workbook XML is read here with lxml, not through openpyxl: openpyxl's object model (styles
built through its descriptor classes, a cell object per cell, expat callbacks) cost 10-17 ms per
file of the benchmark corpus, this reader 2.5-4 ms (CPU time, measured), and openpyxl took
0.26-0.4 s to import. What openpyxl gave in read-only, data-only mode is kept: the same sheets
(hidden ones too, chartsheets not), cell placement, values (cached formula results, shared and
inline strings, booleans, error strings, dates by number format and the 1900/1904 calendar),
number formats, fills, and the same refusals of damaged parts it needs. Hidden and very hidden
sheets are left out (with a warning), as Excel does not show them; so are hidden rows and
columns (zero-width columns, zero-height rows too), except rows hidden by the sheet's active
AutoFilter and rows or columns folded into a collapsed outline group, which are data out of view
rather than withdrawn. Strict OOXML workbooks (ISO 29500 strict namespaces) are read taking the
strict namespace URIs for the transitional. How a sheet's grid becomes paragraphs and tables,
and how numbers and dates are shown, is shared with the .xls and .ods readers (sheet_blocks,
cell_text and the helpers at the end of this module), so a workbook reads alike in each format.
"""
from __future__ import annotations

import datetime as _dt
import posixpath
from bisect import bisect_right
import re
import zipfile
from pathlib import Path
from typing import Optional

from lxml import etree

from pipeline import patterns
from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import (MiB, ZIP_ERRORS, PartCache, ReadError, ReadLimits, check_xml_parts,
                     ole_container_error, open_package)

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

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_MAIN_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# workbook main-part content types in the order openpyxl looks for them
_WORKBOOK_TYPES = ("application/vnd.ms-excel.template.macroEnabled.main+xml",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
                   "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"

# as the DOCX reader's parser: no entities, no network, libxml2's size limits kept
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
# parts up to this size are parsed whole; larger ones streamed with iterparse, rows freed as read
_WHOLE_PART = 2 * MiB


def _sniff(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(8192)
    ole = ole_container_error(path, head, "Excel workbook", "Excel (.xls)", ".xlsx")
    if ole:
        raise ole
    if not head.startswith(b"PK"):
        raise ReadError("not_xlsx", f"{path.name} is named .xlsx but is not an Excel workbook")


class _Unparsable(Exception):
    """workbook.xml (or its relationships) is not well-formed XML."""


class _Unreadable(Exception):
    """workbook.xml (or its relationships) cannot be decompressed."""


def read_xlsx(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    if path.stat().st_size:          # an empty file is reported as such by open_package
        _sniff(path)
    zf = open_package(path, limits, "XLSX", "xl/workbook.xml", "not_xlsx", "an Excel workbook",
                      check_on_read=True)
    warnings: list[str] = []
    try:
        try:
            wb_xml = zf.read("xl/workbook.xml")
        except ZIP_ERRORS + (KeyError, OSError) as e:
            raise ReadError("corrupt", f"{path.name}: workbook parts cannot be read ({e})") from e
        strict = _STRICT_MARK in wb_xml[:4096]
        if strict:
            warnings.append("Strict Open XML workbook: read after converting its namespaces")
        try:
            book = _Workbook(zf, wb_xml, strict)
        except ReadError:               # a part that declares entities (CheckedPackage)
            raise
        except _Unparsable as e:
            raise ReadError("corrupt", f"{path.name}: workbook.xml cannot be parsed "
                            f"({e.args[0]})") from e
        except _Unreadable as e:
            raise ReadError("corrupt", f"{path.name}: workbook parts cannot be read "
                            f"({e.args[0]})") from e
        except Exception as e:  # a broken part raises many types
            raise ReadError("corrupt", f"{path.name}: Excel workbook cannot be opened "
                            f"({type(e).__name__}: {e})") from e
        if not book.sheets:
            raise ReadError("no_sheets", f"{path.name} opens as a workbook without sheets "
                            "(an unsupported variant such as Strict Open XML, or a damaged file)")
        if len(book.sheets) > limits.max_sheets:
            raise ReadError("too_large", f"{path.name} has {len(book.sheets)} sheets, over the "
                            f"limit of {limits.max_sheets}")
        pages = []
        budget = [limits.max_cells]
        # A hidden sheet (Excel's Hide, or veryHidden set from VBA) is not what the agency
        # submits: lookup lists, an old draft kept out of sight. Read as Excel shows the
        # workbook; all of them only if every sheet is hidden (Excel itself never allows that).
        skip = book.hidden if len(book.hidden) < len(book.sheets) else set()
        for k, (title, part) in enumerate(book.sheets):
            if k in skip:
                warnings.append(f"sheet {title!r} is hidden in the workbook: not read")
                continue
            try:
                grid, merges, unsaved, notes = _read_sheet(zf, part, book, title, budget)
            except ReadError:
                raise
            except ZIP_ERRORS as e:
                raise ReadError("corrupt", f"{path.name}: workbook parts cannot be read ({e})") \
                    from e
            except Exception as e:  # a damaged sheet part surfaces only while reading it
                raise ReadError("corrupt", f"{path.name}: a sheet cannot be read "
                                f"({type(e).__name__}: {e})") from e
            if unsaved:
                warnings.append(f"sheet {title!r}: {unsaved} formula cell(s) without a saved "
                                "result (the file was never calculated by a spreadsheet "
                                "program); read as empty")
            warnings.extend(notes)
            pages.append(Page(number=None, name=title, blocks=_sheet_tables(title, grid, merges)))
    finally:
        zf.close()
    return Document(path=str(path), format="xlsx", pages=pages, warnings=warnings)


def _xml(zf: zipfile.ZipFile, part: str):
    return etree.fromstring(zf.read(part), _PARSER)


# What the small workbook-wide parts (content types, workbook relationships, styles) come to,
# keyed on their bytes: workbooks made from one template or by one program share them, and
# parsing them cost as much as reading a small sheet.
_PARTS = PartCache()


def _cached(kind: str, data: bytes, parse):
    key = (kind, data)
    hit = _PARTS.get(key)
    if hit is None:
        hit = _PARTS.put(key, parse(etree.fromstring(data, _PARSER)))
    return hit


def _local(tag) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _elements(el):
    return [c for c in el if isinstance(c.tag, str)]


def _rels(zf: zipfile.ZipFile, part: str) -> dict:
    """Relationship id -> (type, target as a part name), targets resolved as openpyxl does."""
    base, name = posixpath.split(part)
    return _cached("rels " + base, zf.read(posixpath.join(base, "_rels", name + ".rels")),
                   lambda root: _rel_targets(root, base))


def _rel_targets(root, base: str) -> dict:
    out: dict = {}
    for r in root.iter(_PKG_REL):
        target = r.get("Target")
        if target is None:
            continue
        if r.get("TargetMode") != "External":
            target = target[1:] if target.startswith("/") else \
                posixpath.normpath(posixpath.join(base, target))
        out.setdefault(r.get("Id"), (r.get("Type") or "", target))
    return out


def _main_parts(types) -> tuple[str, Optional[str]]:
    """The workbook part and the shared strings part named by [Content_Types].xml."""
    overrides = [(o.get("PartName") or "", o.get("ContentType"))
                 for o in types.iter(_CT + "Override")]
    defaults = {d.get("ContentType") for d in types.iter(_CT + "Default")}
    wb_part = next((p for t in _WORKBOOK_TYPES for p, ct in overrides if ct == t), None)
    if wb_part is None:
        if not defaults & set(_WORKBOOK_TYPES):
            raise OSError("File contains no valid workbook part")
        wb_part = "/xl/workbook.xml"
    return wb_part[1:], next((p[1:] for p, ct in overrides if ct == _SST_TYPE), None)


class _Workbook:
    """What the sheets are read with: the sheet list, shared strings, cell formats, calendar."""

    def __init__(self, zf: zipfile.ZipFile, wb_xml: bytes, strict: bool):
        main = (_MAIN, _MAIN_STRICT) if strict else (_MAIN,)
        self.tags = {k: tuple(f"{{{m}}}{k}" for m in main)
                     for k in ("row", "v", "f", "is", "si", "t")}
        # workbook.xml first: a damaged one is reported as such before anything else
        try:
            wb = etree.fromstring(wb_xml, _PARSER)
            rels = _rels(zf, "xl/workbook.xml")
        except etree.XMLSyntaxError as e:
            raise _Unparsable(e) from e
        except ZIP_ERRORS as e:
            raise _Unreadable(e) from e
        except KeyError:
            rels = None                      # no relationships: reported below, as openpyxl did
        # the workbook part and the shared strings, found by content type as openpyxl does
        wb_part, sst_part = _cached("types", zf.read("[Content_Types].xml"), _main_parts)
        self.strings = _shared_strings(zf, sst_part, self.tags["si"]) if sst_part else []
        if wb_part != "xl/workbook.xml" or rels is None:
            wb, rels = _xml(zf, wb_part), _rels(zf, wb_part)
        sheets_el = None
        self.date1904 = False
        for el in wb:
            name = _local(el.tag)
            if name == "sheets":
                sheets_el = el
            elif name == "workbookPr":
                flag = el.get("date1904")
                self.date1904 = bool(flag) and flag not in ("false", "f", "0")
        rid = [f"{{{_REL}}}id"] + ([f"{{{_REL_STRICT}}}id"] if strict else [])
        names = set(zf.namelist())
        self.sheets: list[tuple[Optional[str], str]] = []
        self.hidden: set[int] = set()        # indexes into sheets of hidden/very hidden ones
        for sheet in _elements(sheets_el) if sheets_el is not None else ():
            ref = next((sheet.get(a) for a in rid if sheet.get(a) is not None), None)
            if not ref:
                continue                     # openpyxl drops such a sheet (with a warning)
            typ, target = rels[ref]          # KeyError: an unknown relationship
            if target not in names or "chartsheet" in typ:
                continue
            self.sheets.append((sheet.get("name"), target))
            if sheet.get("state") in ("hidden", "veryHidden"):
                self.hidden.add(len(self.sheets) - 1)
        self.styles, self.dates, self.durations = _styles(zf)


def _shared_strings(zf: zipfile.ZipFile, part: str, si_tags: tuple) -> list[str]:
    """The shared string table: each <si>'s text, rich-text runs joined, phonetic runs left out
    (openpyxl's read_string_table, including its removal of "x005F_")."""
    out: list[str] = []
    for si in _iter_parts(zf, part, si_tags):
        out.append(_text(si).replace("x005F_", ""))
    return out


def _iter_parts(zf: zipfile.ZipFile, part: str, tags: tuple):
    """The elements of ``part`` with one of ``tags``, in document order. Small parts are parsed
    whole; large ones streamed, each element (and what came before it) freed once handed out."""
    if zf.getinfo(part).file_size <= _WHOLE_PART:
        yield from etree.fromstring(zf.read(part), _PARSER).iter(*tags)
        return
    check_xml_parts(zf, "XLSX", {part})          # streamed: not through the checked read()
    with zf.open(part) as f:
        for _, el in etree.iterparse(f, events=("end",), tag=tags, resolve_entities=False,
                                     no_network=True, huge_tree=False):
            yield el
            el.clear(keep_tail=False)
            parent = el.getparent()
            if parent is not None:
                while el.getprevious() is not None:
                    del parent[0]


def _text(el) -> str:
    """Text of an <si> or <is>: its <t>, then the <t> of each rich-text run <r> (openpyxl's
    Text.content: child names taken without namespace, the last <t> of each kind counts)."""
    if len(el) == 1:
        t = el[0]
        if isinstance(t.tag, str) and t.tag.endswith("}t"):
            return t.text or ""
    plain = None
    runs = []
    for child in el:
        name = _local(child.tag)
        if name == "t":
            plain = child.text
        elif name == "r":
            t = None
            for x in child:
                if _local(x.tag) == "t":
                    t = x.text
            if t is not None:
                runs.append(t)
    return (plain or "") + "".join(runs)


# Number formats, dates and fills as openpyxl read them. Its own helpers (openpyxl.styles.numbers,
# openpyxl.utils.datetime) are copied here rather than imported: importing any openpyxl module
# runs openpyxl/__init__, which loads the whole library (~0.26 s).
_BUILTIN_FORMATS = {
    0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00',
    5: '"$"#,##0_);("$"#,##0)', 6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
    14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM',
    19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy h:mm',
    37: '#,##0_);(#,##0)', 38: '#,##0_);[Red](#,##0)', 39: '#,##0.00_);(#,##0.00)',
    40: '#,##0.00_);[Red](#,##0.00)',
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
}
_BUILTIN_IDS = {v: k for k, v in _BUILTIN_FORMATS.items()}
_CUSTOM_BASE = 164   # openpyxl's BUILTIN_FORMATS_MAX_SIZE: custom formats renumbered from it
_STRIP = patterns.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHAR = patterns.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = patterns.compile(r'\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?', re.I)


def _is_date_format(fmt: Optional[str]) -> bool:
    if fmt is None:
        return False
    return _DATE_CHAR.search(_STRIP.sub("", fmt.split(";")[0])) is not None


def _is_duration_format(fmt: Optional[str]) -> bool:
    return fmt is not None and _DURATION.search(fmt.split(";")[0]) is not None


_WINDOWS_EPOCH = _dt.datetime(1899, 12, 30)
_MAC_EPOCH = _dt.datetime(1904, 1, 1)


def _from_excel(value, epoch: _dt.datetime, duration: bool):
    """A date serial as openpyxl.utils.datetime.from_excel gives it."""
    if duration:
        td = _dt.timedelta(days=value)
        if td.microseconds:
            td = _dt.timedelta(seconds=td.total_seconds() // 1,
                               microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = _dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        mins, seconds = divmod(diff.seconds, 60)
        hours, mins = divmod(mins, 60)
        return _dt.time(hours, mins, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == _WINDOWS_EPOCH:
        day += 1
    return epoch + _dt.timedelta(days=day) + diff


_ISO = patterns.compile(r'''
(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?
(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})(?P<microsecond>\.\d{1,3})?)?)?Z?''',
                        re.VERBOSE)
_ISO_DURATION = patterns.compile(
    r'PT((?P<hours>\d+)H)?((?P<minutes>\d+)M)?((?P<seconds>\d+(\.\d{1,3})?)S)?')


def _from_iso8601(text: str):
    """A t="d" cell's value as openpyxl.utils.datetime.from_ISO8601 gives it."""
    match = _ISO.match(text)
    if match and any(match.groups()):
        parts = match.groupdict(0)
        for key in ["year", "month", "day", "hour", "minute", "second"]:
            if parts[key]:
                parts[key] = int(parts[key])
        if parts["microsecond"]:
            parts["microsecond"] = int(float(parts['microsecond']) * 1_000_000)
        if not parts["date"]:
            return _dt.time(parts['hour'], parts['minute'], parts['second'], parts["microsecond"])
        if not parts["time"]:
            return _dt.date(parts['year'], parts['month'], parts['day'])
        del parts["time"]
        del parts["date"]
        return _dt.datetime(**parts)
    match = _ISO_DURATION.match(text)
    if match and any(match.groups()):
        parts = match.groupdict(0)
        for key, val in parts.items():
            if val:
                parts[key] = float(val)
        return _dt.timedelta(**parts)
    raise ValueError("Invalid datetime value {}".format(text))


def _styles(zf: zipfile.ZipFile):
    """Per cell format (<xf> of cellXfs, by index): (shaded, number format), and the indexes
    of the date and duration formats. An entry is _PAST_END where openpyxl failed on it (a fill
    or custom format index past the end of its list): an IndexError only if a cell uses it."""
    try:
        data = zf.read("xl/styles.xml")
    except KeyError:
        return [(False, "General")], frozenset(), frozenset()
    return _cached("styles", data, _style_table)


def _style_table(root):
    parts = {_local(el.tag): el for el in root}
    custom: dict[int, Optional[str]] = {}
    for nf in parts["numFmts"] if "numFmts" in parts else ():
        if _local(nf.tag) == "numFmt":
            custom[int(nf.get("numFmtId"))] = nf.get("formatCode")
    fills = [_fill_shaded(f) for f in _elements(parts["fills"])] if "fills" in parts else []
    xfs = [x for x in parts["cellXfs"] if _local(x.tag) == "xf"] if "cellXfs" in parts else []
    if not xfs:                          # openpyxl keeps its own default cell format
        return [(False, "General")], frozenset(), frozenset()
    added: list = []                     # custom formats in first-use order (renumbered ids)
    ids, dates, durations = [], set(), set()
    for i, xf in enumerate(xfs):
        fid = int(xf.get("numFmtId", 0))
        if fid in custom:
            fmt = custom[fid]
            if fmt in _BUILTIN_IDS:
                fid = _BUILTIN_IDS[fmt]
            else:
                if fmt not in added:
                    added.append(fmt)
                fid = added.index(fmt) + _CUSTOM_BASE
        else:
            fmt = _BUILTIN_FORMATS.get(fid)
        if _is_date_format(fmt):
            dates.add(i)
        if _is_duration_format(fmt):
            durations.add(i)
        ids.append(fid)
    table = []
    for xf, fid in zip(xfs, ids):
        if fid < _CUSTOM_BASE:
            fmt = _BUILTIN_FORMATS.get(fid, "General")
        elif fid - _CUSTOM_BASE < len(added):
            fmt = added[fid - _CUSTOM_BASE]
        else:                            # an undeclared custom format id
            fmt = _PAST_END
        try:
            shaded = fills[int(xf.get("fillId", 0))]
        except IndexError:
            shaded = _PAST_END
        table.append((shaded, fmt))
    return table, frozenset(dates), frozenset(durations)


_PAST_END = object()        # a fill or custom number format index past the end of its list


def _fill_shaded(fill) -> bool:
    """Whether a <fill> colours the cell: a pattern other than none whose foreground colour is
    not white, the background theme colour, a system colour or unset (openpyxl's PatternFill:
    a missing fgColor is rgb 00000000, whatever bgColor says)."""
    kids = _elements(fill)
    if not kids:
        return False                     # <fill/>: openpyxl refused the whole workbook
    first = kids[0]
    if "patternFill" not in first.tag:
        return True                      # gradientFill: openpyxl failed on the cell
    pattern = first.get("patternType")
    if not pattern or pattern == "none":
        return False
    fg = None
    for child in first:
        if _local(child.tag) == "fgColor":
            fg = child
    if fg is None:
        return False
    indexed = fg.get("index", fg.get("indexed"))
    if indexed is not None:              # white and the system colours: no fill
        return int(indexed) not in (1, 9, 64)
    theme = fg.get("theme")
    if theme is not None:                # theme colour 0 (background) untinted: no fill
        return int(theme) != 0 or bool(float(fg.get("tint", 0)))
    if fg.get("auto") is not None:
        return True
    rgb = fg.get("rgb", "00000000")
    if len(rgb) == 6:
        rgb = "00" + rgb
    rgb = rgb.upper()
    return rgb[-6:] != "FFFFFF" and rgb != "00000000"


def _cast_number(value: str):
    if "." in value or "E" in value or "e" in value:
        return float(value)
    return int(value)


_AZ = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = "0123456789"          # string.digits, without importing string


def _column(letters: str) -> int:
    """Column number of A..ZZZ (openpyxl's column_index_from_string)."""
    up = letters.upper()
    if not 0 < len(up) <= 3 or not _AZ.issuperset(up):
        raise ValueError("{0} is not a valid column name".format(letters))
    n = 0
    for ch in up:
        n = n * 26 + ord(ch) - 64
    return n


_REF = patterns.compile(r"([A-Z]{1,3})([0-9]+)")
_COLUMN_OF: dict[str, int] = {}


def _coordinate(ref: str) -> tuple[int, int]:
    """(row, column) of a cell reference (openpyxl's coordinate_to_tuple)."""
    m = _REF.fullmatch(ref)
    if m is not None:
        letters = m.group(1)
        k = _COLUMN_OF.get(letters)
        if k is None:
            k = _COLUMN_OF[letters] = _column(letters)
        return int(m.group(2)), k
    for idx, c in enumerate(ref):
        if c in _DIGITS:
            break
    return int(ref[idx:]), _column(ref[:idx])


_MERGE_REF = patterns.compile(r"([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?")


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
_FORMAT_NOISE = patterns.compile(r'\[[^\]]*\]|"[^"]*"|\\.')


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




def _read_sheet(zf: zipfile.ZipFile, part: str, book: "_Workbook", title, budget: list[int]):
    """A sheet's cells as {(row, col): (text, shaded)} for the cells with text or a fill, its
    merged ranges (min_row, min_col, max_row, max_col), and how many formulas have no saved
    result. Rows and cells are placed as openpyxl's read-only worksheet placed them: a row or
    cell without ``r`` follows the one before it; a row numbered at or before one already read
    is passed over; cells of a row beyond its last cell's column are dropped."""
    row_tags = book.tags["row"]
    v_tags, f_tags, is_tags = book.tags["v"], book.tags["f"], book.tags["is"]
    t_tags = book.tags["t"]
    ref_match, column_of = _REF.fullmatch, _COLUMN_OF
    strings, styles, dates, durations = book.strings, book.styles, book.dates, book.durations
    epoch = _MAC_EPOCH if book.date1904 else _WINDOWS_EPOCH
    grid: dict[tuple[int, int], tuple[str, bool]] = {}
    ranges: set[tuple[int, int, int, int]] = set()
    formulas = valued = 0
    counter = 1                       # the next row number the worksheet would hand out
    row_counter = 0
    view = _View()
    for el in _iter_parts(zf, part, row_tags + _SHEET_TAGS):
        if el.tag not in row_tags:
            if el.tag.endswith("}mergeCell"):
                merge = _merge_range(el.get("ref"))
                if merge:
                    ranges.add(merge)
            else:
                view.element(el)
            continue
        hidden = el.get("hidden") in _TRUE or el.get("ht") in _ZERO
        ref = el.get("r")
        if ref is not None:
            try:
                row_counter = int(ref)
            except ValueError:
                val = float(ref)
                if not val.is_integer():
                    raise ValueError(f"{ref} is not a valid row number") from None
                row_counter = int(val)
        else:
            row_counter += 1
        col_counter = 0
        cells = []
        ordered = True                    # columns strictly increasing along the row
        for c in el.iterchildren("*"):    # elements: not comments, processing instructions
            t = c.get("t", "n")
            coord = c.get("r")
            s = c.get("s", 0)
            if s:
                s = int(s)
            value = is_el = None
            has_f = False
            for child in (c[0],) if len(c) == 1 else c:
                tag = child.tag
                if tag in v_tags:
                    if value is None:
                        value = child.text or ""
                elif tag in f_tags:
                    has_f = True
                elif tag in is_tags and is_el is None:
                    is_el = child
            if has_f:
                formulas += 1
                if value:
                    valued += 1
            if t == "inlineStr" or not value:
                value = None
            if coord:
                m = ref_match(coord)
                if m is not None:         # the usual "B12"; _coordinate does the rest
                    letters, digits = m.groups()
                    k = column_of.get(letters) or _coordinate(coord)[1]
                    r = int(digits)
                else:
                    r, k = _coordinate(coord)
                col_counter = k
            else:
                col_counter += 1
                r, k = row_counter, col_counter
            if value is not None:
                if t == "n":
                    value = _cast_number(value)
                    if s in dates:
                        try:
                            value = _from_excel(value, epoch, s in durations)
                        except (OverflowError, ValueError):
                            value = "#VALUE!"     # openpyxl: a date out of range, an error cell
                elif t == "s":
                    value = strings[int(value)]
                elif t == "b":
                    value = bool(int(value))
                elif t == "d":
                    value = _from_iso8601(value)
            elif t == "inlineStr" and is_el is not None:
                if len(is_el) == 1 and is_el[0].tag in t_tags:
                    value = is_el[0].text or ""
                else:
                    value = _text(is_el)
            if cells and k <= cells[-1][1]:
                ordered = False
            cells.append((r, k, value, s))
        if counter < row_counter:
            counter = row_counter         # rows skipped in the XML: empty, nothing to place
        if counter != row_counter:
            continue                      # a row number already passed: openpyxl drops the row
        counter += 1
        if hidden:
            view.hidden_row(row_counter, el.get("outlineLevel"))
        if not cells:
            continue
        width = cells[-1][1]
        if not ordered:
            slots: dict = {}
            for cell in cells:
                if 1 <= cell[1] <= width:
                    slots[cell[1]] = cell
            cells = [slots[k] for k in sorted(slots)]
        for r, k, value, s in cells:
            shaded, fmt = styles[s]
            if shaded is _PAST_END:
                raise IndexError("list index out of range")
            if value is None and not shaded:
                continue
            if value.__class__ is str:
                text = value
            elif value.__class__ is int and fmt == "General":
                text = str(value)         # what _fmt_number gives, without the detour
            else:
                text = _cell_text(value, fmt)
            if text or shaded:
                grid[(r, k)] = (text, shaded)
        budget[0] -= width
        if budget[0] < 0:
            raise ReadError("too_large", f"sheet {title!r}: more cells than the limit allows")
    notes: list[str] = []
    if view.rows and view.tables:         # only a sheet with hidden rows has its tables read
        view.table_filters = _table_filters(zf, part, view.tables)
    if view.rows or view.cols or view.folded_rows or view.folded_cols:
        grid, ranges = view.apply(grid, ranges, title, notes)
    return grid, sorted(ranges), formulas - valued, notes


_SHEET_TAGS = ("{*}mergeCell", "{*}col", "{*}autoFilter", "{*}filterColumn", "{*}tablePart")
_TABLE_RID = ("{%s}id" % _REL, "{%s}id" % _REL_STRICT)
_TRUE = frozenset(("1", "true"))           # xsd:boolean true
_ZERO = frozenset(("0", "0.0", "0.00"))    # a row or column of no height or width


class _View:
    """What of a sheet Excel does not show: hidden rows and columns (zero-sized ones too),
    gathered while the sheet streams by (the columns come before the rows, the AutoFilter and
    the table parts after them), then taken out of the grid. Rows hidden by an active filter
    (the sheet's AutoFilter, or the AutoFilter of an Excel Table on the sheet: one with a
    filterColumn, within its range) and rows or columns folded into a collapsed outline group
    stay: they are data out of view, not withdrawn; the sheet is reported filtered or folded."""

    __slots__ = ("rows", "cols", "folded_rows", "folded_cols", "filter_ref", "filtered",
                 "tables", "table_filters")

    def __init__(self):
        self.rows: list[int] = []               # hidden rows, ascending
        self.cols: list[tuple[int, int]] = []   # hidden column ranges
        self.folded_rows: list[int] = []
        self.folded_cols: list[tuple[int, int]] = []
        self.filter_ref: Optional[str] = None
        self.filtered = False
        self.tables: list[str] = []             # relationship ids of the sheet's table parts
        # (first, last row a table's active filter covers, table name), from _table_filters
        self.table_filters: list[tuple[int, int, str]] = []

    def hidden_row(self, r: int, outline) -> None:
        (self.folded_rows if outline and outline != "0" else self.rows).append(r)

    def element(self, el) -> None:
        name = _local(el.tag)
        parent = el.getparent()
        if name == "col":
            if parent is None or _local(parent.tag) != "cols":
                return
            width = el.get("width")
            if el.get("hidden") not in _TRUE and not (
                    width is not None and width[:1] == "0" and _zero(width)):
                return
            try:
                lo, hi = int(el.get("min")), int(el.get("max"))
            except (TypeError, ValueError):
                return                         # a malformed range: shown, as it was read
            if 1 <= lo <= hi:
                outline = el.get("outlineLevel")
                (self.folded_cols if outline and outline != "0" else self.cols).append(
                    (lo, min(hi, 16384)))
        elif parent is not None and name == "autoFilter":
            if _local(parent.tag) == "worksheet":       # not a custom view's filter
                self.filter_ref = el.get("ref")
        elif parent is not None and name == "filterColumn":
            grand = parent.getparent()
            if _local(parent.tag) == "autoFilter" and grand is not None and \
                    _local(grand.tag) == "worksheet":
                self.filtered = True
        elif name == "tablePart":
            if parent is not None and _local(parent.tag) == "tableParts":
                rid = el.get(_TABLE_RID[0]) or el.get(_TABLE_RID[1])
                if rid:
                    self.tables.append(rid)

    def apply(self, grid: dict, ranges: set, title, notes: list[str]):
        """The grid and merged ranges without the hidden lines, the lines after them moved up
        or left into their place; warnings for what was left out or kept in ``notes``."""
        rows = self.rows
        filters = list(self.table_filters)
        if self.filtered:
            lo, hi = 1, 1 << 20                 # a filter without a range: all its rows kept
            ref = _filter_rows(self.filter_ref)
            if ref is not None:
                lo, hi = ref
            filters.insert(0, (lo, hi, "AutoFilter"))
        for lo, hi, what in filters if rows else ():
            kept = _Lines([(r, r) for r in rows if lo <= r <= hi])
            rows = [r for r in rows if not lo <= r <= hi]
            shown = _lines_in_use(grid, kept, 0)
            notes.append(f"sheet {title!r} is filtered ({what}): "
                         + (f"read with the {len(shown)} row(s) the filter hides"
                            if shown else "no row with content is hidden by the filter"))
        for spans, axis, what in (([(r, r) for r in self.folded_rows], 0, "row"),
                                  (self.folded_cols, 1, "column")):
            shown = _lines_in_use(grid, _Lines(spans), axis) if spans else []
            if shown:
                notes.append(f"sheet {title!r}: {len(shown)} {what}(s) folded into a collapsed "
                             f"outline group read as well ({_line_names(shown, axis)})")
        return _drop_lines(grid, ranges, _Lines([(r, r) for r in rows]), _Lines(self.cols),
                           title, notes)


def _drop_lines(grid: dict, ranges: set, row_map: "_Lines", col_map: "_Lines", title,
                notes: list[str]):
    """The grid and merged ranges without the hidden rows and columns of ``row_map`` and
    ``col_map``, the lines after them moved up or left into their place; a warning in ``notes``
    for each kind of line with content left out."""
    if not row_map and not col_map:
        return grid, ranges
    out: dict = {}
    kept_ranges: set = set()
    moved: set = set()                      # hidden merge origins whose text still shows
    for m in ranges:
        rs = row_map.visible_span(m[0], m[2])
        ks = col_map.visible_span(m[1], m[3])
        if rs is None or ks is None:
            continue                        # entirely hidden: gone with its text
        new = (row_map.index(rs[0]), col_map.index(ks[0]),
               row_map.index(rs[1]), col_map.index(ks[1]))
        kept_ranges.add(new)
        origin = grid.get((m[0], m[1]))
        if (rs[0], ks[0]) != (m[0], m[1]) and origin is not None:
            out[new[:2]] = origin           # shown in the visible part of the range
            moved.add((m[0], m[1]))
    dropped_rows: set[int] = set()
    dropped_cols: set[int] = set()
    for key, value in grid.items():
        r = row_map.index(key[0])
        k = col_map.index(key[1])
        if r is not None and k is not None:
            out.setdefault((r, k), value)   # a moved merge text wins over a covered cell
        elif key not in moved and (value[0].strip() or value[1]):
            if r is None:
                dropped_rows.add(key[0])
            if k is None:
                dropped_cols.add(key[1])
    if dropped_rows:
        notes.append(f"sheet {title!r}: {len(dropped_rows)} hidden row(s) not read "
                     f"({_line_names(sorted(dropped_rows), 0)})")
    if dropped_cols:
        notes.append(f"sheet {title!r}: {len(dropped_cols)} hidden column(s) not read "
                     f"({_line_names(sorted(dropped_cols), 1)})")
    return out, kept_ranges


def _filter_rows(ref: Optional[str]) -> Optional[tuple[int, int]]:
    """The rows a filter range such as "A4:K8" filters: those below its header row."""
    m = _MERGE_REF.fullmatch(ref.replace("$", "")) if ref else None
    if m is None:
        return None
    return int(m.group(2)) + 1, int(m.group(4)) if m.group(4) else 1 << 20


def _table_filters(zf: zipfile.ZipFile, part: str, rids: list[str]) -> list:
    """(first row, last row, label) of each Excel Table on the sheet (Insert > Table) whose
    AutoFilter has a criterion: the rows it may hide. A table part that is missing or damaged
    counts as unfiltered (openpyxl's read-only mode never read table parts)."""
    out = []
    try:
        rels = _rels(zf, part)
    except ReadError:                   # declares entities (CheckedPackage): refuses the file
        raise
    except Exception:                   # no or damaged sheet relationships: no tables
        return out
    for rid in rids:
        target = rels.get(rid)
        if target is None or "/table" not in target[0]:
            continue
        try:
            root = _xml(zf, target[1])
        except ReadError:
            raise
        except Exception:               # a missing or broken table part
            continue
        flt = next((el for el in root.iterchildren("{*}autoFilter")), None)
        if flt is None or not any(len(fc) for fc in flt.iterchildren("{*}filterColumn")):
            continue                    # filter buttons without a criterion: nothing hidden
        rows = _filter_rows(flt.get("ref") or root.get("ref"))
        if rows is not None:
            name = root.get("displayName") or root.get("name") or target[1]
            out.append((rows[0], rows[1], f"table {name!r}"))
    return out


def _zero(width: str) -> bool:
    try:
        return float(width) == 0
    except ValueError:
        return False


def _lines_in_use(grid: dict, lines: "_Lines", axis: int) -> list[int]:
    """The rows (axis 0) or columns (axis 1) among ``lines`` holding a cell with content."""
    return sorted({key[axis] for key, value in grid.items()
                   if (value[0].strip() or value[1]) and lines.index(key[axis]) is None})


def _letters(k: int) -> str:
    out = ""
    while k:
        k, rem = divmod(k - 1, 26)
        out = chr(65 + rem) + out
    return out


def _line_names(lines: list[int], axis: int, most: int = 10) -> str:
    names = [_letters(k) if axis else str(k) for k in lines[:most]]
    more = f", … {len(lines) - most} more" if len(lines) > most else ""
    return ("column " if axis else "row ") + ", ".join(names) + more if len(lines) == 1 else \
        ("columns " if axis else "rows ") + ", ".join(names) + more


class _Lines:
    """Hidden lines (rows or columns) as sorted, merged ranges: whether a line is hidden, and
    where a visible one lands once the hidden ones are taken out."""

    __slots__ = ("los", "his", "gone")

    def __init__(self, spans):
        merged: list[list[int]] = []
        for lo, hi in sorted(spans):
            if merged and lo <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        self.los = [m[0] for m in merged]
        self.his = [m[1] for m in merged]
        self.gone = []                          # hidden lines up to the end of each range
        total = 0
        for lo, hi in merged:
            total += hi - lo + 1
            self.gone.append(total)

    def __bool__(self) -> bool:
        return bool(self.los)

    def index(self, x: int) -> Optional[int]:
        """The place of line ``x`` among the visible ones (None: it is hidden)."""
        i = bisect_right(self.los, x) - 1
        if i < 0:
            return x
        if x <= self.his[i]:
            return None
        return x - self.gone[i]

    def visible_span(self, lo: int, hi: int) -> Optional[tuple[int, int]]:
        """The first and last visible lines of lo..hi (None: all of them are hidden)."""
        i = bisect_right(self.los, lo) - 1
        if i >= 0 and lo <= self.his[i]:
            lo = self.his[i] + 1
        j = bisect_right(self.los, hi) - 1
        if j >= 0 and hi <= self.his[j]:
            hi = self.los[j] - 1
        return (lo, hi) if lo <= hi else None


def _merge_range(ref: Optional[str]):
    """(min_row, min_col, max_row, max_col) of a mergeCell ref such as "B4:D5" (None for
    absolute or malformed refs, which the old byte scan passed over as well)."""
    m = _MERGE_REF.fullmatch(ref) if ref else None
    if m is None:
        return None
    c0, r0, c1, r1 = m.groups()
    if c1 is None:
        c1, r1 = c0, r0
    r0, r1 = int(r0), int(r1)
    if not r0 or not r1:
        raise ValueError(f"There is no row 0 ({ref})")
    c0, c1 = _column(c0), _column(c1)
    if r0 > r1 or c0 > c1:
        raise ValueError(f"merged range {ref} ends before it starts")
    return r0, c0, r1, c1


def _cell_text(v, fmt) -> str:
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if fmt is _PAST_END:                   # an undeclared custom number format
        raise IndexError("list index out of range")
    if isinstance(v, (_dt.datetime, _dt.date)):
        return _fmt_date(v, fmt or "")
    if isinstance(v, _dt.time):
        return v.isoformat()
    if isinstance(v, _dt.timedelta):
        return str(v)
    return _fmt_number(v, fmt)


_EMPTY = ("", False)
# an item number as the first column of a table row writes it: 1, 1.1, 2.3.1, 1. (Thai digits too)
_ITEM_NO = patterns.compile(r"[0-9๐-๙]{1,3}(?:\.[0-9๐-๙]{1,3}){0,3}\.?")


def _sheet_tables(title, grid: dict[tuple[int, int], tuple[str, bool]],
                  merges: list[tuple[int, int, int, int]]) -> list:
    """Blocks of a sheet: a table per band of rows between fully blank rows (a single blank
    row the table goes on under is a spacer, see _spacer_joins)."""
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
    by_row: dict[int, list] = {}
    for key, value in grid.items():
        by_row.setdefault(key[0], []).append((key, value))
    blocks: list = []
    last_cols: Optional[tuple[int, int]] = None     # columns of the table just before, if any
    for r0, r1, spacers in _spacer_joins(bands, by_row, merges):
        # spacer rows are left out, as the DOCX and text readers leave out a table's empty rows
        rows = [r for r in range(r0, r1 + 1) if r not in spacers]
        band = [item for r in rows for item in by_row.get(r, ())]
        cols = [key[1] for key, _ in band] + \
               [k for m in merges if r0 <= m[0] <= r1 for k in (m[1], m[3])]
        c0, c1 = min(cols), max(cols)
        filled = sorted(key for key, value in band if value[0].strip())
        one_per_row = len({r for r, _ in filled}) == len(filled)
        if filled and one_per_row and not any(
                m[2] > m[0] for m in merges if r0 <= m[0] <= r1) and not any(
                value[1] for _, value in band):
            # lines with one cell each between blank rows (titles, notes): paragraphs
            for key in filled:
                text = grid[key][0]
                blocks.append(Paragraph(text=repair_thai(text.strip()), raw=text))
            last_cols = None
            continue
        # Title and caption lines typed straight above a table, without a blank row between
        # (`ผลการดำเนินงาน`, `เกณฑ์การให้คะแนน :` over the table they name): paragraphs, as
        # they are in a Word document, not a first table row. Such a line has one cell with
        # text, in the band's first column (a banner over later columns is a header), no fill
        # and no merged range; or it is one cell merged and centred across (nearly) the width
        # of the table under it (_merged_titles), though not at the top of a band carrying on
        # the table before it, where such a row is the table's own section row (`7.2 มิติ…`).
        # Lines after the first table row stay in the table.
        titles = _merged_titles(r0, r1, by_row, merges, last_cols)
        while r0 < r1:
            end = titles.get(r0)
            line = by_row.get(r0, ())
            texts = [(key, value) for key, value in line if value[0].strip()]
            if end is None and (len(texts) != 1 or texts[0][0][1] != c0
                                or any(value[1] for _, value in line)
                                or any(m[0] <= r0 <= m[2] for m in merges)):
                break
            text = texts[0][1][0]
            blocks.append(Paragraph(text=repair_thai(text.strip()), raw=text))
            r0 = r0 + 1 if end is None else end + 1
        # the table's columns are those its own rows write in: a title line taken off above it
        # (in column A, the table from B) or a header fill run one column past the table leaves
        # no empty edge column, which a part of the table split off at a blank row would not have
        cols = [key[1] for key, value in band if key[0] >= r0 and value[0].strip()] + \
               [k for m in merges if r0 <= m[0] <= r1 for k in (m[1], m[3])]
        if cols:
            c0, c1 = min(cols), max(cols)
        covered: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for m in merges:
            if r0 <= m[0] <= r1:
                for rr in range(m[0], m[2] + 1):
                    for kk in range(m[1], m[3] + 1):
                        covered[(rr, kk)] = m
        cells = []
        rows = [r for r in rows if r >= r0]         # title lines taken off above
        for i, r in enumerate(rows):
            line = {key[1]: value for key, value in by_row.get(r, ())}
            for k in range(c0, c1 + 1):
                m = covered.get((r, k)) if covered else None
                if m is not None and (r, k) != (m[0], m[1]):
                    continue
                text, shaded = line.get(k, _EMPTY)
                rs = m[2] - m[0] + 1 if m else 1
                cs = m[3] - m[1] + 1 if m else 1
                stripped = text.strip()
                cells.append(Cell(row=i, col=k - c0,
                                  text=repair_thai(stripped) if stripped else "",
                                  raw=text, rowspan=rs, colspan=cs, shaded=shaded))
        blocks.append(Table(cells=cells, n_rows=len(rows), n_cols=c1 - c0 + 1,
                            sheet=title))
        last_cols = (c0, c1)
    return blocks


def _spacer_joins(bands: list[tuple[int, int]], by_row: dict,
                  merges: list) -> list[tuple[int, int, frozenset]]:
    """The bands as (first row, last row, spacer rows): a band that the table above goes on in
    after a single blank row is joined to it, the blank row being a spacer (left under the header
    to set it off, or between groups of items) rather than the table's end. The table goes on
    when the band's first row is an item row of it: an item number in the table's first column
    and at least three cells filled (as the text reader's rule for a row of tabs), and all of the
    band's cells lie within the table's columns. Split there, the rows below would be a table of
    their own, narrower than the header when its last columns are empty (a Gantt chart's
    unticked last months) and so not read as the header's rows. Two or more blank rows, or a band
    starting with a title, a signature or a header of its own, still end the table."""
    out: list[tuple[int, int, frozenset]] = []
    cols: Optional[tuple[int, int]] = None           # the last entry's table columns, if a table
    for r0, r1 in bands:
        if out and cols is not None and r0 == out[-1][1] + 2 and \
                _goes_on(r0, r1, cols, by_row, merges):
            p0, p1, spacers = out[-1]
            out[-1] = (p0, r1, spacers | {p1 + 1})
            continue
        out.append((r0, r1, frozenset()))
        cols = _table_cols(r0, r1, by_row, merges)
    return out


def _table_cols(r0: int, r1: int, by_row: dict, merges: list) -> Optional[tuple[int, int]]:
    """The columns of the table in rows r0..r1: those written from its first row of two or more
    filled cells down (title lines above it left out); None for a band of single-cell lines."""
    first = next((r for r in range(r0, r1 + 1)
                  if sum(1 for _, value in by_row.get(r, ()) if value[0].strip()) >= 2), None)
    if first is None:
        return None
    cols = [key[1] for r in range(first, r1 + 1) for key, value in by_row.get(r, ())
            if value[0].strip()] + [k for m in merges if first <= m[0] <= r1 for k in (m[1], m[3])]
    return min(cols), max(cols)


def _goes_on(r0: int, r1: int, cols: tuple[int, int], by_row: dict, merges: list) -> bool:
    """Whether rows r0..r1 carry on the table of columns ``cols`` (see _spacer_joins)."""
    line = {key[1]: value[0].strip() for key, value in by_row.get(r0, ()) if value[0].strip()}
    if len(line) < 3 or min(line) != cols[0] or not _ITEM_NO.fullmatch(line[cols[0]]):
        return False
    c0, c1 = cols
    return all(c0 <= key[1] <= c1 for r in range(r0, r1 + 1) for key, value in by_row.get(r, ())
               if value[0].strip()) and \
        all(c0 <= m[1] and m[3] <= c1 for m in merges if r0 <= m[0] <= r1)


def _merged_titles(r0: int, r1: int, by_row: dict, merges: list,
                   last_cols: Optional[tuple[int, int]]) -> dict[int, int]:
    """First row -> last row of each title at the top of the band r0..r1 that is one cell merged
    across (nearly) the width of the table below it: above the band's first row with two or
    more cells of text (its header), holding the only text of its rows. Empty when the band
    carries on the table before it (``last_cols``, the same columns after a blank row)."""
    first = None                                    # the first row of several cells
    for r in range(r0, r1 + 1):
        if sum(1 for _, value in by_row.get(r, ()) if value[0].strip()) >= 2:
            first = r
            break
    if first is None or first == r0:
        return {}
    own = [m for m in merges if r0 <= m[0] <= r1]
    cols = [key[1] for r in range(first, r1 + 1) for key, value in by_row.get(r, ())
            if value[0].strip()] + [k for m in own if m[0] >= first for k in (m[1], m[3])]
    c0, c1 = min(cols), max(cols)
    if last_cols is not None and last_cols[0] == c0 and abs(last_cols[1] - c1) <= 2:
        return {}
    width = c1 - c0 + 1
    starts = {(m[0], m[1]): m for m in own if m[2] < first and m[3] > m[1]}
    out: dict[int, int] = {}
    r = r0
    while r < first:
        texts = [key for key, value in by_row.get(r, ()) if value[0].strip()]
        m = starts.get(texts[0]) if len(texts) == 1 else None
        if m is None:
            r += 1                                  # a plain title line, or not a title
            continue
        covered = min(m[3], c1) - max(m[1], c0) + 1
        if 4 * covered < 3 * width or any(value[0].strip() for rr in range(r + 1, m[2] + 1)
                                          for _, value in by_row.get(rr, ())):
            break
        out[r] = m[2]
        r = m[2] + 1
    return out


# The grid -> blocks layer, shared with the .xls and .ods readers: they build the same grid
# ({(row, col): (text, shaded)}, 1-based) and merged ranges (min_row, min_col, max_row, max_col)
# from their own formats and hand them here, so that a sheet is split into titles and tables and
# its numbers and dates shown the same whichever format it was saved in.

BUILTIN_FORMATS = _BUILTIN_FORMATS
is_date_format = _is_date_format
is_duration_format = _is_duration_format


def sheet_blocks(title, grid: dict, merges, notes: list[str], *, hidden_rows=(), hidden_cols=(),
                 folded_rows=(), folded_cols=(), filtered_rows=()) -> list:
    """The blocks of a sheet (paragraphs and tables, as read_xlsx makes them) from its grid and
    merged ranges. Line arguments are lists of (first, last) spans: ``hidden_*`` lines are taken
    out (with a warning when they hold content), ``folded_*`` ones (a collapsed outline group)
    and ``filtered_rows`` (hidden by an active filter) are kept and reported, as read_xlsx does."""
    ranges = set(merges)
    if filtered_rows:
        shown = _lines_in_use(grid, _Lines(filtered_rows), 0)
        notes.append(f"sheet {title!r} is filtered (AutoFilter): "
                     + (f"read with the {len(shown)} row(s) the filter hides"
                        if shown else "no row with content is hidden by the filter"))
    for spans, axis, what in ((folded_rows, 0, "row"), (folded_cols, 1, "column")):
        shown = _lines_in_use(grid, _Lines(spans), axis) if spans else []
        if shown:
            notes.append(f"sheet {title!r}: {len(shown)} {what}(s) folded into a collapsed "
                         f"outline group read as well ({_line_names(shown, axis)})")
    if hidden_rows or hidden_cols:
        grid, ranges = _drop_lines(grid, ranges, _Lines(hidden_rows), _Lines(hidden_cols),
                                   title, notes)
    return _sheet_tables(title, grid, sorted(ranges))


def excel_number(v: float):
    """A number as an XLSX cell holds it: Excel writes a whole number without a decimal point
    (``<v>3</v>``), which the XLSX reader takes as an int; formats then show it alike."""
    return int(v) if v.is_integer() and abs(v) < 1e15 else v


def cell_text(value, number_format: Optional[str]) -> str:
    """A cell value (str, bool, int, float, date, time, timedelta) as the XLSX reader shows it
    under ``number_format`` (an Excel format code; None or "" for General)."""
    if value.__class__ is int and (number_format or "General") == "General":
        return str(value)
    return _cell_text(value, number_format or "General")


def excel_date(serial: float, date1904: bool, duration: bool = False):
    """An Excel date serial as a date, datetime, time or timedelta, as the XLSX reader turns it
    (openpyxl's from_excel: the 1900 calendar's phantom 29 February included)."""
    return _from_excel(serial, _MAC_EPOCH if date1904 else _WINDOWS_EPOCH, duration)
