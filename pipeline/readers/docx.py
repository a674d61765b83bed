"""Word (.docx) reader: paragraphs and tables in body order, merges resolved, nested tables,
shaded cells.

The package is opened here with lxml (the parts python-docx would parse, found the same way
through the relationships, parsed with the same parser settings) rather than through python-docx's
proxy objects, which cost more than the reading itself. The table grid is resolved here from
w:gridSpan / w:vMerge / w:gridBefore.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
import zipfile
from pathlib import Path
from typing import Optional

from lxml import etree

from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import repair_thai
from .common import ZIP_ERRORS, ReadError, ReadLimits, ole_container_error, open_package

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAGS = {"p": W + "p", "tbl": W + "tbl", "tr": W + "tr", "tc": W + "tc"}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}


def _sniff_not_docx(path: Path) -> Optional[ReadError]:
    with open(path, "rb") as f:
        head = f.read(8192)
    ole = ole_container_error(path, head, "Word document", "Word (.doc)", ".docx")
    if ole:
        return ole
    if head.startswith(b"%PDF"):
        return ReadError("not_docx", f"{path.name} is named .docx but is a PDF")
    if not head.startswith(b"PK"):
        try:
            from .text import decode
            decode(head if len(head) < 8192 else head[:8000])
            return ReadError("not_docx", f"{path.name} is named .docx but is plain text, "
                             "not a Word document")
        except ReadError:
            return ReadError("corrupt", f"{path.name} is not a Word document (not a zip file)")
    return None


def read_docx(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    if path.stat().st_size:          # an empty file is reported as such by open_package
        err = _sniff_not_docx(path)
        if err:
            raise err
    zf = open_package(path, limits, "DOCX", "word/document.xml", "not_docx", "a Word document")
    try:
        try:
            zf.getinfo("word/document.xml")
            zf.open("word/document.xml").read(1)
        except ZIP_ERRORS + (OSError,) as e:
            raise ReadError("corrupt", f"{path.name}: word/document.xml cannot be read ({e})")
        try:
            pkg = _Package(zf)
            styles, style_num = _style_tables(pkg.styles)
            num = _Numbering(pkg.numbering, style_num)
        except ReadError as e:
            raise ReadError(e.reason, f"{path.name}: Word document cannot be opened ({e.message})")
        except Exception as e:  # a broken package raises many types
            raise ReadError("corrupt", f"{path.name}: Word document cannot be opened "
                            f"({type(e).__name__}: {e})") from e
    finally:
        zf.close()

    warnings: list[str] = []
    blocks: list = []
    seen: set[str] = set()
    for part in pkg.headers:      # page headers once, before the body (form titles, agencies)
        blocks.extend(_blocks(part, styles, warnings, num, "Header", seen))
    blocks.extend(_blocks(pkg.body, styles, warnings, num, None, None))
    for part in pkg.footers:
        blocks.extend(_blocks(part, styles, warnings, num, "Footer", seen))
    return Document(path=str(path), format="docx", pages=[Page(number=None, blocks=blocks)],
                    warnings=warnings)


# python-docx's parser settings (docx.oxml.parser), without its proxy element classes
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_WML_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


class _Package:
    """The parts of a .docx the reader uses: the body, the styles and numbering XML and the
    section headers/footers, found through the relationships as python-docx finds them."""

    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        ct = self._xml("/[Content_Types].xml")
        self.overrides = {(el.get("PartName") or "").lower(): el.get("ContentType")
                          for el in ct.iter(_CT + "Override")}
        self.defaults = {(el.get("Extension") or "").lower(): el.get("ContentType")
                         for el in ct.iter(_CT + "Default")}
        main = self._target("/", _RT + "officeDocument")
        if main is None:
            raise ReadError("corrupt", "the package names no main document part")
        content_type = self._content_type(main)
        if content_type != _WML_MAIN:
            raise ReadError("corrupt", f"not a Word file, content type is {content_type!r}")
        root = self._xml(main)
        self.body = root.find(W + "body")
        if self.body is None:
            raise ReadError("corrupt", "the main document part has no body")
        rels = self._rels(main)
        styles = self._target(main, _RT + "styles", rels)
        self.styles = self._bytes(styles) if styles else _default_styles_xml()
        numbering = self._target(main, _RT + "numbering", rels)
        self.numbering = self._bytes(numbering) if numbering else None
        self.headers, self.footers = [], []
        try:
            parts: dict[str, object] = {}
            for sect in self.body.iter(W + "sectPr"):
                for ref in sect:
                    target = self.headers if ref.tag == W + "headerReference" else \
                        self.footers if ref.tag == W + "footerReference" else None
                    rel = rels.get(ref.get(_R_ID))
                    if target is None or rel is None or rel[2]:
                        continue
                    if rel[1] not in parts:
                        parts[rel[1]] = self._xml(rel[1])
                    element = parts[rel[1]]
                    if all(element is not e for e in target):
                        target.append(element)
        except Exception:   # a damaged header must not cost the body
            self.headers, self.footers = [], []

    def _bytes(self, partname: str) -> bytes:
        return self.zf.read(partname.lstrip("/"))

    def _xml(self, partname: str):
        return etree.fromstring(self._bytes(partname), _PARSER)

    def _content_type(self, partname: str) -> Optional[str]:
        ct = self.overrides.get(partname.lower())
        if ct is None:
            ct = self.defaults.get(posixpath.splitext(partname)[1].lstrip(".").lower())
        return ct

    def _rels(self, source: str) -> dict[str, tuple[str, str, bool]]:
        """rId -> (relationship type, target part name, external) of a part."""
        base, name = posixpath.split(source)
        rels_name = posixpath.join(base, "_rels", name + ".rels")
        if rels_name.lstrip("/") not in self.zf.namelist():
            return {}
        out = {}
        for rel in self._xml(rels_name).iter(_PR + "Relationship"):
            ref = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                ref = posixpath.normpath(posixpath.join(base, ref) if not ref.startswith("/")
                                         else ref)
            out[rel.get("Id")] = (rel.get("Type"), ref, external)
        return out

    def _target(self, source: str, reltype: str, rels=None) -> Optional[str]:
        for typ, ref, external in (rels if rels is not None else self._rels(source)).values():
            if typ == reltype and not external:
                return ref
        return None


def _default_styles_xml() -> bytes:
    """The styles python-docx supplies for a document without a styles part."""
    from docx.parts.styles import StylesPart
    return StylesPart._default_styles_xml()


def _blocks(container, styles, warnings, num, style: Optional[str], seen: Optional[set]) -> list:
    """Paragraphs and tables of a body, header or footer in order. Header/footer text already
    seen (the same header in several sections) is not repeated."""
    out: list = []
    for el in _body_children(container):
        if el.tag == _TAGS["p"]:
            raw = _para_text(el)
            if not raw.strip():
                continue
            if seen is not None:
                if raw.strip() in seen:
                    continue
                seen.add(raw.strip())
            raw = num.label(el) + raw
            out.append(Paragraph(text=repair_thai(raw.strip()), raw=raw,
                                 style=style or _para_style(el, styles)))
        elif el.tag == _TAGS["tbl"]:
            t = _read_table(el, warnings, depth=0, num=num)
            if t is None:
                continue
            if seen is not None:
                key = "\t".join(c.text for c in t.cells)
                if key in seen:
                    continue
                seen.add(key)
            out.append(t)
    return out


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class _Numbering:
    """Word's automatic list numbers (``1.``, ``1.2``, ``(ก)``): not in the paragraph text, so
    rendered here from numbering.xml the way Word shows them, counters kept in document order.
    Bullets are rendered as ``•``."""

    _THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"

    def __init__(self, numbering: Optional[bytes], style_num: dict[str, tuple[str, int]]):
        # numId -> ilvl -> level definition (shared between documents: never changed here)
        self.levels: dict[str, dict[int, dict]] = _numbering_levels(numbering) if numbering else {}
        self.counters: dict[str, list[int]] = {}
        self.style_num = style_num

    @staticmethod
    def levels_of(numbering) -> dict[str, dict[int, dict]]:
        levels: dict[str, dict[int, dict]] = {}
        if numbering is not None:
            abstract = {}
            for an in numbering.findall(W + "abstractNum"):
                lv = {}
                for lvl in an.findall(W + "lvl"):
                    ilvl = int(lvl.get(W + "ilvl", "0"))
                    lv[ilvl] = {"start": int(_val(lvl, "start") or 1),
                                "fmt": _val(lvl, "numFmt") or "decimal",
                                "text": _val(lvl, "lvlText") or ""}
                abstract[an.get(W + "abstractNumId")] = lv
            for n in numbering.findall(W + "num"):
                aid = _val(n, "abstractNumId")
                lv = {k: dict(v) for k, v in abstract.get(aid, {}).items()}
                for ov in n.findall(W + "lvlOverride"):
                    start = _val(ov, "startOverride")
                    ilvl = int(ov.get(W + "ilvl", "0"))
                    if start is not None and ilvl in lv:
                        lv[ilvl]["start"] = int(start)
                levels[n.get(W + "numId")] = lv
        return levels

    def label(self, p) -> str:
        if not self.levels:
            return ""
        ppr = next(p.iterchildren(W + "pPr"), None)
        if ppr is None:
            return ""
        np_ = next(ppr.iterchildren(W + "numPr"), None)
        num_id, ilvl = None, 0
        if np_ is not None:
            num_id, ilvl = _val(np_, "numId"), int(_val(np_, "ilvl") or 0)
        elif self.style_num:
            ps = next(ppr.iterchildren(W + "pStyle"), None)
            if ps is not None and ps.get(W + "val") in self.style_num:
                num_id, ilvl = self.style_num[ps.get(W + "val")]
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        text = levels[ilvl]["text"]
        if levels[ilvl]["fmt"] == "bullet":
            return "• "
        if levels[ilvl]["fmt"] == "none":
            return (text + " ") if text else ""

        def value(m):
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            n = levels[k]["start"] - 1 + max(counters[k], 1)
            return self._format(n, levels[k]["fmt"])
        rendered = re.sub(r"%(\d)", value, text)
        return rendered + " " if rendered else ""

    @classmethod
    def _format(cls, n: int, fmt: str) -> str:
        if fmt in ("thaiNumbers",):
            return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
        if fmt in ("thaiLetters",):
            return cls._THAI_LETTERS[(n - 1) % len(cls._THAI_LETTERS)]
        if fmt in ("lowerLetter", "upperLetter"):
            s = chr(ord("a") + (n - 1) % 26)
            return s.upper() if fmt == "upperLetter" else s
        if fmt in ("lowerRoman", "upperRoman"):
            s = _roman(n)
            return s if fmt == "upperRoman" else s.lower()
        return str(n)


def _val(el, child: str) -> Optional[str]:
    c = el.find(W + child)
    return None if c is None else c.get(W + "val")


def _roman(n: int) -> str:
    out = ""
    for v, r in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                 (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += r
            n -= v
    return out


def _body_children(el):
    for child in el.iterchildren():
        if child.tag in _CONTAINERS:
            yield from _body_children(child)
        else:
            yield child


def _digest(data: bytes) -> bytes:
    return hashlib.sha1(data).digest()


# Parsed styles and numbering parts keyed on their digest: documents made from one template
# share a styles part of hundreds of KB whose parsing cost more than reading the rest.
_PARTS_CACHE: dict[bytes, object] = {}


def _cached_part(kind: str, data: bytes, parse):
    key = kind.encode() + hashlib.sha1(data).digest()
    hit = _PARTS_CACHE.get(key)
    if hit is None:
        if len(_PARTS_CACHE) >= 64:
            _PARTS_CACHE.clear()
        try:
            root = etree.fromstring(data, _PARSER)
        except Exception as e:
            raise ReadError("corrupt", f"the {kind} part cannot be parsed ({e})") from e
        hit = _PARTS_CACHE[key] = parse(root)
    return hit


def _style_tables(styles: bytes) -> tuple[dict[str, str], dict[str, tuple[str, int]]]:
    """styleId -> name as Word shows it, and styleId -> (numId, ilvl) of numbered styles
    (shared between documents: never changed)."""
    return _cached_part("styles", styles, _parse_style_tables)


def _parse_style_tables(root) -> tuple[dict, dict]:
    from docx.styles import BabelFish
    names: dict[str, str] = {}
    style_num: dict[str, tuple[str, int]] = {}
    for st in root.iterchildren(W + "style"):
        name = st.find(W + "name")
        sid = st.get(W + "styleId")
        if sid is not None and name is not None:
            names[sid] = BabelFish.internal2ui(name.get(W + "val", ""))
    try:
        for st in root.findall(W + "style"):
            np_ = st.find(W + "pPr/" + W + "numPr")
            if np_ is not None and _val(np_, "numId"):
                style_num[st.get(W + "styleId")] = (_val(np_, "numId"), int(_val(np_, "ilvl") or 0))
    except Exception:
        pass
    return names, style_num


def _numbering_levels(numbering: bytes) -> dict[str, dict[int, dict]]:
    return _cached_part("numbering", numbering, _Numbering.levels_of)


def _para_style(p, styles) -> str:
    ps = p.find(W + "pPr/" + W + "pStyle")
    if ps is None:
        return ""
    sid = ps.get(W + "val", "")
    return styles.get(sid, sid) or ""


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {W + "del", W + "pPr", W + "rPr", W + "instrText", _MC_FALLBACK}


def _para_text(p) -> str:
    """Text of a w:p: runs (also inside hyperlinks, insertions, fields, text boxes), tabs and
    breaks. Deleted text, field codes and the fallback copy of alternate content (a text box
    is stored twice, once for old readers) are left out."""
    out: list[str] = []
    stack = [iter(p)]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            continue
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(node.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif len(node):
            stack.append(iter(node))
    return "".join(out)


_TCPR, _GRIDSPAN, _VMERGE, _SHD = W + "tcPr", W + "gridSpan", W + "vMerge", W + "shd"


def _tc_props(tc):
    tcPr = None
    for child in tc.iterchildren(_TCPR):
        tcPr = child
        break
    span, vmerge, shaded = 1, None, False
    if tcPr is not None:
        gs = vm = shd = None
        for ch in tcPr.iterchildren(_GRIDSPAN, _VMERGE, _SHD):
            tag = ch.tag
            if tag == _GRIDSPAN:
                gs = ch
            elif tag == _VMERGE:
                vm = ch
            else:
                shd = ch
        if gs is not None:
            try:
                span = max(1, int(gs.get(W + "val", "1")))
            except ValueError:
                span = 1
        if vm is not None:
            vmerge = vm.get(W + "val", "continue")
        shaded = _is_fill(shd)
    return span, vmerge, shaded


def _is_fill(shd) -> bool:
    """A w:shd that colours the background: a fill other than auto/white, or a solid
    pattern in a colour other than auto/white."""
    if shd is None:
        return False
    fill = (shd.get(W + "fill") or "").upper()
    val = (shd.get(W + "val") or "").lower()
    color = (shd.get(W + "color") or "").upper()
    if val == "nil":
        return False
    if fill and fill not in ("AUTO", "FFFFFF"):
        return True
    return val == "solid" and bool(color) and color not in ("AUTO", "FFFFFF")


def _grid_before(tr) -> int:
    gb = tr.find(W + "trPr/" + W + "gridBefore")
    if gb is None:
        return 0
    try:
        return max(0, int(gb.get(W + "val", "0")))
    except ValueError:
        return 0


def _read_table(tbl, warnings: list[str], depth: int, num=None) -> Optional[Table]:
    if depth > 20:
        warnings.append("tables nested more than 20 deep were skipped")
        return None
    cells: list[Cell] = []
    # open vertical merges: grid column -> Cell
    open_v: dict[int, Cell] = {}
    n_rows = 0
    n_cols = len(tbl.findall(W + "tblGrid/" + W + "gridCol"))
    rows = [tr for tr in _body_children(tbl) if tr.tag == _TAGS["tr"]]
    for r, tr in enumerate(rows):
        col = _grid_before(tr)
        seen_cols: set[int] = set()
        for tc in _body_children(tr):
            if tc.tag != _TAGS["tc"]:
                continue
            span, vmerge, shaded = _tc_props(tc)
            paras, nested = [], []
            for child in _body_children(tc):
                if child.tag == _TAGS["p"]:
                    text = _para_text(child)
                    paras.append((num.label(child) if num and text.strip() else "") + text)
                    # a Gantt bar may be the cell's paragraph shaded rather than the cell
                    shaded = shaded or _is_fill(child.find(W + "pPr/" + W + "shd"))
                elif child.tag == _TAGS["tbl"]:
                    t = _read_table(child, warnings, depth + 1, num)
                    if t is not None:
                        nested.append(t)
            raw = "\n".join(paras).strip("\n")
            text = "\n".join(repair_thai(x.strip()) for x in raw.split("\n")).strip("\n")
            above = open_v.get(col)
            if vmerge is not None and vmerge != "restart" and above is not None \
                    and above.row + above.rowspan == r and above.colspan == span:
                above.rowspan += 1
                if text.strip():
                    above.text = (above.text + "\n" + text).strip("\n")
                    above.raw = (above.raw + "\n" + raw).strip("\n")
                above.tables.extend(nested)
            else:
                cell = Cell(row=r, col=col, text=text, raw=raw, colspan=span, shaded=shaded,
                            tables=nested)
                cells.append(cell)
                for k in range(col, col + span):
                    open_v.pop(k, None)
                open_v[col] = cell
            for k in range(col, col + span):
                seen_cols.add(k)
            col += span
        # a column with no cell in this row ends any merge running through it
        for k in list(open_v):
            if k not in seen_cols:
                open_v.pop(k)
        n_cols = max(n_cols, col)
        n_rows = r + 1
    if not cells:
        return None
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols)
