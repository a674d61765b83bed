"""Word (.docx) reader: paragraphs and tables in body order, merges resolved, nested tables,
shaded cells.

A table nested in a cell of a grid (a table of several rows whose cell shares its row with other
cells: a ladder `ระดับ 1 | ร้อยละ 70` inside the `เกณฑ์การให้คะแนน` cell) is part of that cell's
value: its rows are lines of the cell's text where the table stands, each row's cells joined by a
space, and it is not kept as a table of its own (extractors lift every ``Cell.tables`` entry out as
a block after the outer table, which would read it twice). A table nested in a frame (a cell alone
in its row, or a table of one row: a form laid out inside a box) stays a table of its own in
``Cell.tables``, its text not in the frame cell's.

The package is opened here with lxml (the parts python-docx would parse, found the same way
through the relationships, parsed with the same parser settings) rather than through python-docx's
proxy objects, which cost more than the reading itself. The table grid is resolved here from
w:gridSpan / w:vMerge / w:gridBefore.

Elements are walked through child lists (``el[:]``) and told apart by tag in Python: a paragraph,
run or cell has few children, and lxml's find()/iterchildren(tag) cost more to set up than that.
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
from .common import (ZIP_ERRORS, PartCache, ReadError, ReadLimits, first_time, open_package,
                     sniff_package)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = W + "p", W + "tbl", W + "tr", W + "tc"
_PPR, _PSTYLE, _NUMPR = W + "pPr", W + "pStyle", W + "numPr"
_STYLE, _STYLE_ID, _NAME = W + "style", W + "styleId", W + "name"
_TRPR, _GRIDBEFORE = W + "trPr", W + "gridBefore"
_TCPR, _GRIDSPAN, _VMERGE, _SHD = W + "tcPr", W + "gridSpan", W + "vMerge", W + "shd"
_VAL = W + "val"
_RPR, _VERTALIGN = W + "rPr", W + "vertAlign"
# containers whose content counts as the content of their parent
_CONTAINERS = frozenset({W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"})
_BLOCK_TAGS, _ROW_TAG, _CELL_TAG = frozenset({_P, _TBL}), frozenset({_TR}), frozenset({_TC})


def read_docx(path: Path, limits: ReadLimits) -> Document:
    path = Path(path)
    if path.stat().st_size:          # an empty file is reported as such by open_package
        err = sniff_package(path, ".docx", "not_docx", "a Word document", "Word document",
                            "Word (.doc)")
        if err:
            raise err
    zf = open_package(path, limits, "DOCX", "word/document.xml", "not_docx", "a Word document",
                      check_on_read=True)
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
            num.active = bool(num.levels) and _uses_numbering(
                [pkg.body, *pkg.headers, *pkg.footers], style_num)
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
        blocks.extend(_blocks(part, styles, warnings, num, "Header", seen, _has_boxes(part)))
    blocks.extend(_blocks(pkg.body, styles, warnings, num, None, None, _has_boxes(pkg.body)))
    for part in pkg.footers:
        blocks.extend(_blocks(part, styles, warnings, num, "Footer", seen, _has_boxes(part)))
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
        self.styles = self._cached_source("styles", styles) if styles else \
            _PartSource("styles", None, _default_styles_xml())
        numbering = self._target(main, _RT + "numbering", rels)
        self.numbering = self._cached_source("numbering", numbering) if numbering else None
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
        except ReadError:   # a part that declares entities (CheckedPackage) refuses the file
            raise
        except Exception:   # a damaged header must not cost the body
            self.headers, self.footers = [], []

    def _bytes(self, partname: str) -> bytes:
        return self.zf.read(partname.lstrip("/"))

    def _xml(self, partname: str):
        data = self._bytes(partname)
        root = etree.fromstring(data, _PARSER)
        if b"strike" in data:
            _drop_struck(root)
        return root

    def _cached_source(self, kind: str, partname: str) -> "_PartSource":
        """A styles or numbering part: already parsed when a part stored with the same bytes was
        parsed before, else its bytes (read here, so a damaged part fails where it always did)."""
        name = partname.lstrip("/")
        try:
            key = _member_key(self.zf, name)
        except Exception:       # the plain read below raises what the part's damage raises
            key = None
        if key is not None:
            hit = _PARTS.get((kind, key))
            if hit is not None:
                return _PartSource(kind, None, None, hit)
        return _PartSource(kind, key, self.zf.read(name))

    def _content_type(self, partname: str) -> Optional[str]:
        ct = self.overrides.get(partname.lower())
        if ct is None:
            ct = self.defaults.get(posixpath.splitext(partname)[1].lstrip(".").lower())
        return ct

    def _rels(self, source: str) -> dict[str, tuple[str, str, bool]]:
        """rId -> (relationship type, target part name, external) of a part."""
        base, name = posixpath.split(source)
        rels_name = posixpath.join(base, "_rels", name + ".rels")
        try:
            self.zf.getinfo(rels_name.lstrip("/"))
        except KeyError:
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


def _member_key(zf: zipfile.ZipFile, name: str) -> Optional[tuple]:
    """What a zip member's content follows from, read without inflating it: method, flags, CRC
    and sizes as declared, and a digest of the stored (compressed) bytes. Two members with the
    same key read as the same bytes, or fail the same way. None when the stored bytes cannot be
    had this way."""
    info = zf.getinfo(name)
    with zf.open(info) as f:            # checks the local header, flags and method as read() does
        fileobj = getattr(f, "_fileobj", None)
        left = getattr(f, "_compress_left", None)
        if fileobj is None or left != info.compress_size:
            return None
        stored = fileobj.read(left)
    if len(stored) != left:
        return None
    return (info.compress_type, info.flag_bits, info.CRC, info.file_size, info.compress_size,
            hashlib.sha1(stored).digest())


def _has_boxes(part) -> bool:
    """Whether a part holds any text box: one scan of the part, where asking each of its
    paragraphs (_boxes) cost ≈3% of reading a DOCX without any."""
    return next(part.iter(_TXBX), None) is not None


def _boxes(p) -> list:
    """The text boxes anchored in a paragraph (w:txbxContent, outermost, the primary copy of
    alternate content only). Their paragraphs and tables are blocks after the paragraph's own
    text, as a reader sees a framed form table or a title box: not glued into one line."""
    if next(p.iter(_TXBX), None) is None:
        return []
    out: list = []
    _boxes_into(p, out)
    return out


def _boxes_into(el, out: list) -> None:
    for node in el[:]:
        if node.tag == _TXBX:
            out.append(node)
        elif node.tag != _MC_FALLBACK and node.tag != _DEL and len(node):
            _boxes_into(node, out)


def _blocks(container, styles, warnings, num, style: Optional[str], seen: Optional[set],
            boxes: bool = True) -> list:
    """Paragraphs and tables of a body, header, footer or text box in order, text boxes
    after the paragraph that anchors them (``boxes``: the container may hold some). Header/footer
    text already seen (the same header in several sections) is not repeated."""
    out: list = []
    for el in _kids(container, _BLOCK_TAGS):
        if el.tag == _P:
            anchored = _boxes(el) if boxes else ()
            raw = _para_text(el)
            if raw.strip() and first_time(seen, raw.strip()):
                if num.active:
                    raw = num.label(el) + raw
                out.append(Paragraph(text=repair_thai(raw.strip()), raw=raw,
                                     style=style or _para_style(el, styles)))
            for box in anchored:
                out.extend(_blocks(box, styles, warnings, num, style, seen))
        else:
            t = _read_table(el, warnings, depth=0, num=num, boxes=boxes)
            if t is not None and first_time(seen, "\t".join(c.text for c in t.cells)):
                out.append(t)
    return out


_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class _Numbering:
    """Word's automatic list numbers (``1.``, ``1.2``, ``(ก)``): not in the paragraph text, so
    rendered here from numbering.xml the way Word shows them, counters kept in document order.
    Bullets are rendered as ``•``."""

    _THAI_LETTERS = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ"

    def __init__(self, numbering: Optional["_PartSource"], style_num: dict[str, tuple[str, int]]):
        # numId -> ilvl -> level definition (shared between documents: never changed here);
        # an empty numbering part defines none
        self.levels: dict[str, dict[int, dict]] = _numbering_levels(numbering) \
            if numbering is not None and (numbering.hit is not None or numbering.data) else {}
        self.counters: dict[str, list[int]] = {}
        self.style_num = style_num
        # False when no paragraph can be numbered (label() would give "" for all): not called
        self.active = bool(self.levels)

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


def _kids(el, tags: frozenset) -> list:
    """The children of ``el`` with one of ``tags``, looking through content controls, custom XML
    and smart tags."""
    out = []
    for child in el[:]:
        tag = child.tag
        if tag in tags:
            out.append(child)
        elif tag in _CONTAINERS:
            out.extend(_kids(child, tags))
    return out


def _first_child(parents, tag: str):
    """The first child with ``tag`` of the first of ``parents`` that has one (``find("a/b")``
    with ``parents`` the a children)."""
    for x in parents:
        for y in x[:]:
            if y.tag == tag:
                return y
    return None


class _PartSource:
    """A styles or numbering part of one package: its parsed form when the cache had it (``hit``),
    else its bytes and the key to cache the parsed form under (None: keyed on the bytes)."""
    __slots__ = ("kind", "key", "data", "hit")

    def __init__(self, kind: str, key, data: Optional[bytes], hit=None):
        self.kind, self.key, self.data, self.hit = kind, key, data, hit


# Parsed styles and numbering parts, keyed on the member's stored bytes (see _member_key) or, for
# bytes not from a member, their digest: documents made from one template share a styles part
# of hundreds of KB whose inflating and parsing cost more than reading the rest.
_PARTS = PartCache()


def _cached_part(src: _PartSource, parse):
    if src.hit is not None:
        return src.hit
    key = (src.kind, src.key if src.key is not None else hashlib.sha1(src.data).digest())
    hit = _PARTS.get(key)
    if hit is None:
        try:
            root = etree.fromstring(src.data, _PARSER)
        except Exception as e:
            raise ReadError("corrupt", f"the {src.kind} part cannot be parsed ({e})") from e
        hit = _PARTS.put(key, parse(root))
    return hit


def _style_tables(styles: _PartSource) -> tuple[dict[str, str], dict[str, tuple[str, int]]]:
    """styleId -> name as Word shows it, and styleId -> (numId, ilvl) of numbered styles
    (shared between documents: never changed)."""
    return _cached_part(styles, _parse_style_tables)


# Style names as Word shows them for the ones styles.xml stores in lower case; python-docx's
# BabelFish table, copied: importing python-docx for it cost ≈0.1 s in every run.
_UI_STYLE_NAMES = {"caption": "Caption", "footer": "Footer", "header": "Header",
                   **{f"heading {n}": f"Heading {n}" for n in range(1, 10)}}


def _parse_style_tables(root) -> tuple[dict, dict]:
    names: dict[str, str] = {}
    style_num: dict[str, tuple[str, int]] = {}
    numbered = True         # numbered styles are taken until one cannot be read
    for st in root[:]:
        if st.tag != _STYLE:
            continue
        name, pprs = None, []
        for ch in st[:]:
            tag = ch.tag
            if tag == _NAME:
                if name is None:
                    name = ch
            elif tag == _PPR:
                pprs.append(ch)
        sid = st.get(_STYLE_ID)
        if sid is not None and name is not None:
            ui = name.get(_VAL, "")
            names[sid] = _UI_STYLE_NAMES.get(ui, ui)
        if numbered and pprs:
            try:
                np_ = _first_child(pprs, _NUMPR)
                if np_ is not None and _val(np_, "numId"):
                    style_num[sid] = (_val(np_, "numId"), int(_val(np_, "ilvl") or 0))
            except Exception:
                numbered = False
    return names, style_num


def _numbering_levels(numbering: _PartSource) -> dict[str, dict[int, dict]]:
    return _cached_part(numbering, _Numbering.levels_of)


def _uses_numbering(parts, style_num: dict) -> bool:
    """Whether any paragraph of these parts can get a list number: one with a w:numPr, or with
    a paragraph style that is numbered. (Without one, every label is "" and no counter moves.)"""
    for part in parts:
        if not style_num:
            if next(part.iter(_NUMPR), None) is not None:
                return True
            continue
        for el in part.iter(_NUMPR, _PSTYLE):
            if el.tag == _NUMPR or el.get(_VAL) in style_num:
                return True
    return False


def _para_style(p, styles) -> str:
    ps = _first_child([x for x in p[:] if x.tag == _PPR], _PSTYLE)
    if ps is None:
        return ""
    sid = ps.get(_VAL, "")
    return styles.get(sid, sid) or ""


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TXBX, _DEL = W + "txbxContent", W + "del"
# w:moveFrom: the old place of text moved with tracked changes (the new place is w:moveTo);
# w:txbxContent: a text box, whose paragraphs and tables are blocks of their own (_boxes)
_SKIP = {_DEL, W + "moveFrom", W + "pPr", W + "rPr", W + "instrText", _MC_FALLBACK, _TXBX}
# what an element of a paragraph gives: True its text (w:t), a string that string, "" nothing
# (skipped with all it holds); elements not named here give the text they hold
_TEXT_OF = {W + "t": True, W + "tab": "\t", W + "br": "\n", W + "cr": "\n",
            W + "noBreakHyphen": "-", **{tag: "" for tag in _SKIP}}


def _para_text(p) -> str:
    """Text of a w:p: runs (also inside hyperlinks, insertions, fields), tabs and breaks.
    Deleted and moved-away text, field codes, text boxes (read by _boxes) and the fallback copy
    of alternate content (a text box is stored twice, once for old readers) are left out."""
    if not len(p):
        return ""
    out: list[str] = []
    _text_into(p, out)
    return "".join(out)


def _text_into(el, out: list) -> None:
    # recursive: the parser refuses documents nested more than 256 deep (no huge_tree)
    for node in el[:]:
        got = _TEXT_OF.get(node.tag)
        if got is None:
            if len(node):           # comments and processing instructions hold nothing
                _text_into(node, out)
        elif got is True:
            t = node.text or ""
            # a superscript digit run right after a digit (a footnote mark, ``ตัวชี้วัดที่ 1¹⁾``) is
            # not part of the number: kept apart by a space, as the PDF reader does
            if t[:1].isdigit() and out and out[-1][-1:].isdigit() and _superscript(el):
                out.append(" ")
            out.append(t)
        elif got:
            out.append(got)


_R, _STRIKE, _DSTRIKE = W + "r", W + "strike", W + "dstrike"


def _drop_struck(root) -> None:
    """Remove from a parsed part the runs struck through by their own properties (w:rPr/w:strike
    or w:dstrike, not switched off by w:val="0"/"false"): revised documents (ฉบับแก้ไข) cross out
    the old value and write the new one after it, and the text is the new one, as with tracked
    deletions. Done once per part that mentions strikethrough at all, not for every run read."""
    for mark in list(root.iter(_STRIKE, _DSTRIKE)):
        rpr = mark.getparent()
        run = rpr.getparent() if rpr is not None and rpr.tag == _RPR else None
        if run is not None and run.tag == _R and mark.get(_VAL, "true") not in ("0", "false", "off"):
            run.getparent().remove(run)


def _superscript(run) -> bool:
    """Whether a w:r is set superscript by its own properties (w:rPr/w:vertAlign)."""
    for x in run[:]:
        if x.tag == _RPR:
            return any(v.tag == _VERTALIGN and v.get(_VAL) == "superscript" for v in x[:])
    return False


def _tc_props(tcPr):
    """gridSpan, vMerge and shading of a cell from its (first) w:tcPr, or None."""
    span, vmerge, shaded = 1, None, False
    if tcPr is not None:
        gs = vm = shd = None
        for ch in tcPr[:]:                      # the last of each counts
            tag = ch.tag
            if tag == _GRIDSPAN:
                gs = ch
            elif tag == _VMERGE:
                vm = ch
            elif tag == _SHD:
                shd = ch
        if gs is not None:
            try:
                span = max(1, int(gs.get(_VAL, "1")))
            except ValueError:
                span = 1
        if vm is not None:
            vmerge = vm.get(_VAL, "continue")
        shaded = _is_fill(shd)
    return span, vmerge, shaded


def _is_fill(shd) -> bool:
    """A w:shd that colours the background: a fill other than auto/white, or a solid
    pattern in a colour other than auto/white."""
    if shd is None:
        return False
    fill = (shd.get(W + "fill") or "").upper()
    val = (shd.get(_VAL) or "").lower()
    color = (shd.get(W + "color") or "").upper()
    if val == "nil":
        return False
    if fill and fill not in ("AUTO", "FFFFFF"):
        return True
    return val == "solid" and bool(color) and color not in ("AUTO", "FFFFFF")


def _grid_before(trprs: list) -> int:
    """w:gridBefore of a row, from its w:trPr elements (normally one)."""
    for trpr in trprs:
        for gb in trpr[:]:
            if gb.tag == _GRIDBEFORE:
                try:
                    return max(0, int(gb.get(_VAL, "0")))
                except ValueError:
                    return 0
    return 0


def _cell_para(p, want_shd: bool):
    """Text of a paragraph in a cell, as _para_text, and the w:shd of its properties (when
    ``want_shd``; else None). _text_into's loop with the shading looked for in the same pass:
    a second pass over the paragraph made reading a DOCX 3-7% slower."""
    out: list[str] = []
    shd = None
    for node in p[:]:
        tag = node.tag
        got = _TEXT_OF.get(tag)
        if got is None:
            if len(node):
                _text_into(node, out)
        elif got is True:
            out.append(node.text or "")
        elif got:
            out.append(got)
        elif tag == _PPR and want_shd and shd is None:
            for x in node[:]:
                if x.tag == _SHD:
                    shd = x
                    break
    return "".join(out), shd


def _read_table(tbl, warnings: list[str], depth: int, num=None,
                boxes: bool = True) -> Optional[Table]:
    if depth > 20:
        warnings.append("tables nested more than 20 deep were skipped")
        return None
    numbered = num is not None and num.active
    cells: list[Cell] = []
    # open vertical merges: grid column -> Cell
    open_v: dict[int, Cell] = {}
    n_rows = 0
    n_cols = len(tbl.findall(W + "tblGrid/" + W + "gridCol"))
    # a row deleted with tracked changes (w:trPr/w:del) is not in the table Word shows
    trs = [tr for tr in _kids(tbl, _ROW_TAG) if not _row_deleted(tr)]
    for r, tr in enumerate(trs):
        tcs, trprs = [], []
        for x in tr[:]:
            tag = x.tag
            if tag == _TC:
                tcs.append(x)
            elif tag == _TRPR:
                trprs.append(x)
            elif tag in _CONTAINERS:
                tcs.extend(_kids(x, _CELL_TAG))
        start = col = _grid_before(trprs) if trprs else 0
        # a nested table in a cell beside others, in a table of several rows, is the cell's value
        fold = len(tcs) > 1 and len(trs) > 1
        for tc in tcs:
            tcPr = None
            content = []                    # (tag, element) of the paragraphs and tables
            for child in tc[:]:
                tag = child.tag
                if tag == _P or tag == _TBL:
                    content.append((tag, child))
                elif tag == _TCPR:
                    if tcPr is None:
                        tcPr = child
                elif tag in _CONTAINERS:
                    content.extend((x.tag, x) for x in _kids(child, _BLOCK_TAGS))
            span, vmerge, shaded = _tc_props(tcPr) if tcPr is not None else (1, None, False)
            paras, nested = [], []
            folded: Optional[dict[int, str]] = None     # paras index -> repaired nested row
            for tag, child in content:
                if tag == _P:
                    if not len(child):          # an empty paragraph: no text, no shading
                        paras.append("")
                        continue
                    text, shd = _cell_para(child, not shaded)
                    paras.append(num.label(child) + text if numbered and text.strip() else text)
                    # a Gantt bar may be the cell's paragraph shaded rather than the cell
                    if shd is not None:
                        shaded = _is_fill(shd)
                    # a text box in the cell: its paragraphs are lines of the cell, its
                    # tables tables of the cell
                    for box in _boxes(child) if boxes else ():
                        for b in _blocks(box, {}, warnings, num, "", None):
                            if isinstance(b, Table):
                                nested.append(b)
                            else:
                                paras.append(b.raw)
                else:
                    t = _read_table(child, warnings, depth + 1, num, boxes)
                    if t is None:
                        continue
                    if not fold:
                        nested.append(t)
                        continue
                    if folded is None:
                        folded = {}
                    for raw_line, text_line in _row_lines(t, nested):
                        folded[len(paras)] = text_line
                        paras.append(raw_line)
            raw, text = cell_texts(paras, folded)
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
                if span > 1:
                    for k in range(col + 1, col + span):
                        open_v.pop(k, None)
                open_v[col] = cell
            col += span
        # a column with no cell in this row (before its first cell or after its last) ends any
        # merge running through it
        if open_v:
            for k in [k for k in open_v if k < start or k >= col]:
                del open_v[k]
        n_cols = max(n_cols, col)
        n_rows = r + 1
    if not cells:
        return None
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols)


def _row_deleted(tr) -> bool:
    for x in tr[:]:
        if x.tag == _TRPR:
            for y in x[:]:
                if y.tag == _DEL:
                    return True
    return False


def _one_line(text: str) -> str:
    return " ".join(x.strip() for x in text.split("\n") if x.strip())



def cell_texts(paras: list[str], folded: Optional[dict[int, str]]) -> tuple[str, str]:
    """A cell's raw and repaired text from its paragraphs' raw texts: lines joined with "\n",
    each repaired on its own; ``folded``: the lines a nested table's rows became (paragraph
    index -> repaired line), kept as they are."""
    raw = "\n".join(paras).strip("\n")
    if not raw:
        return raw, ""
    if folded:
        lines = []
        for k, para in enumerate(paras):
            if k in folded:
                lines.append(folded[k])
            else:
                lines.extend(repair_thai(x.strip()) for x in para.split("\n"))
        return raw, "\n".join(lines).strip("\n")
    if "\n" not in raw:
        return raw, repair_thai(raw.strip()).strip("\n")
    return raw, "\n".join(repair_thai(x.strip()) for x in raw.split("\n")).strip("\n")

def _row_lines(table: Table, kept: list) -> list[tuple[str, str]]:
    """A nested table's rows as lines of its cell's text, (raw, repaired): each row's cells (their
    lines, merged cells once, at their top row) joined by a space; empty rows left out. Tables kept
    in its cells (frames) are added to ``kept``."""
    out = []
    for row in table.rows():
        raws, texts = [], []
        for c in row:
            if c is None:
                continue
            if c.tables:
                kept.extend(c.tables)
            t = _one_line(c.text)
            if t:
                texts.append(t)
                raws.append(_one_line(c.raw))
        if texts:
            out.append((" ".join(x for x in raws if x), " ".join(texts)))
    return out
