"""PDF reader: PDFium (pypdfium2) for characters and vector paths, pdfplumber's table finder
for the table geometry.

pdfplumber's own text on LibreOffice PDFs with Thai TLWG fonts is poor (~47% character error
rate: ``(cid:N)`` glyphs, wrong characters); PDFium's is close to exact. So, once per page:

- PDFium gives every character with its boxes, and the page's path objects (ruling lines,
  cell fills) in page coordinates (crop box and /Rotate applied);
- those lines go to pdfplumber's TableFinder ("lines" strategies) as its edges, so pdfplumber
  never interprets the page itself; pages that draw no lines get no table finding at all
  (pdfplumber parses a page only when its paths sit inside form XObjects);
- each character goes to the table cell holding it (text running on past a border stays in
  its cell), the rest are lines of text; lines whose words start at shared column positions
  are a table drawn without lines, and so are lines set in four columns or more told apart
  by blank gutters (headings centred over their columns, amounts set right, ticks under
  month heads; signature blocks side by side are none); the others are paragraphs; turned
  text (written up a narrow cell) is read in its own direction;
- a combining mark is attached to the base it is drawn over (``order_marks_by_position``);
  spaces the file leaves out (Thai next to Latin text) are read from the gaps; wrapped lines
  are joined: a trailing space in the file means the line broke at a space; none means a
  break inside Thai text (no space) or at a full line's end (see _wrap_joint); paragraphs
  end at list items, indents, paragraph spacing, font changes and deliberate short lines;
- a glyph drawn outside its clip area (invisible) goes to the cell it is clipped to: a heading
  row repeated on a new page is drawn shorter than its text, the rest of which lies, clipped
  away, over the row below;
- text struck through (a thin line across the run, as LibreOffice draws strikethrough: the old
  value of a revised submission) is left out;
- blocks are sorted top to bottom; a table that goes on at the top of the next page with the
  same columns is continued (repeated heading rows dropped, rows cut by the page break
  rejoined; cells keep their own page numbers), running headers and footers between the two
  parts aside.
"""
from __future__ import annotations

import bisect
import dataclasses
import math
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pipeline import patterns
from schemas.document import Cell, Document, Page, Paragraph, Table

from ..repair import is_mark, order_marks_by_position, repair_thai
from .common import ReadError, ReadLimits

# PDFium error codes (fpdfview.h)
_FPDF_ERR_FILE, _FPDF_ERR_FORMAT, _FPDF_ERR_PASSWORD, _FPDF_ERR_SECURITY = 2, 3, 4, 6


@dataclass
class _Char:
    """One glyph of a PDF page with its box."""
    ch: str
    x0: float
    top: float
    x1: float
    bottom: float
    mark: bool
    ax0: float = 0.0       # advance box (the font's box for the glyph): widths, line extents
    ax1: float = 0.0
    cy: float = 0.0        # vertical centre of the glyph as drawn: which cell it is in
    rot: int = 0           # text direction in quarter turns (rotated cell text, side labels)
    size: float = 0.0      # font size
    gen: bool = False      # a space PDFium inferred from a gap (no space glyph in the file)
    font: str = ""         # font family (subset tag and style removed)
    bold: bool = False
    # the area the glyph is clipped to, when the glyph is drawn outside it (not visible): a
    # heading row repeated on a new page is drawn shorter than its text, whose last lines
    # then lie, clipped away, over the row below
    clip: Optional[tuple] = None
    # the glyph's baseline (its origin's y on the page as displayed; None for turned text):
    # glyphs of different fonts and sizes on one line share it while their boxes differ
    by: Optional[float] = None


def _raised(c: _Char, ref: _Char) -> bool:
    """Glyph c is set smaller than ref and raised above ref's baseline (a superscript)."""
    return c.by is not None and ref.by is not None and c.size <= 0.8 * ref.size and \
        ref.by - c.by > 0.2 * ref.size


def _space_gaps(chars: list[_Char]) -> tuple[float, float]:
    """How wide a gap between two glyphs of a line must be to read as a space that the file
    left out (LibreOffice leaves out the space where Thai meets Latin text or symbols:
    ``ได้ x 100``), without and with PDFium's own inference of a space there. Scaled by the
    line's space width; raised on lines whose glyphs are spread apart (Thai distributed
    justification), where every gap is wide."""
    if chars and chars[0].font == OCR_FONT:
        return math.inf, math.inf       # OCR says where its spaces are: no gap is one
    bases = [c for c in chars if not c.mark and not c.ch.isspace()]
    gaps = sorted(max(0.0, b.ax0 - a.ax1) for a, b in zip(bases, bases[1:]))
    spread = gaps[len(gaps) // 2] if gaps else 0.0
    widths = sorted(c.ax1 - c.ax0 for c in chars if c.ch == " " and not c.gen
                    and c.ax1 - c.ax0 > 0.5)
    if widths:
        space = widths[len(widths) // 2]
    else:
        sizes = sorted(c.size for c in bases if c.size > 1)
        space = 0.28 * (sizes[len(sizes) // 2] if sizes else 12.0)
    return max(0.6 * space, 3 * spread, 1.0), max(0.3 * space, 2 * spread, 0.5)


def _in_reading_order(chars: list[_Char]) -> list[_Char]:
    """The line's characters left to right. Files normally store a line in reading order
    (kept as is: it is what places marks); when clusters (a base or space with the marks
    stored after it) go backwards, the clusters are sorted by position."""
    clusters: list[list[_Char]] = []
    based: Optional[list[_Char]] = None     # the last cluster headed by a base glyph
    for c in chars:
        # a zero-width space has no position of its own (LibreOffice emits them between a
        # mark stored out of order and the next glyph): it must not carry marks elsewhere
        if c.mark and based is not None and clusters[-1][0].ch.isspace():
            # a space carries no marks: a mark stored after one (LibreOffice stores the space
            # before a word after the word's first letters) goes with the letter before it
            based.append(c)
        elif clusters and (c.mark or (c.ch.isspace() and c.ax1 - c.ax0 < 0.1)):
            clusters[-1].append(c)
        else:
            clusters.append([c])
            if not c.ch.isspace():
                based = clusters[-1]
    backwards = any(b[0].ax0 < a[0].ax0 + 0.5 * (a[0].ax1 - a[0].ax0) - 0.5 and
                    not a[0].mark and not b[0].mark
                    for a, b in zip(clusters, clusters[1:]))
    if not backwards:
        return chars
    clusters.sort(key=lambda cl: cl[0].ax0)
    return [c for cl in clusters for c in cl]


@dataclass
class _Line:
    """Glyphs on one baseline, left to right."""
    chars: list[_Char] = field(default_factory=list)
    top: float = 1e9
    bottom: float = -1e9
    x0: float = 1e9
    x1: float = -1e9
    by: Optional[float] = None      # baseline of its first letter (see _Char.by)
    by_size: float = 0.0            # and that letter's font size
    big: float = 0.0                # the largest font size of its letters
    _text: Optional[str] = field(default=None, repr=False)

    def add(self, c: _Char) -> None:
        self.chars.append(c)
        self._text = None
        if not c.mark and not c.ch.isspace():
            if self.by is None and c.by is not None:
                self.by, self.by_size = c.by, c.size
            self.big = max(self.big, c.size)
            self.top = min(self.top, c.top)
            self.bottom = max(self.bottom, c.bottom)
            self.x0 = min(self.x0, c.ax0)
            self.x1 = max(self.x1, c.ax1)
        elif c.ch == "\u0e33" and self.has_base():
            self.x1 = max(self.x1, c.ax1)       # sara am's own width

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)

    @property
    def baseline(self) -> float:
        """A steady vertical reference of the line: the median baseline of its letters, or
        where that is not known (turned text) the median centre of its letters (box tops vary
        with the glyphs a line holds; centres of letters of one size do not)."""
        letters = [c for c in self.chars if c.ch.isalnum() and not c.mark]
        if len(letters) < 3:
            return 0.0
        ys = sorted(c.by if c.by is not None else c.cy for c in letters)
        return ys[len(ys) // 2]

    @property
    def style(self) -> tuple[str, bool]:
        """The font family and boldness most of the line's letters have."""
        counts: dict[tuple[str, bool], int] = {}
        for c in self.chars:
            if not c.mark and not c.ch.isspace() and c.font:
                counts[(c.font, c.bold)] = counts.get((c.font, c.bold), 0) + 1
        return max(counts, key=counts.get) if counts else ("", False)

    @property
    def size(self) -> float:
        """The font size of its Thai letters, or on a line without Thai of its other letters
        and digits, or of its glyphs: digits and Latin words are often set in another font
        and size than the Thai text around them (a Word style with a Latin size only)."""
        thai, other = self.sizes
        if thai or other:
            return thai or other
        sizes = sorted(c.size for c in self.chars if not c.mark and not c.ch.isspace())
        return sizes[len(sizes) // 2] if sizes else 0.0

    @property
    def sizes(self) -> tuple[float, float]:
        """Median font sizes of the line's Thai letters and of its other letters and digits
        (0 for none; punctuation takes either font)."""
        thai: list[float] = []
        other: list[float] = []
        for c in self.chars:
            if not c.mark and c.ch.isalnum():
                (thai if "\u0e01" <= c.ch <= "\u0e4e" else other).append(c.size)
        thai.sort()
        other.sort()
        return (thai[len(thai) // 2] if thai else 0.0, other[len(other) // 2] if other else 0.0)

    def has_base(self) -> bool:
        return self.x1 >= self.x0

    def ends_with_space(self) -> bool:
        """Whether the file has a space at the line's end (PDFium's inferred spaces aside)."""
        for c in reversed(self.chars):
            if not c.gen:
                return c.ch.isspace()
        return False

    def raw(self) -> str:
        return "".join(c.ch for c in self.chars)

    def text(self) -> str:
        """The line's characters, marks after the base they are drawn on; a visible gap with
        no space character in the file (text placed by position, tab stops) reads as a space."""
        if self._text is None:
            self._text = self._make_text()
        return self._text

    def _make_text(self) -> str:
        chars = _in_reading_order(self.chars)
        order = order_marks_by_position([(c.ch, c.x0, c.x1) for c in chars])
        out: list[str] = []
        right: Optional[float] = None      # right end of what is drawn so far
        # turned text comes without space characters (LibreOffice): its glyphs abut, so a
        # smaller gap is already a space
        gap, gap_hinted = _space_gaps(chars)
        # where PDFium inferred a space (no space glyph: LibreOffice leaves them out where
        # Thai meets Latin text, ``จัดทำ SLA``), a smaller real gap is enough; its inferred
        # spaces between abutting Thai glyphs (after a tone mark) are not spaces
        hinted = narrow_am = False
        last: Optional[_Char] = None       # the last base glyph written
        for i in order:
            c = chars[i]
            if c.gen:
                hinted = True
                continue
            if not c.ch.isspace() and not c.mark:
                # a smaller digit raised right after a digit (a footnote mark, ``ตัวชี้วัดที่ 1¹⁾``)
                # is not part of the number: kept apart by a space
                if last is not None and c.ch.isdigit() and last.ch.isdigit() and \
                        _raised(c, last) and not _raised(last, c) and out and out[-1] != " ":
                    out.append(" ")
                last = c
            if not c.ch.isspace():
                # some fonts (Waree) give sara am the box of its nikhahit only: after it, only
                # a wider gap is a space
                need = (gap_hinted if hinted else gap) + \
                    (0.6 * self.height if narrow_am else 0.0)
                if not c.mark and right is not None and c.ax0 - right > need and out \
                        and out[-1] != " ":
                    out.append(" ")
                if not c.mark or c.ch == "\u0e33":
                    right = c.ax1 if right is None else max(right, c.ax1)
                if not c.mark:
                    hinted = False
                narrow_am = c.ch == "\u0e33" and c.ax1 - c.ax0 < 0.35 * self.height
            elif c.ch == " ":
                narrow_am = False
            out.append(c.ch)
        return "".join(out)

    def segments(self, min_gap: float, where=None) -> list["_Line"]:
        """The line cut where the horizontal gap between characters is at least ``min_gap``
        (columns of a table drawn without lines), and, given ``where`` (left end, right end of
        the gap -> bool), only where it says so."""
        segs: list[_Line] = []
        cur = _Line()
        prev: Optional[_Char] = None
        for c in self.chars:
            if not c.mark and not c.ch.isspace():
                if prev is not None and c.ax0 - prev.ax1 >= min_gap and cur.has_base() and \
                        (where is None or where(prev.ax1, c.ax0)):
                    segs.append(cur)
                    cur = _Line()
                prev = c
            elif c.ch == "\u0e33" and prev is not None and c.ax1 > prev.ax1:
                prev = c
            if c.ch.isspace() and not cur.has_base():
                continue
            cur.add(c)
        if cur.has_base():
            segs.append(cur)
        return segs


def _check_file(path: Path) -> None:
    with open(path, "rb") as f:
        head = f.read(65536)
        f.seek(0, 2)
        size = f.tell()
        f.seek(max(0, size - 4096))
        tail = f.read()
    if b"%PDF" not in head[:1024]:
        raise ReadError("not_pdf", f"{path.name} is named .pdf but is not a PDF file")
    if b"%%EOF" not in tail and b"startxref" not in tail:
        if re.search(rb"\d+\s+\d+\s+obj\b", head):
            raise ReadError("truncated", f"{path.name} is cut off: the PDF has no end-of-file "
                            "marker (%%EOF); ask for the file again")
        raise ReadError("corrupt", f"{path.name} has a PDF header but no PDF structure after "
                        "it (damaged file)")


def _open_pdfium(path: Path):
    import pypdfium2 as pdfium
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == _FPDF_ERR_PASSWORD:
            raise ReadError("encrypted", f"{path.name} is password-protected") from e
        if code == _FPDF_ERR_SECURITY:
            raise ReadError("encrypted", f"{path.name} uses an unsupported encryption "
                            "(security handler)") from e
        raise ReadError("corrupt", f"{path.name} is not a readable PDF ({e})") from e


# PDFium is not thread-safe: one PDF at a time per process (threads of a dask worker)
_PDFIUM_LOCK = threading.RLock()


def read_pdf(path: Path, limits: ReadLimits) -> Document:
    with _PDFIUM_LOCK:
        return _read_pdf(Path(path), limits)


def _read_pdf(path: Path, limits: ReadLimits) -> Document:
    if path.stat().st_size == 0:
        raise ReadError("empty", f"{path.name} is empty (0 bytes)")
    _check_file(path)
    pdf = _open_pdfium(path)
    try:
        n_pages = len(pdf)
        if n_pages == 0:
            raise ReadError("corrupt", f"{path.name} has no pages")
        if n_pages > limits.max_pages:
            raise ReadError("too_large", f"{path.name} has {n_pages} pages, over the limit of "
                            f"{limits.max_pages}", "จำนวนหน้าเกินกำหนด")
        doc = Document(path=str(path), format="pdf")
        import pypdfium2.raw as raw
        if raw.FPDF_GetSecurityHandlerRevision(pdf.raw) != -1:
            doc.warnings.append("the PDF is encrypted with an empty user password (permissions "
                                "only); read as usual")
        plumber = _LazyPlumber(path, doc.warnings)
        import pypdfium2 as pdfium
        try:
            for i in range(n_pages):
                try:
                    doc.pages.append(_read_page(pdf, i, plumber, doc.warnings))
                except pdfium.PdfiumError as e:
                    # one damaged page: keep the others, say which page was lost
                    doc.warnings.append(f"page {i + 1} could not be read ({e})")
                    doc.pages.append(Page(number=i + 1))
        finally:
            plumber.close()
    finally:
        pdf.close()
    _continue_tables(doc)
    no_text = doc.pages_without_text()
    if no_text:
        doc.warnings.append("pages without a text layer (blank, or scanned and needing OCR): "
                            + ", ".join(map(str, no_text)))
    return doc


def is_scanned(path: Path) -> bool:
    """Whether a PDF has no text layer on any page (a scan, read by OCR); False for files
    PDFium cannot open."""
    import pypdfium2 as pdfium
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return False
    try:
        for i in range(len(pdf)):
            tp = pdf[i].get_textpage()
            try:
                if tp.count_chars() > 0:
                    return False
            finally:
                tp.close()
        return len(pdf) > 0
    finally:
        pdf.close()


class _LazyPlumber:
    """pdfplumber, opened only for pages whose paths sit inside form XObjects (PDFium's raw
    path points are then in the form's space). pdfplumber does not apply /Rotate, so such
    pages' tables line up only when the page is not rotated."""

    def __init__(self, path: Path, warnings: list[str]):
        self.path, self.warnings, self.pdf, self.failed = path, warnings, None, False

    def page(self, i: int):
        if self.failed:
            return None
        if self.pdf is None:
            import pdfplumber
            try:
                self.pdf = pdfplumber.open(str(self.path))
            except Exception as e:  # pdfminer may refuse what PDFium reads
                self.failed = True
                self.warnings.append(f"table geometry unavailable ({type(e).__name__}: {e}); "
                                     "text read without tables")
                return None
        try:
            return self.pdf.pages[i]
        except Exception:
            return None

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


class _Frame:
    """From PDF user space (bottom-left origin, any crop box origin, any /Rotate) to the page
    as displayed, in points with a top-left origin (the coordinates of schemas' BBox)."""

    def __init__(self, page):
        cl, cb, cr, ct = page.get_cropbox()
        self.cl, self.cb = cl, cb
        self.w, self.h = cr - cl, ct - cb
        self.rot = page.get_rotation() % 360
        self.width, self.height = (self.h, self.w) if self.rot in (90, 270) else (self.w, self.h)

    def pt(self, x: float, y: float) -> tuple[float, float]:
        u, v = x - self.cl, y - self.cb
        if self.rot == 0:
            return u, self.h - v
        if self.rot == 90:
            return v, u
        if self.rot == 180:
            return self.w - u, v
        return self.h - v, self.w - u

    def box(self, l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        x0, y0 = self.pt(l, b)
        x1, y1 = self.pt(r, t)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


class _Fonts:
    """Family and boldness of each character's font, looked up once per text object."""

    _BOLD = patterns.compile(r"[-,]?(?:bold|black|heavy|semibold|demibold)", re.I)

    _object_address = None        # FPDFText_GetTextObject returning a plain address

    def __init__(self):
        import ctypes
        self._ctypes = ctypes
        self._by_object: dict[int, tuple[str, bool]] = {}
        self._buf = ctypes.create_string_buffer(256)
        if _Fonts._object_address is None:
            # the object's address is all a lookup key needs; a void* prototype of the same
            # PDFium function saves a ctypes cast per character (a third of this lookup)
            try:
                from pypdfium2_raw.bindings import _libs
                f = _libs["pdfium"]["FPDFText_GetTextObject"]   # a fresh function object
                f.restype = ctypes.c_void_p
                _Fonts._object_address = f
            except Exception:
                _Fonts._object_address = False

    def style(self, raw_tp, i: int) -> tuple[str, bool]:
        import pypdfium2.raw as raw
        if _Fonts._object_address:
            key = _Fonts._object_address(raw_tp, i)
        else:
            obj = raw.FPDFText_GetTextObject(raw_tp, i)
            key = self._ctypes.cast(obj, self._ctypes.c_void_p).value if obj else None
        if not key:
            return "", False
        hit = self._by_object.get(key)
        if hit is None:
            name = ""
            font = raw.FPDFTextObj_GetFont(raw.FPDFText_GetTextObject(raw_tp, i))
            if font:
                n = raw.FPDFFont_GetBaseFontName(font, self._buf, 256)
                name = self._buf.value.decode("latin-1", "replace") if n else ""
            name = name.split("+", 1)[-1]               # subset tag ``BAAAAA+``
            bold = bool(self._BOLD.search(name))
            family = self._BOLD.sub("", name).replace("-Regular", "").strip("-, ")
            hit = self._by_object[key] = (family, bold)
        return hit


class _Clips:
    """The clip area of each text object (its bounding box on the page, the intersection of
    the object's clip paths), looked up once per text object."""

    def __init__(self, frame: "_Frame"):
        import ctypes
        self.frame = frame
        self._by_object: dict[int, Optional[tuple]] = {}
        self._x, self._y = ctypes.c_float(), ctypes.c_float()

    def box(self, raw_tp, i: int) -> Optional[tuple]:
        import pypdfium2.raw as raw
        if _Fonts._object_address:
            key = _Fonts._object_address(raw_tp, i)     # the fast lookup (see _Fonts)
            if key in self._by_object:
                return self._by_object[key]
        obj = raw.FPDFText_GetTextObject(raw_tp, i)
        if not obj:
            return None
        key = self._key(obj)
        if key in self._by_object:
            return self._by_object[key]
        out = None
        clip = raw.FPDFPageObj_GetClipPath(obj)     # owned by the page: not to be freed
        n = raw.FPDFClipPath_CountPaths(clip) if clip else -1
        for p in range(max(0, n)):
            pts = []
            for s in range(max(0, raw.FPDFClipPath_CountPathSegments(clip, p))):
                seg = raw.FPDFClipPath_GetPathSegment(clip, p, s)
                if seg and raw.FPDFPathSegment_GetPoint(seg, self._x, self._y):
                    pts.append(self.frame.pt(self._x.value, self._y.value))
            if not pts:
                continue
            b = (min(x for x, _ in pts), min(y for _, y in pts),
                 max(x for x, _ in pts), max(y for _, y in pts))
            out = b if out is None else (max(out[0], b[0]), max(out[1], b[1]),
                                         min(out[2], b[2]), min(out[3], b[3]))
        self._by_object[key] = out
        return out

    @staticmethod
    def _key(obj) -> int:
        import ctypes
        return ctypes.cast(obj, ctypes.c_void_p).value or 0


def _clipped_away(c: _Char, clip: Optional[tuple]) -> bool:
    """Whether the glyph is drawn outside its clip area (so not visible on the page)."""
    if clip is None or clip[2] < clip[0] or clip[3] < clip[1]:
        return False
    x = (c.ax0 + c.ax1) / 2
    return not (clip[0] - 0.5 <= x <= clip[2] + 0.5 and clip[1] - 0.5 <= c.cy <= clip[3] + 0.5)


def _page_chars(tp, frame: "_Frame") -> list[_Char]:
    import ctypes

    import pypdfium2.raw as raw
    n = tp.count_chars()
    if n <= 0:
        return []
    text = tp.get_text_range(0, n)
    one_to_one = len(text) == n
    out: list[_Char] = []
    l, r, b, t = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose = raw.FS_RECTF()
    raw_tp = tp.raw
    fonts = _Fonts()
    clips = _Clips(frame)
    # unrotated page: the frame's mapping is a shift and a flip (inlined: called per char)
    plain = frame.rot == 0
    cl, ch_top = frame.cl, frame.cb + frame.h
    for i in range(n):
        ch = text[i] if one_to_one else chr(raw.FPDFText_GetUnicode(raw_tp, i))
        gen = bool(raw.FPDFText_IsGenerated(raw_tp, i))
        if ch in "\ufffe\x02" and not gen:
            ch = "-"        # a hyphen ending a line, which PDFium marks as a soft one
        if ch in "\r\n\x00\ufffe\uffff" or gen and ch != " ":
            continue        # PDFium's line breaks: lines are rebuilt from positions
        # x from the glyph's own box (where a mark is drawn decides its base); y from the
        # font's line box, the same for every character of a line (dots and marks included)
        raw.FPDFText_GetCharBox(raw_tp, i, l, r, b, t)
        raw.FPDFText_GetLooseCharBox(raw_tp, i, loose)
        raw.FPDFText_GetCharOrigin(raw_tp, i, ox, oy)
        if plain:
            by = ch_top - oy.value
            tx0, tx1 = l.value - cl, r.value - cl
            ty0, ty1 = ch_top - t.value, ch_top - b.value
            ax0, ax1 = loose.left - cl, loose.right - cl
            top, bottom = ch_top - loose.top, ch_top - loose.bottom
        else:
            tx0, ty0, tx1, ty1 = frame.box(l.value, b.value, r.value, t.value)
            ax0, top, ax1, bottom = frame.box(loose.left, loose.bottom, loose.right, loose.top)
            by = frame.pt(ox.value, oy.value)[1]
        # sara am follows its consonant like a mark for line and cell purposes: some fonts
        # (Waree) report only its nikhahit part, drawn above the line
        # text direction as displayed: PDFium's angle is in user space, /Rotate turns it back
        angle = raw.FPDFText_GetCharAngle(raw_tp, i)
        rot = (round(max(angle, 0.0) / (math.pi / 2)) + frame.rot // 90) % 4
        c = _Char(ch, tx0, top, tx1, bottom, is_mark(ch) or ch == "\u0e33", ax0, ax1,
                  (ty0 + ty1) / 2, rot, raw.FPDFText_GetFontSize(raw_tp, i), gen,
                  *(fonts.style(raw_tp, i) if not gen else ("", False)))
        if not rot:
            c.by = by
        if not gen and not ch.isspace():
            clip = clips.box(raw_tp, i)
            if _clipped_away(c, clip):
                c.clip = clip
        out.append(c)
    return out


def _unmapped_share(chars: list[_Char]) -> float:
    """Share of characters a font left without a usable Unicode value (control codes,
    U+FFFD, Private Use Area code points that are not Thai shaping forms)."""
    from ..repair import PUA_MAP
    n = bad = 0
    for c in chars:
        if c.ch.isspace():
            continue
        n += 1
        o = ord(c.ch)
        if o < 0x20 or o == 0xFFFD or (0xE000 <= o <= 0xF8FF and o not in PUA_MAP):
            bad += 1
    return bad / n if n else 0.0


def _read_page(pdf, i: int, plumber: _LazyPlumber, warnings: list[str]) -> Page:
    page = pdf[i]
    try:
        frame = _Frame(page)
        width, height = frame.width, frame.height
        tp = page.get_textpage()
        try:
            chars = _page_chars(tp, frame)
        finally:
            tp.close()
        has_text = any(not c.ch.isspace() for c in chars)
        if has_text and _unmapped_share(chars) > 0.3:
            warnings.append(f"page {i + 1}: most characters have no Unicode mapping in the "
                            "file (font without ToUnicode); its text is unreliable, OCR advised")
        grids = []
        struck: set[int] = set()
        scanned = None
        if not has_text:
            scanned = _ocr(page, frame, i, warnings)
            if scanned is not None:
                chars, grids = scanned
        elif has_text:
            paths = _page_paths(page, frame)
            if paths is None:
                # paths PDFium cannot place simply (inside form XObjects): pdfplumber reads them
                pp = plumber.page(i)
                if pp is not None:
                    try:
                        struck, _ = _struck(chars, pp.edges)
                        grids = _grids(pp, pp.edges, _plumber_fills(pp))
                    except Exception as e:  # pdfminer failures must not lose the text
                        warnings.append(f"page {i + 1}: table finding failed "
                                        f"({type(e).__name__})")
            elif len(paths[0]) > _MAX_EDGES:
                # a drawing (map, chart, scanned vector art), not a form: table finding on
                # that many lines costs minutes and finds nothing useful
                warnings.append(f"page {i + 1}: {len(paths[0])} drawn lines; no table "
                                "finding on it")
            elif paths[0]:
                struck, strikes = _struck(chars, paths[0])
                # a strike line is no ruling line
                edges = [e for e in paths[0] if id(e) not in strikes] if strikes else paths[0]
                try:
                    grids = _grids(_EdgePage(edges, (0, 0, width, height)), edges, paths[1])
                except Exception as e:  # odd geometry must not lose the page's text
                    warnings.append(f"page {i + 1}: table finding failed ({type(e).__name__})")
    finally:
        page.close()
    blocks = _layout(chars, grids, i + 1, width, struck)
    return Page(number=i + 1, blocks=blocks, width=width, height=height,
                has_text_layer=has_text, ocr=scanned is not None)


OCR_FONT = "(OCR)"      # the font of glyphs read by OCR
# pixels per inch the page image is read at: tesseract's own recommendation for text of
# 10 pt and up
OCR_DPI = 300


def _ocr(page, frame: "_Frame", i: int, warnings: list[str]):
    """(glyphs, grids) of a page without a text layer, read from its image by OCR; None when
    OCR cannot run here (said once in the warnings) or finds no text (a blank page): the page
    is then one of the document's pages without text."""
    if not _ocr_available(warnings):
        return None
    import numpy as np
    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
    try:
        gray = np.array(bitmap.to_numpy(), dtype=np.uint8)
    finally:
        bitmap.close()
    if gray.ndim == 3:
        gray = gray[:, :, 0]
    return _ocr_image(gray, i, warnings)


def _ocr_available(warnings: list[str]) -> bool:
    from . import ocr
    why = ocr.unavailable()
    if why is not None and not any(w.startswith("OCR not available") for w in warnings):
        warnings.append(f"OCR not available: {why}")
    return why is None


def _ocr_image(gray, i: int, warnings: list[str]):
    """(glyphs, grids) of page ``i`` (0-based) from its image at OCR_DPI, or None."""
    from . import ocr
    try:
        scanned = ocr.read_page_image(gray, OCR_DPI)
    except Exception as e:  # tesseract failing on one page must not lose the others
        warnings.append(f"page {i + 1}: OCR failed ({type(e).__name__}: {str(e)[:200]})")
        return None
    if not scanned.words:
        warnings.append(f"page {i + 1}: OCR found no text on it")
        return None
    warnings.append(f"page {i + 1}: read by OCR ({ocr.engine()}"
                    + (f", turned {scanned.angle:+.1f}°" if scanned.angle else "")
                    + f", {len(scanned.words)} words"
                    + (f", {sum(w.glyphs for w in scanned.words)} read by their glyphs"
                       if any(w.glyphs for w in scanned.words) else "") + ")")
    return _ocr_chars(scanned.words, OCR_DPI), scanned.grids


def page_from_image(gray, number: int, warnings: list[str]) -> Page:
    """A page that is only a picture at OCR_DPI (a scan saved as an image file), read by OCR
    into the same blocks as a scanned PDF page."""
    k = 72.0 / OCR_DPI
    width, height = gray.shape[1] * k, gray.shape[0] * k
    scanned = _ocr_image(gray, number - 1, warnings) if _ocr_available(warnings) else None
    if scanned is None:
        return Page(number=number, width=width, height=height, has_text_layer=False)
    chars, grids = scanned
    return Page(number=number, blocks=_layout(chars, grids, number, width), width=width,
                height=height, has_text_layer=False, ocr=True)


def _ocr_chars(words: list, dpi: float) -> list[_Char]:
    """The PDF reader's glyphs for OCR words: each base character an equal share of its
    word's box, marks on their base, every glyph as tall as its line (tesseract gives no glyph
    boxes that the layout could use better), a space where tesseract put one."""
    from .ocr import clusters
    k = 72.0 / dpi
    heights = sorted((w.line[1] - w.line[0]) * k for w in words)
    size = 0.7 * heights[len(heights) // 2] if heights else 12.0
    chars: list[_Char] = []
    prev = None
    base: Optional[tuple[float, float]] = None      # the last base letter's left and right
    for w in words:
        x0, _t, x1, _b = (v * k for v in w.box)
        top, bottom = w.line[0] * k, w.line[1] * k
        cy = (top + bottom) / 2
        if w.space and not is_mark(w.text[0]) and prev is not None and prev.line == w.line and w.box[0] > prev.box[2]:
            sx0 = prev.box[2] * k
            chars.append(_Char(" ", sx0, top, x0, bottom, False, sx0, x0, cy, size=size,
                               font=OCR_FONT))
        parts = clusters(w.text)
        step = (x1 - x0) / max(1, len(parts))
        for j, part in enumerate(parts):
            a, b = x0 + j * step, x0 + (j + 1) * step
            for ch in part:
                # a mark's box is its base's (drawn over it), its advance none. Tesseract
                # often boxes a mark as a word of its own, beside its base: its order, after
                # the base, is what it got right
                mark = is_mark(ch)
                if not mark:
                    base = (a, b)
                ma, mb = base if mark and base is not None else (a, b)
                chars.append(_Char(ch, ma, top, mb, bottom, mark, ma, ma if mark else mb, cy,
                                   size=size, font=OCR_FONT))
        prev = w
    return chars


_MAX_EDGES = 20000


def _struck(chars: list[_Char], edges: list[dict]) -> tuple[set[int], set[int]]:
    """(ids of the struck-through characters, ids of the strike lines). A revised submission
    marks the old value struck through beside the new one (``40 50``); LibreOffice draws the
    strike as a thin horizontal line across the run, above the baseline at about half the
    x-height, starting at the first struck glyph's left edge and ending at the last one's
    right edge (one line for each stretch of one font and size). A ruling line does not
    start and end exactly at glyph edges, an underline lies below the baseline."""
    lines = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] < 400
             and e["object_type"] in ("line", "rect", "rect_edge")]
    if not lines:
        return set(), set()
    # spaces the file draws count (a strike goes on over the spaces inside the run)
    on_base = sorted((c for c in chars if c.by is not None and not c.gen), key=lambda c: c.by)
    if not on_base:
        return set(), set()
    bys = [c.by for c in on_base]
    struck: set[int] = set()
    strikes: set[int] = set()
    for e in lines:
        y = e["top"]
        lo = bisect.bisect_right(bys, y)
        hi = bisect.bisect_right(bys, y + 40)
        if lo == hi:
            continue
        crossed = [c for c in on_base[lo:hi]
                   if 0.1 * c.size <= c.by - y <= 0.55 * c.size
                   and e["x0"] - 0.5 <= (c.ax0 + c.ax1) / 2 <= e["x1"] + 0.5]
        bases = [c for c in crossed if not c.mark]
        if not bases or abs(min(c.ax0 for c in bases) - e["x0"]) > 1.5 or \
                abs(max(c.ax1 for c in bases) - e["x1"]) > 1.5:
            continue
        struck.update(id(c) for c in crossed)
        strikes.add(id(e))
    return struck, strikes


class _EdgePage:
    """What pdfplumber's TableFinder needs of a page for the "lines" strategies: its edges and
    its box. The edges come from PDFium's path objects, which saves pdfplumber (pdfminer)
    interpreting the whole page again only to find the ruling lines."""

    def __init__(self, edges: list[dict], bbox: tuple):
        self.edges = edges
        self.bbox = bbox


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str, kind: str) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation,
            "object_type": kind}


def _page_paths(page, frame: "_Frame"):
    """(edges, fills) of the page's vector paths in top-left coordinates, or None when a path
    sits inside a form XObject (its points are then not in page coordinates)."""
    import ctypes

    import pypdfium2.raw as raw
    edges: list[dict] = []
    fills: list[dict] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    m = raw.FS_MATRIX()
    page_raw = page.raw
    for index in range(raw.FPDFPage_CountObjects(page_raw)):
        h = raw.FPDFPage_GetObject(page_raw, index)
        kind = raw.FPDFPageObj_GetType(h)
        if kind == raw.FPDF_PAGEOBJ_FORM:
            for j in range(raw.FPDFFormObj_CountObjects(h)):
                inner = raw.FPDFFormObj_GetObject(h, j)
                if raw.FPDFPageObj_GetType(inner) in (raw.FPDF_PAGEOBJ_PATH,
                                                      raw.FPDF_PAGEOBJ_FORM):
                    return None
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        raw.FPDFPageObj_GetMatrix(h, m)
        ma, mb, mc, md, me, mf = m.a, m.b, m.c, m.d, m.e, m.f
        n = raw.FPDFPath_CountSegments(h)
        if n <= 0:
            continue
        raw.FPDFPath_GetDrawMode(h, fill_mode, stroke)
        pts: list[tuple[float, float]] = []
        start = None
        segs: list[tuple[float, float, float, float]] = []
        for k in range(n):
            seg = raw.FPDFPath_GetPathSegment(h, k)
            raw.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = frame.pt(ma * x.value + mc * y.value + me, mb * x.value + md * y.value + mf)
            if raw.FPDFPathSegment_GetType(seg) == raw.FPDF_SEGMENT_MOVETO or not pts:
                start = (px, py)
            else:
                segs.append((pts[-1][0], pts[-1][1], px, py))
            pts.append((px, py))
            if raw.FPDFPathSegment_GetClose(seg) and start is not None:
                segs.append((px, py, start[0], start[1]))
                pts.append(start)
        kind = "rect" if len(segs) == 4 and n <= 5 else ("line" if len(segs) == 1 else "curve")
        for (x0, y0, x1, y1) in segs:
            if abs(y1 - y0) < 0.5 and abs(x1 - x0) >= 0.5:
                edges.append(_edge(min(x0, x1), y0, max(x0, x1), y0, "h", kind))
            elif abs(x1 - x0) < 0.5 and abs(y1 - y0) >= 0.5:
                edges.append(_edge(x0, min(y0, y1), x0, max(y0, y1), "v", kind))
        if fill_mode.value and raw.FPDFPageObj_GetFillColor(h, r, g, b, a) and a.value > 0:
            xs = [p[0] for p in pts]
            ys = [p[1] for p in pts]
            fills.append({"x0": min(xs), "x1": max(xs), "top": min(ys), "bottom": max(ys),
                          "color": (r.value / 255, g.value / 255, b.value / 255)})
    return edges, fills


def _plumber_fills(pp) -> list[dict]:
    return [{"x0": f["x0"], "x1": f["x1"], "top": f["top"], "bottom": f["bottom"],
             "color": f.get("non_stroking_color")} for f in pp.rects if f.get("fill")]


# ---------------------------------------------------------------- tables (geometry)

@dataclass
class _Grid:
    """A table's ruling lines and the cells they make."""
    bbox: tuple
    xs: list[float]
    ys: list[float]
    cells: list[tuple]                  # (row, col, rowspan, colspan, bbox)
    shaded: set = field(default_factory=set)
    _covers: Optional[dict] = None

    def cell_at(self, x: float, y: float) -> Optional[tuple[int, int]]:
        """(row, col) of the cell holding the point: grid position by bisection, then the
        merged cell covering that position."""
        if self._covers is None:
            self._covers = {}
            for (r, c, rs, cs, _b) in self.cells:
                for rr in range(r, r + rs):
                    for cc in range(c, c + cs):
                        self._covers[(rr, cc)] = (r, c)
        col = bisect.bisect_right(self.xs, x) - 1
        row = bisect.bisect_right(self.ys, y) - 1
        col = min(max(col, 0), len(self.xs) - 2)
        row = min(max(row, 0), len(self.ys) - 2)
        return self._covers.get((row, col))


def _cluster(values: list[float], tol: float = 2.0) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    """Index of the boundary nearest to v (bounds sorted)."""
    k = bisect.bisect_left(bounds, v)
    if k == 0:
        return 0
    if k == len(bounds):
        return k - 1
    return k if bounds[k] - v < v - bounds[k - 1] else k - 1


def _grids(page_like, edges: list[dict], fills: list[dict]) -> list[_Grid]:
    """Tables from ruling lines (pdfplumber's TableFinder, "lines" strategies), as grids:
    column and row boundaries, cells with spans, and which cells are filled (shaded)."""
    if not edges:
        return []
    from pdfplumber.table import TableFinder
    tables = TableFinder(page_like, {"vertical_strategy": "lines",
                                     "horizontal_strategy": "lines"}).tables
    if not tables:
        return []
    fills = [f for f in fills if _is_dark(f["color"])
             and f["x1"] - f["x0"] > 2 and f["bottom"] - f["top"] > 2]
    grids = []
    for t in tables:
        for boxes in _split_stacked([c for c in t.cells if c is not None]):
            grid = _grid(boxes, fills)
            if grid is not None:
                grids.append(grid)
    return grids


def _split_stacked(boxes: list[tuple]) -> list[list[tuple]]:
    """The cells of a found table, split where one table stands directly on another (no
    paragraph between them: their rulings touch, and the table finder sees one table): at a
    row boundary that no cell crosses, where the rows above and the rows below have their
    column boundaries at different places (two rows or more on each side, the rows below
    agreeing with each other). A table whose heading rows merge cells has its heading's
    boundaries among those of the rows below, and stays whole."""
    if len(boxes) < 8:
        return [boxes]
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    n = len(ys) - 1
    if n < 4:
        return [boxes]
    inner: list[set] = [set() for _ in range(n)]     # inner column boundaries per row
    crossed = [False] * (n + 1)                        # a cell spans across boundary k
    spans = []
    for b in boxes:
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        spans.append((r0, r1))
        for r in range(r0, r1):
            inner[r].update((c0, c1))
        for k in range(r0 + 1, r1):
            crossed[k] = True
    for r in range(n):
        if inner[r]:
            inner[r] -= {min(inner[r]), max(inner[r])}

    def apart(a: set, b: set) -> bool:
        return bool(a) and bool(b) and len(a & b) < 0.5 * min(len(a), len(b))

    cuts = []
    start = 0
    for k in range(2, n - 1):
        if crossed[k] or k - start < 2:
            continue
        above = set().union(*inner[start:k])
        if apart(above, inner[k]) and not apart(inner[k], inner[k + 1]) and \
                not inner[k + 1] <= above:
            cuts.append(k)
            start = k
    if not cuts:
        return [boxes]
    bands: list[list[tuple]] = [[] for _ in range(len(cuts) + 1)]
    for b, (r0, _r1) in zip(boxes, spans):
        bands[bisect.bisect_right(cuts, r0)].append(b)
    return [band for band in bands if band]


def _grid(boxes: list[tuple], fills: list[dict]) -> Optional[_Grid]:
    """A grid from the cell boxes of one table."""
    if len(boxes) < 2:
        return None
    xs = _cluster([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _cluster([b[1] for b in boxes] + [b[3] for b in boxes])
    cells = []
    shaded = set()
    for b in boxes:
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        if c1 <= c0 or r1 <= r0:
            continue
        cells.append((r0, c0, r1 - r0, c1 - c0, b))
        area = (b[2] - b[0]) * (b[3] - b[1])
        for f in fills:
            ix = min(b[2], f["x1"]) - max(b[0], f["x0"])
            iy = min(b[3], f["bottom"]) - max(b[1], f["top"])
            if ix > 0 and iy > 0 and ix * iy >= 0.6 * area:
                shaded.add((r0, c0))
                break
    if cells:
        bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))
        return _Grid(bbox=bbox, xs=xs, ys=ys, cells=cells, shaded=shaded)
    return None


def _is_dark(color) -> bool:
    """A fill that is not white (cell backgrounds: Gantt bars, header shading)."""
    if color is None:
        return False
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        vals = [float(v) for v in color]
    except (TypeError, ValueError):
        return True          # pattern fills etc.: treat as shading
    if len(vals) == 1:
        return vals[0] < 0.97
    if len(vals) == 3:
        return min(vals) < 0.97
    if len(vals) == 4:       # CMYK
        return max(vals) > 0.03
    return True


# ---------------------------------------------------------------- lines and text

def _on_line(ln: "_Line", c: _Char, cy: float) -> bool:
    """Whether the base glyph c belongs to the line: its vertical centre lies within the
    line's box, or it sits on the line's baseline (a digit or Latin word set in another font
    or size than the Thai text around it has a box of its own height, whose centre can lie
    above a smaller font's box: ``มิติที่ 1`` with the digit in a taller font), or it is a
    smaller glyph raised or lowered right after the line's last glyph (a superscript or
    subscript: ``ม²``, a footnote mark ``ที่ 1⁾``, ``CO₂``)."""
    if not ln.has_base() or ln.top - 1 <= cy <= ln.bottom + 1:
        return True
    if c.by is None or ln.by is None:
        return False
    d = c.by - ln.by
    if abs(d) <= 0.5 + 0.08 * max(c.size, ln.by_size):
        return ln.top - 0.6 * max(1.0, c.size) <= cy <= ln.bottom + 0.6 * max(1.0, c.size)
    return c.size <= 0.8 * ln.big and -0.8 * ln.big <= d <= 0.45 * ln.big and \
        abs(c.ax0 - ln.x1) <= 0.5 * ln.big


def _lines(chars: list[_Char]) -> list[_Line]:
    """Group characters (in file order) into visual lines. Marks follow their base's line;
    a base character whose vertical centre lies outside the current line, and not on its
    baseline, starts a new one (or joins an earlier line it belongs to, for text drawn out
    of order)."""
    lines: list[_Line] = []
    cur: Optional[_Line] = None
    for c in chars:
        if c.mark or c.ch.isspace():
            if cur is None:
                cur = _Line()
                lines.append(cur)
            cur.add(c)
            continue
        cy = (c.top + c.bottom) / 2
        if cur is not None and _on_line(cur, c, cy):
            cur.add(c)
            continue
        target = None
        for ln in reversed(lines[-8:]):
            if ln.has_base() and _on_line(ln, c, cy):
                target = ln
                break
        if target is None:
            target = _Line()
            lines.append(target)
        target.add(c)
        cur = target
    lines = [ln for ln in lines if ln.has_base() or ln.raw().strip()]
    for ln in lines:          # trailing/leading spaces matter only at the line end
        while ln.chars and ln.chars[0].ch.isspace():
            ln.chars.pop(0)
        ln._text = None
    lines.sort(key=lambda ln: (round(ln.top / 2), ln.x0) if ln.has_base() else (0, 0))
    return lines


_LIST_START = patterns.compile(r"^\s*(?:[-•●○▪■◆\u2022]|\(?\d{1,3}[.)]|\(\d{1,3}\)|[ก-ฮ][.)]\s|ข้อ\s*\d|"
                               r"(?:ขั้นตอน|กิจกรรม|ตัวชี้วัด|มิติ|ระดับ|โครงการ|ประเด็น)ที่\s*[\d๐-๙])")
# a line opening with a field label: a short Thai name, perhaps numbered, then a colon
# (``น้ำหนัก : ร้อยละ 10``, ``ผู้กำกับดูแลตัวชี้วัด :``, ``ระดับ 2 : 11%``)
_LABEL_START = patterns.compile(r"^[\u0e01-\u0e4e]{2,30}(?: [\d\u0e50-\u0e59][\d\u0e50-\u0e59.]{0,5})? ?:(?: |$)")
# a section heading of a KPI form standing on a line of its own, without a colon
# (``ผลการดำเนินงาน``, ``เกณฑ์การให้คะแนน``, ``ระดับ 3``): with no paragraph spacing, after a line
# that nearly fills the column, its width alone reads as a wrap (the heading would not have fitted)
_HEADING_LINE = patterns.compile(
    r"^(?:ผลการดำเนิน(?:งาน|การ)|ผลการปฏิบัติงาน|เกณฑ์การ(?:ให้คะแนน|ประเมิน(?:ผล)?)|"
    r"รายละเอียด(?:ของ)?ตัวชี้วัด|คำอธิบาย(?:ตัวชี้วัด)?|คำนิยาม|หมายเหตุ|แหล่ง(?:ที่มาของ)?ข้อมูล|"
    r"วิธี(?:การ)?(?:จัด)?เก็บ(?:รวบรวม)?ข้อมูล|ผู้กำกับ(?:ดูแล)?ตัวชี้วัด|ผู้(?:จัด)?เก็บ(?:รวบรวม)?ข้อมูล|"
    r"สูตร(?:การ)?คำนวณ|(?:ขั้นตอน|ระดับ)(?:ที่)? ?[\d\u0e50-\u0e59]{1,2})\s*$")


def _centred(ln: "_Line", left: float, right: float) -> bool:
    """The line stands in the middle of the column: equal room on both sides, and some."""
    room_l, room_r = ln.x0 - left, right - ln.x1
    return room_l > 0.5 * ln.height and abs(room_l - room_r) <= max(3.0, 0.02 * (right - left))


def _is_thai(ch: str) -> bool:
    """A Thai letter, vowel or mark (Thai digits and signs excluded: a number after a word
    is spaced like any other)."""
    return "\u0e01" <= ch <= "\u0e4e"


_thai_words: Optional[frozenset] = None
_MAX_WORD = 20


def _dictionary() -> frozenset:
    """pythainlp's Thai word list, loaded on first use (a set lookup; no tokenizer model)."""
    global _thai_words
    if _thai_words is None:
        try:
            # the list file read directly: importing pythainlp itself costs more than reading it
            import importlib.util
            import os
            spec = importlib.util.find_spec("pythainlp")
            path = os.path.join(list(spec.submodule_search_locations)[0], "corpus",
                                "words_th.txt")
            # one read and C-level splitting and stripping: half the time of a loop over lines
            with open(path, encoding="utf-8") as f:
                _thai_words = frozenset(map(str.strip, f.read().splitlines())) - {""}
        except Exception:
            try:
                from pythainlp.corpus import thai_words
                _thai_words = frozenset(thai_words())
            except Exception:   # no word list: wraps are judged by width alone
                _thai_words = frozenset()
    return _thai_words


def _ends_with_word(text: str) -> bool:
    words = _dictionary()
    return any(text[-n:] in words for n in range(2, min(len(text), _MAX_WORD) + 1))


def _starts_with_word(text: str) -> bool:
    words = _dictionary()
    return any(text[:n] in words for n in range(2, min(len(text), _MAX_WORD) + 1))


def _first_word(text: str) -> str:
    """The longest dictionary word the text starts with (or the text, when none)."""
    words = _dictionary()
    for n in range(min(len(text), _MAX_WORD), 1, -1):
        if text[:n] in words:
            return text[:n]
    return text


def _first_break(text: str) -> str:
    """The first piece of a Thai run that a line breaker would cut off: compounds written as one
    dictionary entry (``กรมส่งเสริมสหกรณ์``) are broken between their words by LibreOffice and
    Word (``…พ.ศ. 2568 กรม`` / ``ส่งเสริมสหกรณ์``), so the longest dictionary word overstates
    what must have gone on the line before. Of the ways to read the run as a dictionary word
    followed by another, the one whose shorter word is longest (``กองทุน|ชุมชน``, not
    ``กอง|ทุน``; ``กระทรวง|เกษตร``, not ``กระ|ทรวง``), both of three letters or more; the
    longest word when there is none."""
    words = _dictionary()
    best, best_key = "", 3        # two-letter words (``สห|กรณ์``) are syllables, not breaks
    for n in range(2, min(len(text) - 2, _MAX_WORD) + 1):
        if text[:n] not in words:
            continue
        rest = text[n:n + _MAX_WORD]
        for m in range(len(rest), 1, -1):
            if rest[:m] in words:
                key = min(n, m)
                if key >= best_key:
                    best, best_key = text[:n], key
                break
    return best or _first_word(text)


def _mid_word(prev: str, nxt: str) -> bool:
    """True when the break between two lines falls inside a Thai word (the line was broken
    in the middle of a word too long for its column, e.g. ``ภูมิภา`` / ``ค``): a dictionary
    word runs across the break, and the text does not also read as a word ending at the break
    followed by a word starting there."""
    if not prev or not nxt or not (_is_thai(prev[-1]) and _is_thai(nxt[0])):
        return False
    left = prev.split(" ")[-1][-_MAX_WORD:]
    right = nxt.split(" ")[0][:_MAX_WORD]
    if _ends_with_word(left) and _starts_with_word(right):
        return False
    words = _dictionary()
    joined = left + right
    cut = len(left)
    for i in range(max(0, cut - _MAX_WORD + 1), cut):
        for j in range(cut + 1, min(len(joined), i + _MAX_WORD) + 1):
            if joined[i:j] in words:
                return True
    return False


def _heading_line(prev: str, text: str) -> bool:
    """The line is a section heading on its own (_HEADING_LINE), not the wrapped end of a
    phrase: no dictionary word runs from the previous line's last word into it
    (``ประเมิน``/``ผลการดำเนินงาน`` reads ``ประเมินผล``)."""
    if not _HEADING_LINE.match(text):
        return False
    left = prev.rstrip().split(" ")[-1][-_MAX_WORD:]
    if not left or not _is_thai(left[-1]):
        return True
    # a word of two letters or more on each side of the break (not a syllable pair ``น|ร``)
    words = _dictionary()
    joined = left + text[:_MAX_WORD]
    cut = len(left)
    return not any(joined[i:j] in words for i in range(max(0, cut - _MAX_WORD + 1), cut - 1)
                   for j in range(cut + 2, min(len(joined), i + _MAX_WORD) + 1))


def _first_word_width(lines: list[_Line], k: int, shortest: bool = False) -> float:
    """Width of the first word of lines[k]: up to its first space; in Thai runs without spaces
    the longest dictionary word it starts with (Thai wraps at word boundaries), or with
    ``shortest`` the shortest piece a line breaker could have cut off (_first_break). When the
    whole line is one unbroken run, the word may go on in the next line (a narrow cell)."""
    first = lines[k].text().strip()
    if not first:
        return 0.0
    token = first.split(" ")[0]
    thai = len(token) > 3 and _is_thai(token[0])
    # abbreviations (``จ.,พช.,``, ``ม.ค.``) do not break at their dots: keep the whole token
    if thai and "." not in token:
        token = _first_break(token) if shortest else _first_word(token)
    bases = [c for c in lines[k].chars if not c.mark]
    if " " not in first and k + 1 < len(lines) and thai:
        nxt = lines[k + 1].text().strip().split(" ")[0]
        if nxt and (token == first or _mid_word(first, nxt)):
            joined = _first_word(first + nxt)
            if len(joined) > len(first):      # the word goes on in the next line
                token = joined
                bases += [c for c in lines[k + 1].chars if not c.mark]
    bases = [c for c in bases if not c.ch.isspace()]
    n = sum(1 for ch in token if not is_mark(ch) and not ch.isspace())
    return sum(c.ax1 - c.ax0 for c in bases[:max(1, n)])


def _line_spacing(lines: list[_Line]) -> dict[int, float]:
    """Baseline-to-baseline distance of wrapped lines per font size: the smallest common step
    between consecutive lines of one size (steps under 0.8 of the median are taken as noise),
    as the middle of the steps within 5% of the smallest."""
    steps: dict[int, list[float]] = {}
    for a, b in zip(lines, lines[1:]):
        if a.size and abs(a.size - b.size) < 0.05 and a.baseline and b.baseline:
            d = b.baseline - a.baseline
            if d > 0:
                steps.setdefault(round(a.size), []).append(d)
    out = {}
    for size, ds in steps.items():
        if len(ds) < 2:
            continue
        ds.sort()
        median = ds[len(ds) // 2]
        low = min(d for d in ds if d >= 0.8 * median)
        # the steps of wrapped lines jitter by a point or so (a line of Latin letters or digits
        # sits a little off the Thai centre line): the middle of the smallest steps
        near = [d for d in ds if low <= d <= low * 1.05]
        out[size] = near[len(near) // 2]
    return out


# a line that ends inside a thousands group (``120,00``, ``1,250,``): a complete amount never does
_CUT_AMOUNT = patterns.compile(r"[0-9\u0e50-\u0e59],[0-9\u0e50-\u0e59]{0,2}$")
_NUMBERISH_END = patterns.compile(r"[0-9\u0e50-\u0e59][0-9\u0e50-\u0e59,.]*$")
_LEVEL_ENTRY = patterns.compile(r"(?<![0-9\u0e50-\u0e59])[1-9\u0e51-\u0e59]\s*[=:]\s*[0-9\u0e50-\u0e59]")
# a Thai abbreviation standing alone: consonants with dots, then a space, number or end
_ABBREVIATION = patterns.compile(r"[\u0e40-\u0e44]?[\u0e01-\u0e2e]{1,4}\.(?:[\u0e01-\u0e2e]{1,3}\.)*"
                                 r"(?=[\s\d\u0e50-\u0e59,;)]|$)")


# a one-letter Thai word standing between spaces (``ณ``)
_LONE_LETTER = patterns.compile(r"[\u0e01-\u0e2e] +\S")
# one dotted group of a Thai abbreviation (``ต.``, ``เม.``, ``มิ.``): a token of its own at the end
# of a line, and at the start of the next one (``ต.``/``ค.``, ``เม.``/``ย.``, ``พ.``/``ศ. 2568``)
# (or the group's letter alone on the next line, its dot on the line after: ``ก.``/``พ``/``.``)
_ABBR_GROUP = r"[\u0e40-\u0e44]?[\u0e01-\u0e2e][\u0e30-\u0e3a\u0e47-\u0e4e]*"
_ABBR_HEAD = patterns.compile(r"(?:^|[\s(\[])" + _ABBR_GROUP + r"\.$")
_ABBR_TAIL = patterns.compile(_ABBR_GROUP + r"(?:\.|$)")


def _ends_word(prev: str, letter: str) -> bool:
    """Whether the letter completes a dictionary word of three letters or more with the end of
    prev (``ภูมิภา`` + ``ค``)."""
    words = _dictionary()
    return any(prev[-k:] + letter in words for k in range(2, min(len(prev), _MAX_WORD) + 1))


def _wrap_joint(prev: str, nxt: str, gap: float, em: float, line: str = "") -> str:
    """What stood at a wrap where the file shows no space (a space at a full line's end is
    not drawn): nothing between two Thai characters (Thai words are not separated by spaces)
    unless the next line opens with a Thai abbreviation or a one-letter word (``ณ``),
    inside a number broken across lines, or inside a single Latin word too long for its
    column (``Targe``/``t``) or an abbreviation (``ต``/``.ค.``, ``ต.``/``ค.``); otherwise one
    space."""
    a, b = prev[-1], nxt[0]
    if _is_thai(a) and _is_thai(b):
        # a Thai abbreviation (``คสล.``, ``อบจ.``, ``ก.พ.``) stands apart from the words before
        # it; the space a Thai line broke at is not drawn (LibreOffice)
        # (a leading vowel never ends a word: ``เ``/``ม.ย.`` is one cut in a narrow cell)
        if a in "\u0e40\u0e41\u0e42\u0e43\u0e44":
            return ""
        # so does a one-letter word written between spaces (``…ผู้รับบริการ`` / ``ณ ศูนย์…``),
        # unless the letter is the end of a word cut in a narrow cell (``ภูมิภา`` / ``ค ``)
        if _ABBREVIATION.match(nxt) or (_LONE_LETTER.match(nxt) and not _ends_word(prev, b)):
            return " "
        return ""
    if _NUMBERISH_END.search(prev) and b.isdigit():
        # a ladder written level=threshold (`1=5 2=4 3=3 4=2` / `5=1`): the next entry, not
        # the rest of a number
        return " " if _LEVEL_ENTRY.match(nxt) and _LEVEL_ENTRY.search(prev) else ""
    if a == "." and _ABBR_HEAD.search(prev) and _ABBR_TAIL.match(nxt):
        # an abbreviation cut after its first dot in a narrow cell (``ต.``/``ค.``): a line
        # holding a single one-letter group does not end a word, the abbreviation goes on
        return ""
    line = (line or prev).strip()
    if a.isascii() and b.isascii() and a.isalnum() and b.isalnum():
        return " " if " " in line and gap < 0.6 * em else ""
    if b in ".,;:)]}%/-" or a in "([{/-":
        return ""
    return " "


def _size_change(a: _Line, b: _Line) -> bool:
    """Whether line b is set in another font size than line a: compared on the script both
    lines hold (Thai first), as digits and Latin words may have a size of their own."""
    (ta, oa), (tb, ob) = a.sizes, b.sizes
    if ta and tb:
        return abs(tb - ta) > 0.12 * ta
    if oa and ob:
        return abs(ob - oa) > 0.12 * oa
    return bool(a.size and b.size) and abs(b.size - a.size) > 0.12 * a.size


def _spacing_limit(prev: _Line, ln: _Line, step: float) -> float:
    """The largest baseline step from prev to ln that is still line spacing, not paragraph
    spacing. A line's height follows the largest letters it holds: when both lines hold digits
    or Latin words set larger than their Thai text (a Word style sized for Latin only: Thai
    11 pt, digits 14 pt), they stand further apart than lines of Thai alone
    (``…ภายในวันที่ 15`` / ``ก.ย. 2566`` step 23.8 pt where the smallest step is 20.2): the
    step may grow by the size difference (a point of height per point of size, below any
    font's line height, so a paragraph spacing stays above it)."""
    limit = step + max(1.2, 0.04 * step)
    size = prev.size
    big = min(max(prev.sizes), max(ln.sizes))
    if size and big > 1.05 * size:
        limit += big - size
    return limit


def _join_lines(lines: list[_Line], right_edge: float, split_paragraphs: bool):
    """Join visual lines into paragraphs. The next line continues this one when the break
    fell inside a word, or when its first word would not have fitted at the end of this line
    (a wrap); list items, indents and large vertical gaps start new paragraphs. Within a
    paragraph a line that ends with a space goes on after that space, otherwise directly."""
    paras: list[list[_Line]] = []
    texts_cache = [ln.text() for ln in lines]
    pitches = sorted(b.top - a.top for a, b in zip(lines, lines[1:]) if b.top - a.top > 0)
    pitch = pitches[len(pitches) // 2] if pitches else 0.0
    base_step = _line_spacing(lines) if split_paragraphs else {}
    left = min((ln.x0 for ln in lines if ln.has_base()), default=0.0)
    for k, ln in enumerate(lines):
        if paras:
            prev = paras[-1][-1]
            prev_text = texts_cache[k - 1]
            step = ln.top - prev.top
            if step < -0.5 * prev.height or step > 3 * max(pitch, prev.height * 1.2):
                wrap = False                  # out of order or far below: not a continuation
            elif split_paragraphs and _size_change(prev, ln):
                wrap = False                  # another font size: a heading or a note
            elif split_paragraphs and prev.style[0] and prev.style[0] == ln.style[0] and \
                    prev.style[1] != ln.style[1]:
                wrap = False                  # bold to regular or back: a heading
            elif split_paragraphs and prev.x0 > left + 0.25 * (right_edge - left) and \
                    ln.x0 < prev.x0 - 0.25 * (right_edge - left):
                wrap = False                  # a centred or right-aligned line ends there
            elif split_paragraphs and base_step.get(round(prev.size)) and \
                    abs(ln.size - prev.size) < 0.05 and prev.baseline and ln.baseline and \
                    ln.baseline - prev.baseline > _spacing_limit(prev, ln,
                                                                 base_step[round(prev.size)]):
                wrap = False                  # paragraph spacing: more than the line spacing
            elif prev_text.endswith(" "):
                wrap = True                   # the line broke at a space: a wrap
            elif _mid_word(prev_text, texts_cache[k]):
                wrap = True
            elif _CUT_AMOUNT.search(prev_text) and texts_cache[k][:1].isdigit():
                wrap = True                   # an amount cut inside a digit group in a narrow
                # cell (``120,00``/``0.-``): not a list item ``0.``
            elif prev_text.endswith(".") and _ABBR_HEAD.search(prev_text) and \
                    _ABBR_TAIL.match(texts_cache[k]):
                wrap = True                   # an abbreviation cut in a narrow cell (``เม.``/
                # ``ย. 68``), not a list item ``ย.``
            elif _LIST_START.match(texts_cache[k]):
                wrap = False
            elif _LABEL_START.match(texts_cache[k]):
                wrap = False                  # a field label (``น้ำหนัก : ร้อยละ 10``)
            elif split_paragraphs and _heading_line(prev_text, texts_cache[k]):
                wrap = False                  # a heading line (``ผลการดำเนินงาน``)
            elif split_paragraphs and (ln.x0 > prev.x0 + 12 and (
                    len(paras[-1]) > 1 or not _LIST_START.match(texts_cache[k - 1])) and
                    abs((ln.x0 - left) - (right_edge - ln.x1)) > 0.1 * (right_edge - left)
                    or pitch and step > 1.5 * pitch):
                # an indented line starts a paragraph (first-line indent), unless it goes on
                # a list item whose later lines hang under its text, or is a centred line
                wrap = False
            else:
                # the next line's first word would have fitted here: a deliberate break.
                # Inside table cells, where wraps are the rule and columns narrow, a break
                # between Thai words also needs a clearly unfilled line.
                gap = right_edge - prev.x1
                centred = split_paragraphs and _centred(prev, left, right_edge)
                if centred and _centred(ln, left, right_edge):
                    gap += prev.x0 - left     # a centred line has the room on both sides
                # after a centred line (a title), the next line's Thai words are measured by
                # the shortest piece that could have been broken off: a compound on a line of
                # its own (``กรมส่งเสริมสหกรณ์``) would have been broken between its words
                wrap = gap <= _first_word_width(lines, k, shortest=centred) + 0.5 * prev.height
                if not wrap and not split_paragraphs and prev_text and \
                        _is_thai(prev_text[-1]) and _is_thai(texts_cache[k][:1] or "a"):
                    inner = right_edge - min(l.x0 for l in lines)
                    wrap = gap <= 0.5 * inner
            if wrap:
                paras[-1].append(ln)
                continue
        paras.append([ln])
    texts, raws = [], []
    pos = 0
    for group in paras:
        t = ""
        for k in range(pos, pos + len(group)):
            seg = texts_cache[k]
            if t and not t.endswith(" ") and seg:
                t += _wrap_joint(t, seg, right_edge - lines[k - 1].x1, lines[k - 1].height,
                                 texts_cache[k - 1])
            t += seg
        r = "\n".join(ln.raw() for ln in group)
        pos += len(group)
        texts.append(re.sub(r"[ \u00a0]{2,}", " ", t).strip())
        raws.append(r.strip())
    return texts, raws, paras


def _cell_key(grids: list[_Grid], x: float, y: float) -> Optional[tuple]:
    """(grid, row, col) of the table cell holding the point, or None."""
    for gi, g in enumerate(grids):
        bx0, bt, bx1, bb = g.bbox
        if bx0 <= x <= bx1 and bt <= y <= bb:
            start = g.cell_at(x, y)
            if start is not None:
                return (gi,) + start
    return None


def _runs_on(prev: _Char, c: _Char) -> bool:
    """c follows prev in the same line with no gap: one run of text (cell padding always
    leaves a gap between the texts of two cells)."""
    if c.gen or prev.gen or c.rot or prev.rot or \
            abs(c.cy - prev.cy) > 0.5 * max(1.0, c.size or (c.bottom - c.top)):
        return False
    return -0.5 <= c.ax0 - prev.ax1 <= 0.6


def _drawn_over(base: Optional[_Char], c: _Char) -> bool:
    """Whether the mark c is drawn on the base glyph the file stores it after: on the base's
    baseline and horizontally over it or a letter away (a mark typed out of order sits over
    the letter next to the one it is stored after)."""
    if base is None or c.rot or base.rot or c.by is None or base.by is None:
        return False
    size = max(1.0, base.size)
    return abs(c.by - base.by) <= 0.5 + 0.08 * size and \
        base.ax0 - size <= (c.x0 + c.x1) / 2 <= base.ax1 + size


def _layout(chars: list[_Char], grids: list[_Grid], page_no: int, width: float,
            struck: frozenset | set = frozenset()) -> list:
    # assign characters to table cells by their centre; marks go with their base: the base
    # they are stored after and drawn on decides, not the mark's own box (a tone mark stacked
    # over a vowel reaches up over the border into the row above: the first line under a
    # table, or a cell's first line, would lose its upper marks to the row above)
    cell_chars: dict[tuple, list[_Char]] = {}
    outside: list[_Char] = []
    last_base_cell = None
    last_base: Optional[_Char] = None   # the last base glyph (not a mark, not a space)
    prev: Optional[_Char] = None      # the last character placed, for runs crossing a border
    clipped_cells: set[tuple] = set()   # cells whose text is drawn shorter than it is
    last_clip_key = None                # the cell the last glyph was clipped to
    for c in chars:
        if c.mark and (last_base_cell is not None or _drawn_over(last_base, c)):
            key = last_base_cell
        else:
            key = _cell_key(grids, (c.x0 + c.x1) / 2, c.cy)
            clip_key = None
            if c.clip is not None and not c.mark:
                # a glyph clipped away belongs to the cell it is clipped to (the end of a
                # repeated heading drawn shorter than its text), not to the row it lies over
                clip_key = _cell_key(grids, (c.clip[0] + c.clip[2]) / 2,
                                     (c.clip[1] + c.clip[3]) / 2)
            elif c.ch.isspace() and last_clip_key is not None and prev is not None and \
                    abs(c.cy - prev.cy) <= 0.5 * max(1.0, c.size or (c.bottom - c.top)):
                clip_key = last_clip_key        # a space between clipped glyphs
            if not c.ch.isspace() and not c.mark:
                last_clip_key = clip_key
            if clip_key is not None:
                if clip_key != key:
                    clipped_cells.add(clip_key)
                key = clip_key
            elif key != last_base_cell and last_base_cell is not None and prev is not None \
                    and key is not None and key[0] == last_base_cell[0] \
                    and _runs_on(prev, c):
                # text running on from the cell to its left without a break (a spreadsheet
                # cell overflowing, or clipped, into its neighbour) stays with its cell
                key = last_base_cell
            if not c.mark and not c.ch.isspace():
                last_base_cell = key if key is not None else None
                last_base = c
            if key is None and c.mark:
                key = last_base_cell
        if not c.mark:
            prev = c
        if struck and id(c) in struck:
            # struck-through text is left out, once it has been placed: the text after it
            # in its cell does not run on from the cell to the left
            continue
        if key is None:
            outside.append(c)
        else:
            cell_chars.setdefault(key, []).append(c)

    placed: list[tuple[float, object]] = []
    for gi, g in enumerate(grids):
        cells = []
        for (r, col, rs, cs, b) in g.cells:
            cc = cell_chars.get((gi, r, col), [])
            text, raw, tail_space = "", "", False
            rot = _majority_rot(cc)
            lines = _lines(_upright(cc, rot)) if cc else []
            if lines:
                ub = _upright_box(b, rot)
                # the cell's right padding taken equal to its left one
                pad = max(1.0, min(6.0, min(ln.x0 for ln in lines if ln.has_base()) - ub[0])) \
                    if any(ln.has_base() for ln in lines) else 4.0
                texts, raws, _ = _join_lines(lines, ub[2] - pad, split_paragraphs=False)
                raw = "\n".join(raws)
                text = "\n".join(repair_thai(t) for t in texts)
                tail_space = lines[-1].ends_with_space()
            cell = Cell(row=r, col=col, text=text, raw=raw, rowspan=rs, colspan=cs,
                        page=page_no, bbox=tuple(round(v, 2) for v in b),
                        shaded=(r, col) in g.shaded)
            cell._tail_space = tail_space     # for rows that a page break splits
            cell._clipped = (gi, r, col) in clipped_cells     # for repeated headings
            cells.append(cell)
        cells.sort(key=lambda c: (c.row, c.col))
        t = Table(cells=cells, n_rows=len(g.ys) - 1, n_cols=len(g.xs) - 1, page=page_no,
                  bbox=tuple(round(v, 2) for v in g.bbox))
        placed.append((g.bbox[1], t))

    if outside:
        outside, turned = _split_turned(outside)
        for rot, group in turned.items():
            placed.extend(_turned_paragraphs(group, rot, page_no))
    if outside:
        lines = _lines(outside)
        left = min([ln.x0 for ln in lines if ln.has_base()] + [g.bbox[0] for g in grids]
                   or [0.0])
        text_tables, lines = _text_tables(lines, page_no)
        placed.extend((t.bbox[1], t) for t in text_tables)
        if lines:
            based = [ln for ln in lines if ln.has_base()]
            # the text column's right edge: the longest line, or the left margin mirrored
            # (office documents have equal side margins), whichever is further right
            right = max(max((ln.x1 for ln in based), default=width), width - left)
            for g in grids:
                right = max(right, g.bbox[2] - 6)
            texts, raws, groups = _join_lines(lines, right, split_paragraphs=True)
            for text, raw, group in zip(texts, raws, groups):
                if not text.strip():
                    continue
                bb = (min(ln.x0 for ln in group), min(ln.top for ln in group),
                      max(ln.x1 for ln in group), max(ln.bottom for ln in group))
                para = Paragraph(text=repair_thai(text), raw=raw, page=page_no,
                                 bbox=tuple(round(v, 2) for v in bb))
                para._lines, para._right = group, right   # for running headers (see
                # _page_furniture)
                placed.append((bb[1], para))
    placed.sort(key=lambda p: p[0])
    return [b for _, b in placed]


# ---------------------------------------------------------------- turned text

def _majority_rot(chars: list[_Char]) -> int:
    counts = [0, 0, 0, 0]
    for c in chars:
        if not c.mark and not c.ch.isspace():
            counts[c.rot] += 1
    return max(range(4), key=lambda r: (counts[r], r == 0))


def _upright(chars: list[_Char], rot: int) -> list[_Char]:
    """Characters of text turned by ``rot`` quarter turns, in a frame where that text runs
    left to right and its lines top to bottom (text written up a narrow heading cell, a
    side label), so that the line logic applies unchanged."""
    if rot == 0:
        return chars
    out = []
    for c in chars:
        if rot == 3:            # reads bottom to top; lines follow left to right
            x0, x1, top, bottom = -c.bottom, -c.top, c.ax0, c.ax1
        elif rot == 1:          # reads top to bottom; lines follow right to left
            x0, x1, top, bottom = c.top, c.bottom, -c.ax1, -c.ax0
        else:                   # upside down
            x0, x1, top, bottom = -c.ax1, -c.ax0, -c.bottom, -c.top
        out.append(dataclasses.replace(c, x0=x0, x1=x1, ax0=x0, ax1=x1, top=top,
                                       bottom=bottom, cy=(top + bottom) / 2, by=None))
    return out


def _upright_box(b: tuple, rot: int) -> tuple:
    if rot == 3:
        return (-b[3], b[0], -b[1], b[2])
    if rot == 1:
        return (b[1], -b[2], b[3], -b[0])
    if rot == 2:
        return (-b[2], -b[3], -b[0], -b[1])
    return b


def _split_turned(chars: list[_Char]) -> tuple[list[_Char], dict[int, list[_Char]]]:
    """Upright characters, and turned ones by direction (marks and spaces go with the base
    before them)."""
    upright: list[_Char] = []
    turned: dict[int, list[_Char]] = {}
    rot = 0
    for c in chars:
        if not c.mark and not c.ch.isspace():
            rot = c.rot
        (upright if rot == 0 else turned.setdefault(rot, [])).append(c)
    return upright, turned


def _turned_paragraphs(chars: list[_Char], rot: int, page_no: int) -> list[tuple]:
    lines = _lines(_upright(chars, rot))
    lines = [ln for ln in lines if ln.has_base()]
    if not lines:
        return []
    texts, raws, _ = _join_lines(lines, max(ln.x1 for ln in lines), split_paragraphs=True)
    bases = [c for c in chars if not c.mark and not c.ch.isspace()]
    bbox = (min(c.ax0 for c in bases), min(c.top for c in bases), max(c.ax1 for c in bases),
            max(c.bottom for c in bases))
    return [(bbox[1], Paragraph(text=repair_thai(t), raw=r, page=page_no,
                                bbox=tuple(round(v, 2) for v in bbox)))
            for t, r in zip(texts, raws) if t.strip()]


# ---------------------------------------------------------------- tables aligned by text only

def _text_tables(lines: list[_Line], page_no: int) -> tuple[list[Table], list[_Line]]:
    """Tables drawn without ruling lines: runs of at least three lines cut into segments by
    wide gaps, whose segments start at shared column positions. A line with a single segment
    that fits inside one column continues the row above (a wrapped cell). Conservative: a
    run whose segments do not line up stays paragraphs."""
    spaces = sorted(c.ax1 - c.ax0 for ln in lines for c in ln.chars
                    if c.ch == " " and c.ax1 - c.ax0 > 0.5)
    space = spaces[len(spaces) // 2] if spaces else 0.0
    segs = [ln.segments(max(2.0 * (space or 0.25 * ln.height), 6.0)) if ln.has_base() else []
            for ln in lines]
    used: set[int] = set()
    tables: list[Table] = []
    signed_until = -1       # the last line of a signature block met
    i = 0
    while i < len(lines):
        if len(segs[i]) < 2:
            i += 1
            continue
        # the run: multi-segment lines, and single-segment lines between them
        j, last_multi = i, i
        while j + 1 < len(lines) and (len(segs[j + 1]) >= 2 or len(segs[j + 1]) == 1):
            step = lines[j + 1].top - lines[j].top
            if step > 2.6 * max(lines[j].height, lines[j + 1].height) or step < 0:
                break
            j += 1
            if len(segs[j]) >= 2:
                last_multi = j
        j = last_multi
        run = list(range(i, j + 1))
        multi = [k for k in run if len(segs[k]) >= 2]
        anchors = _anchors([s.x0 for k in run for s in segs[k]], len(multi))
        if len(multi) >= 3 and len(anchors) >= 2 and \
                _aligned(anchors, [s.x0 for k in multi for s in segs[k]]) >= 0.8:
            table = _build_text_table(run, segs, lines, anchors, page_no)
            if table is not None:
                tables.append(table)
                used.update(run)
                i = j + 1
                continue
        # columns whose texts are centred or right-aligned (headings over their columns,
        # amounts, ticks under month heads) share no start positions: read by the blank
        # gutters between them instead; the lines after the run may be the last row's cells
        # wrapped. A block of signatures side by side is none, nor any of its lines: the run
        # stops above its first signature line, and no such table starts inside the block.
        outside_signatures = i > signed_until
        sign = next((k for k in run if _SIGNATURE_LINE.search(lines[k].text())), None)
        if sign is not None:
            signed_until = max(signed_until, j)
            # the lines above it set in the same places (``ลงชื่อ`` over each name) are the
            # block's too
            while sign > i and _same_places(segs[sign - 1], segs[sign]):
                sign -= 1
            j = max([k for k in multi if k < sign], default=i)
            run = list(range(i, j + 1))
            multi = [k for k in multi if k <= j]
        if len(multi) >= 3 and outside_signatures:
            # the lines after the run only as close under it as the run's lines are
            pitch = min((lines[k + 1].top - lines[k].top for k in run[:-1]), default=0.0)
            tail: list[_Line] = []
            while j + len(tail) + 1 < len(lines) and len(tail) < 3 and \
                    len(segs[j + len(tail) + 1]) == 1:
                a, b = lines[j + len(tail)], lines[j + len(tail) + 1]
                if not 0 <= b.top - a.top <= 1.25 * pitch:
                    break
                tail.append(b)
            table, n_tail = _gutter_table([lines[k] for k in run], space, page_no, tail)
            if table is not None:
                tables.append(table)
                used.update(run)
                used.update(range(j + 1, j + 1 + n_tail))
                i = j + 1 + n_tail
                continue
        i += 1
    return tables, [ln for k, ln in enumerate(lines) if k not in used]


def _same_places(a: list[_Line], b: list[_Line], tol: float = 3.0) -> bool:
    """Two lines cut into as many segments, each starting or centred where the other's does
    (the lines of signatures side by side)."""
    return len(a) == len(b) >= 2 and all(
        abs(p.x0 - q.x0) <= tol or abs(p.x0 + p.x1 - q.x0 - q.x1) <= 2 * tol
        for p, q in zip(a, b))


def _anchors(xs: list[float], n_lines: int, tol: float = 5.0) -> list[float]:
    clusters: list[list[float]] = []
    for x in sorted(xs):
        if clusters and x - clusters[-1][-1] <= tol:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    need = max(2, (n_lines + 1) // 2)
    return [min(c) for c in clusters if len(c) >= need]


def _aligned(anchors: list[float], xs: list[float], tol: float = 5.0) -> float:
    return sum(1 for x in xs if any(abs(x - a) <= tol for a in anchors)) / max(1, len(xs))


def _column_of(anchors: list[float], x: float) -> int:
    k = 0
    for idx, a in enumerate(anchors):
        if x >= a - 5.0:
            k = idx
    return k


_NUMBER = patterns.compile(r"^[\d๐-๙][\d๐-๙,.]*%?$")
# a number that cannot go on (``30,0`` can: its last group has fewer than three digits)
_COMPLETE_NUMBER = patterns.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?$")
_ROW_START = patterns.compile(r"^\s*(?:รวม|\(?\d{1,3}(?:\.\d{1,3})*[.)]|\(\d{1,3}\)|[-•●▪■]|"
                              r"(?:กิจกรรม|ขั้นตอน|ตัวชี้วัด|มิติ|โครงการ|แผนงาน)(?:ที่)?\s*\d)")


def _split_by_columns(line: _Line, anchors: list[float]) -> dict[int, _Line]:
    """The line's characters by column: each goes to the last column starting at or before
    it (a cell's text never runs into the next column; it wraps inside its cell)."""
    cols: dict[int, _Line] = {}
    col = 0
    for c in line.chars:
        if not c.mark and not c.ch.isspace():
            col = _column_of(anchors, c.ax0)
        if c.ch.isspace() and col not in cols:
            continue
        cols.setdefault(col, _Line()).add(c)
    return {k: v for k, v in cols.items() if v.has_base()}


def _build_text_table(run, segs, lines, anchors, page_no) -> Optional[Table]:
    """Rows of a table aligned by text. A line continues the row above (wrapped cells) when
    it fills only columns the line above filled, fewer than the row's first line, puts no
    number under a number, and does not open like a new item."""
    rows: list[dict[int, list[_Line]]] = []
    row_width = 0
    prev_cols: set[int] = set()
    for k in run:
        parts = _split_by_columns(lines[k], anchors)
        cols = {c: [p] for c, p in parts.items()}
        if rows and _continues(rows[-1], cols, prev_cols, row_width):
            for c, ps in cols.items():
                rows[-1].setdefault(c, []).extend(ps)
        else:
            rows.append(cols)
            row_width = len(cols)
        prev_cols = set(cols)
    return _finish(rows, anchors, page_no)


def _continues(row: dict, cols: dict, prev_cols: set, row_width: int) -> bool:
    if not set(cols) <= prev_cols or len(cols) >= max(row_width, 2):
        return False
    for c, ps in cols.items():
        text = " ".join(p.text().strip() for p in ps)
        above = " ".join(p.text().strip() for p in row.get(c, []))
        if _NUMBER.match(text) and _NUMBER.match(above.split(" ")[-1] if above else ""):
            return False
        if c == min(cols) and _ROW_START.match(text):
            return False
    return True


def _finish(rows, anchors, page_no, spans=None) -> Optional[Table]:
    """The table of ``rows`` (column -> its lines, per row); ``spans`` gives, per row, the
    columns a cell starting in a column covers (a heading over several)."""
    if len(rows) < 2:
        return None
    cells = []
    for r, cols in enumerate(rows):
        covered: set[int] = set()
        for c in range(len(anchors)):
            if c in covered:
                continue
            span = spans[r].get(c, 1) if spans else 1
            covered.update(range(c, c + span))
            parts = cols.get(c, [])
            if parts:
                texts, raws, _ = _join_lines(parts, max(p.x1 for p in parts), False)
                text = " ".join(repair_thai(t) for t in texts)
                raw = "\n".join(raws)
                bbox = (min(p.x0 for p in parts), min(p.top for p in parts),
                        max(p.x1 for p in parts), max(p.bottom for p in parts))
            else:
                text, raw, bbox = "", "", None
            cells.append(Cell(row=r, col=c, text=text, raw=raw, page=page_no, colspan=span,
                              bbox=tuple(round(v, 2) for v in bbox) if bbox else None))
    boxes = [c.bbox for c in cells if c.bbox]
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
            max(b[3] for b in boxes))
    return Table(cells=cells, n_rows=len(rows), n_cols=len(anchors), page=page_no,
                 bbox=tuple(round(v, 2) for v in bbox))


# ---------------------------------------------------------------- tables read by their gutters

# a line of signatures side by side: fill-in blanks (dotted or underscored leaders), or two
# names in brackets (a title and a name: a space inside, no figures; a unit in brackets over
# a column, ``(บาท)``, ``(ต่อ 1,000 คน)``, is none)
_SIGNATURE_LINE = patterns.compile(r"[.…_]{4,}|\([^\d()]*\S \S[^\d()]*\).*\([^\d()]*\S \S[^\d()]*\)")
_ITEM_NUMBER = patterns.compile(r"^\s*[\d๐-๙]{1,3}(?:\.[\d๐-๙]{1,3})*\.?\s*$")


def _ink(ln: _Line) -> list[list[float]]:
    """The x intervals the line's glyphs are drawn over (advance boxes; marks sit over their
    bases and add nothing but sara am's own width)."""
    spans = sorted((c.ax0, c.ax1) for c in ln.chars
                   if not c.ch.isspace() and (not c.mark or c.ch == "\u0e33") and c.ax1 > c.ax0)
    merged: list[list[float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1] + 0.5:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def _gutters(lines: list[_Line], min_width: float, tol: int) -> list[tuple[float, float]]:
    """The blank vertical strips inside a block of lines, at least ``min_width`` wide, that at
    most ``tol`` lines draw over (a heading centred over several columns crosses theirs)."""
    step = 0.5
    lo = min(ln.x0 for ln in lines)
    hi = max(ln.x1 for ln in lines)
    n = int((hi - lo) / step) + 1
    cover = [0] * n
    for ln in lines:
        hit = bytearray(n)
        for a, b in _ink(ln):
            for k in range(max(0, int((a - lo) / step)), min(n, math.ceil((b - lo) / step))):
                hit[k] = 1
        for k in range(n):
            cover[k] += hit[k]
    out: list[tuple[float, float]] = []
    k = 0
    while k < n:
        if cover[k] > tol:
            k += 1
            continue
        e = k
        while e < n and cover[e] <= tol:
            e += 1
        # only strips between text: the block's own margins are no gutters
        if k > 0 and e < n and (e - k) * step >= min_width:
            out.append((lo + k * step, lo + e * step))
        k = e
    # a text lying wholly inside a strip, clear of both its sides, is a column one line
    # writes in (the head of a month no row has a tick in): the strip is cut around it
    words = []
    for ln in lines:
        for a, b in _ink(ln):
            if words and words[-1][2] is ln and a - words[-1][1] < min_width:
                words[-1][1] = b
            else:
                words.append([a, b, ln])
    cut: list[tuple[float, float]] = []
    for g0, g1 in out:
        parts = [(g0, g1)]
        for a, b, _ in words:
            if g0 + min_width <= a and b <= g1 - min_width:
                parts = [q for p0, p1 in parts
                         for q in ((p0, min(p1, a)), (max(p0, b), p1)) if q[1] - q[0] > 0]
        cut.extend(p for p in parts if p[1] - p[0] >= min_width)
    return cut


def _cut_at_gutters(ln: _Line, gutters: list[tuple[float, float]], min_cut: float) -> list[_Line]:
    """The line cut where a gap between its glyphs lies over a gutter (a word space inside
    a heading that a gutter happens to cross is narrower than ``min_cut``)."""
    return ln.segments(min_cut, lambda x0, x1: any(min(x1, g1) - max(x0, g0) > 1.0
                                                   for g0, g1 in gutters))


def _gutter_table(lines: list[_Line], space: float, page_no: int,
                  tail: list[_Line]) -> tuple[Optional[Table], int]:
    """A table drawn without lines whose columns are told apart by the blank strips between
    them rather than by shared start positions: centred headings, right-aligned amounts,
    ticks under month heads. A piece of a line goes to the columns its text lies over (a
    heading over several is one cell spanning them). Conservative: at least four columns,
    each written in on two lines or more, three lines filling three columns or more, few
    pieces spanning columns, and no line of signatures side by side. Of the ``tail`` lines
    after the block, those that go on with its last row (its cells wrapped) are taken: the
    table and how many."""
    lines = [ln for ln in lines if ln.has_base()]
    if len(lines) < 3 or any(_SIGNATURE_LINE.search(ln.text()) for ln in lines):
        return None, 0
    min_width = max(1.5 * space, 4.0) if space else 4.0
    gutters = _gutters(lines, min_width, 1)
    # four columns at least: two or three blocks side by side (signatures, label and value)
    # are no table
    if len(gutters) < 3:
        return None, 0
    lo, hi = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    bounds = [lo] + [x for g in gutters for x in g] + [hi]
    cols = [(bounds[2 * k], bounds[2 * k + 1]) for k in range(len(gutters) + 1)]

    def columns_of(p: _Line) -> tuple[int, int]:
        over = [k for k, (a, b) in enumerate(cols) if min(p.x1, b) - max(p.x0, a) > 0]
        if not over:
            mid = (p.x0 + p.x1) / 2
            k = min(range(len(cols)), key=lambda k: min(abs(mid - cols[k][0]),
                                                        abs(mid - cols[k][1])))
            return k, 1
        return over[0], over[-1] - over[0] + 1

    placed: list[dict[int, tuple[_Line, int]]] = []
    used_by: list[int] = [0] * len(cols)      # lines writing in each column
    in_heads = [False] * len(cols)            # written in by a row of heads (months)
    pieces = spanning = 0
    for n, ln in enumerate(lines + tail):
        row: dict[int, tuple[_Line, int]] = {}
        for p in _cut_at_gutters(ln, gutters, min_width):
            k, span = columns_of(p)
            if n < len(lines):
                pieces += 1
                spanning += span > 1
            if k in row:      # two pieces over one column: joined (a gap no gutter explains)
                q, s = row[k]
                merged = _Line()
                for c in q.chars + p.chars:
                    merged.add(c)
                row[k] = (merged, max(s, span))
            else:
                row[k] = (p, span)
        placed.append(row)
        if n < len(lines):
            for k, (p, span) in row.items():
                for c in range(k, k + span):
                    used_by[c] += 1
                    in_heads[c] |= span == 1 and len(row) >= 4
    body = placed[:len(lines)]
    # every column written in on two lines, or a head in a row of them (a month without
    # activities): a column of one line's text is a chance gap
    if any(u < 2 and not h for u, h in zip(used_by, in_heads)) or \
            sum(1 for row in body if len(row) >= 3) < 3 or spanning * 5 > pieces:
        return None, 0

    # rows: a line continues the row above (a wrapped cell) as _continues says, or when the
    # table numbers its rows in its first column and the line leaves that column empty
    rows: list[dict[int, list[_Line]]] = []
    spans: list[dict[int, int]] = []
    row_width = 0
    prev_cols: set[int] = set()
    n_tail = 0
    for n, row in enumerate(placed):
        cells = {k: [p] for k, (p, _) in row.items()}
        goes_on = bool(rows) and (_continues(rows[-1], cells, prev_cols, row_width) or
                                  _numbered_row_goes_on(rows[-1], cells, row_width))
        if n >= len(lines):
            # after the block, only the last row's wrapped cells, each in one column
            if not goes_on or any(span > 1 for _, span in row.values()):
                break
            n_tail += 1
        if goes_on:
            for k, (p, span) in row.items():
                rows[-1].setdefault(k, []).append(p)
                spans[-1][k] = max(spans[-1].get(k, 1), span)
        else:
            rows.append(cells)
            spans.append({k: span for k, (_, span) in row.items()})
            row_width = len(cells)
        prev_cols = set(cells)
    if len(rows) < 2:
        return None, 0
    _widen_headings(rows, spans)
    _widen_labels(rows, spans)
    return _finish(rows, [a for a, _ in cols], page_no, spans), n_tail


def _numbered_row_goes_on(row: dict, cells: dict, row_width: int) -> bool:
    """A line with nothing in the first column of a row that starts with an item number
    there goes on with that row (its cells wrapped onto a further line), unless it fills as
    many columns as a row, puts a number under a number or opens like a new row."""
    first = " ".join(p.text().strip() for p in row.get(0, []))
    if 0 in cells or not _ITEM_NUMBER.match(first) or not set(cells) <= set(row) or \
            len(cells) >= max(row_width, 2):
        return False
    for c, ps in cells.items():
        text = " ".join(p.text().strip() for p in ps)
        above = " ".join(p.text().strip() for p in row.get(c, []))
        if _NUMBER.match(text) and _NUMBER.match(above.split(" ")[-1] if above else ""):
            return False
        if c == min(cells) and _ROW_START.match(text):
            return False
    return True


def _widen_headings(rows: list[dict], spans: list[dict]) -> None:
    """A heading centred over a group of columns (เกณฑ์การให้คะแนน over the levels, the
    fiscal year over the months) covers with its text only the middle ones: it spans the
    whole run of columns the heading row below fills under it, where no other heading
    of its row sits."""
    for r in range(min(2, len(rows) - 1)):
        below = set(rows[r + 1])
        for k, span in list(spans[r].items()):
            if span < 2:
                continue
            lo, hi = k, k + span - 1
            while lo - 1 in below and lo - 1 not in rows[r] and \
                    not any(o < lo - 1 < o + s for o, s in spans[r].items() if o != k):
                lo -= 1
            while hi + 1 in below and hi + 1 not in rows[r] and \
                    not any(o <= hi + 1 < o + s for o, s in spans[r].items() if o != k):
                hi += 1
            if lo != k:
                rows[r][lo] = rows[r].pop(k)
                del spans[r][k]
            spans[r][lo] = hi - lo + 1


def _widen_labels(rows: list[dict], spans: list[dict]) -> None:
    """A row of figures whose label stands, with nothing to its left, in a later
    column (a total row's รวม, right-aligned across the columns left of its figures) has
    that label span from the first column: where a ruled table merges the cells."""
    for r in range(1, len(rows)):
        ks = sorted(rows[r])
        if len(ks) < 2 or ks[0] == 0:
            continue
        texts = [" ".join(p.text().strip() for p in rows[r][k]) for k in ks]
        if _NUMBER.match(texts[0]) or not all(_NUMBER.match(t) for t in texts[1:]):
            continue
        k = ks[0]
        rows[r][0] = rows[r].pop(k)
        spans[r][0] = k + spans[r].pop(k, 1)


# ---------------------------------------------------------------- tables across pages

# how a new row's first cell starts: an item number (``3.``, ``1.2``, ``(4)``, ``2)``), a bullet,
# a numbered heading word, or a bare number standing alone (score levels)
_ITEM_START = patterns.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+|\(\d{1,3}\)|"
                               r"[-•●▪■]|\d{1,3}\s*$|รวม|หมายเหตุ|"
                               r"(?:กิจกรรม|ขั้นตอน|ตัวชี้วัด|มิติ|โครงการ|แผนงาน)(?:ที่)?\s*\d)")


# the top and bottom share of a page where a running header or footer sits
_MARGIN_BAND = 0.12
_DIGITS = patterns.compile(r"[0-9\u0e50-\u0e59]+")
# a line holding nothing but a page number: ``- 2 -``, ``หน้า 2``, ``หน้าที่ 2 จาก 5``, ``2/5``,
# ``Page 2 of 5``
_PAGE_NUMBER = patterns.compile(
    r"^\s*(?:-\s*[0-9\u0e50-\u0e59]{1,4}\s*-|(?:หน้า(?:ที่)?|[Pp]age|[Pp]\.)\s*"
    r"[0-9\u0e50-\u0e59]{1,4}(?:\s*(?:/|จาก|of)\s*[0-9\u0e50-\u0e59]{1,4})?|"
    r"[0-9\u0e50-\u0e59]{1,4}(?:\s*(?:/|จาก|of)\s*[0-9\u0e50-\u0e59]{1,4})?)\s*$")
# a line that ends in a page number (``… หน้า 3/5``, ``… - 3 -``, ``… 3/5``)
_PAGE_TAIL = patterns.compile(
    r"(?:-\s*[0-9\u0e50-\u0e59]{1,4}\s*-|(?:หน้า(?:ที่)?|[Pp]age|[Pp]\.)\s*"
    r"[0-9\u0e50-\u0e59]{1,4}(?:\s*(?:/|จาก|of)\s*[0-9\u0e50-\u0e59]{1,4})?|"
    r"(?<![0-9\u0e50-\u0e59/.,])[0-9\u0e50-\u0e59]{1,4}\s*(?:/|จาก|of)\s*[0-9\u0e50-\u0e59]{1,4})\s*$")


def _band_lines(b: Paragraph) -> list[tuple[str, float, float]]:
    """The paragraph's visual lines as (text, top, bottom); one line for a paragraph read
    without them (turned text)."""
    group = getattr(b, "_lines", None)
    if not group:
        return [(b.text, b.bbox[1], b.bbox[3])]
    return [(ln.text(), ln.top, ln.bottom) for ln in group]


def _margin_runs(page: Page, at_top: bool) -> list[tuple[Paragraph, int]]:
    """The lines in the page's top (or bottom) margin band, outermost first, as (paragraph,
    line index): the band's lines up to the first block or line that leaves it."""
    band = page.height * _MARGIN_BAND
    out: list[tuple[Paragraph, int]] = []
    for b in (page.blocks if at_top else reversed(page.blocks)):
        if not isinstance(b, Paragraph) or b.bbox is None:
            break
        lines = _band_lines(b)
        order = range(len(lines)) if at_top else range(len(lines) - 1, -1, -1)
        for k in order:
            _, top, bottom = lines[k]
            if bottom > band if at_top else top < page.height - band:
                return out
            out.append((b, k))
    return out


def _split_paragraph(page: Page, b: Paragraph, cut: int) -> tuple[list, list]:
    """Cut a paragraph into its first ``cut`` lines and the rest, each joined again, so a
    running header joined to the title below it (no paragraph spacing between them) stands
    alone. Returns the new paragraphs of each part."""
    group, right = b._lines, b._right
    k = next(i for i, x in enumerate(page.blocks) if x is b)
    parts: tuple[list, list] = ([], [])
    for side, lines in enumerate((group[:cut], group[cut:])):
        texts, raws, groups = _join_lines(lines, right, split_paragraphs=True)
        for text, raw, g in zip(texts, raws, groups):
            if not text.strip():
                continue
            bb = (min(ln.x0 for ln in g), min(ln.top for ln in g),
                  max(ln.x1 for ln in g), max(ln.bottom for ln in g))
            p = Paragraph(text=repair_thai(text), raw=raw, page=b.page,
                          bbox=tuple(round(v, 2) for v in bb))
            p._lines, p._right = g, right
            parts[side].append(p)
    page.blocks[k:k + 1] = parts[0] + parts[1]
    return parts


def _page_furniture(doc: Document) -> set[int]:
    """The ids of the running headers and footers (page furniture): the lines at the top or
    the bottom of a page, inside the margin band, whose text (digits aside: page numbers,
    dates; spaces aside: a header wrapped at another place) is found in the same band on two
    or more pages, or which hold nothing but a page number. Word and LibreOffice draw them on
    every page, between the two parts of a table that a page break cut. Lines are compared,
    not paragraphs: a header line may be joined to the title under it on one page (no
    paragraph spacing between them) and wrap onto two lines on another (a portrait page is
    narrower). Such a paragraph is cut in two, so the furniture stands alone, when the lines
    stand alone on another page or end in a page number: the first line of a body paragraph
    that merely starts two pages alike (``ตัวชี้วัดที่ 1``) is not cut off."""
    runs: list[tuple[Page, bool, list[tuple[Paragraph, int]], list[str]]] = []
    pages: dict[tuple, set] = {}
    alone: dict[tuple, set] = {}        # keys whose lines are whole paragraphs on a page
    for page in doc.pages:
        if not page.height:
            continue
        for at_top in (True, False):
            run = _margin_runs(page, at_top)
            if not run:
                continue
            keys = []
            acc = ""
            for j, (b, k) in enumerate(run):
                t = _norm(_band_lines(b)[k][0])
                acc = (acc + t) if at_top else (t + acc)
                keys.append(_DIGITS.sub("#", acc))
                pages.setdefault((at_top, keys[-1]), set()).add(page.number)
                if k == (len(_band_lines(b)) - 1 if at_top else 0):
                    alone.setdefault((at_top, keys[-1]), set()).add(page.number)
            runs.append((page, at_top, run, keys))
    ids: set[int] = set()
    for page, at_top, run, keys in runs:
        n = 0
        for j, (key, (b, k)) in enumerate(zip(keys, run)):
            if len(pages[(at_top, key)]) >= 2 or _PAGE_NUMBER.match(_band_lines(b)[k][0]):
                n = j + 1
        if not n:
            continue
        key = (at_top, keys[n - 1])
        held: dict[int, tuple[Paragraph, list[int]]] = {}
        for b, k in run[:n]:
            held.setdefault(id(b), (b, []))[1].append(k)
        for b, ks in held.values():
            total = len(_band_lines(b))
            if len(ks) == total:
                ids.add(id(b))
                continue
            text = " ".join(_band_lines(b)[k][0] for k in sorted(ks))
            if not getattr(b, "_lines", None) or not any(x is b for x in page.blocks) or \
                    not (alone.get(key, set()) - {page.number} or _PAGE_TAIL.search(text)):
                continue
            cut = len(ks) if at_top else total - len(ks)
            first, rest = _split_paragraph(page, b, cut)
            ids.update(id(p) for p in (first if at_top else rest))
    return ids


def _continue_tables(doc: Document) -> None:
    """A table that is the first block of a page and has the same column boundaries as the
    last block of the previous page continues it: its rows are appended (cells keep their own
    page), so one table = one grid for the extractors. Heading rows repeated at the top of the
    page are dropped, and a row that the page break split in two is put back together.
    Running headers and footers (page numbers, a repeated title line) do not count as blocks
    here: they stand between the two parts of nearly every table cut by a page break.
    (A new table with the same columns and heading that happens to start a page is taken as
    a continuation: the layout does not tell them apart.)"""
    furniture = _page_furniture(doc) if len(doc.pages) > 1 else set()
    prev_last: Optional[Table] = None
    for page in doc.pages:
        body = [k for k, b in enumerate(page.blocks) if id(b) not in furniture]
        if not body:
            prev_last = None
            continue
        first = page.blocks[body[0]]
        if isinstance(first, Table) and prev_last is not None and \
                _same_columns(prev_last, first):
            _append_rows(prev_last, first)
            page.blocks.pop(body[0])
            body = [k - 1 for k in body[1:]]
            if not body:
                continue        # the whole page was the table going on: it may go on again
        last = page.blocks[body[-1]]
        prev_last = last if isinstance(last, Table) else None


def _repeated_heading_rows(t: Table, prev: Table) -> int:
    """How many of the table's first rows repeat the previous part's first rows (a heading
    row marked to repeat on every page): the same cells with the same texts (whitespace
    aside), a repeated heading cell drawn shorter than its text showing only its start."""
    k = 0
    while k < min(t.n_rows - 1, prev.n_rows - 1, 5):
        a, b = _row_texts(t, k), _row_texts(prev, k)
        if not any(a) or len(a) != len(b):
            break
        if not _same_cells(t, prev, k):
            # near-equal: a glyph overflowing a narrow heading cell may land in the next row
            from rapidfuzz.distance import Levenshtein
            if Levenshtein.normalized_similarity("|".join(map(_norm, a)),
                                                 "|".join(map(_norm, b))) < 0.93:
                break
        k += 1
    return k


def _same_cells(t: Table, prev: Table, k: int) -> bool:
    """Row k of the continuation has the cells of the previous part's row k, each with the
    same text, or with the start of it where the repeated cell is drawn shorter than the
    original (its last lines clipped away)."""
    orig = {c.col: c for c in prev.cells if c.row == k}
    cells = [c for c in t.cells if c.row == k]
    if len(cells) != len(orig):
        return False
    for c in cells:
        o = orig.get(c.col)
        if o is None or o.colspan != c.colspan:
            return False
        shown, full = _norm(c.text), _norm(o.text)
        if shown == full:
            continue
        shorter = getattr(c, "_clipped", False) or (
            c.bbox is not None and o.bbox is not None and
            c.bbox[3] - c.bbox[1] < o.bbox[3] - o.bbox[1] - 1)
        if not (shown and shorter and full.startswith(shown)):
            return False
    return True


def _strip_heading_overflow(prev: Table, cont: Table, k: int) -> None:
    """A heading repeated on a new page can be drawn shorter than its text: the last glyphs
    (``ง`` of ``เกี่ยวข้อง``) then fall into the row below. Where a repeated heading cell lacks
    the end of the original's text and the cell under it starts with exactly that end, the
    end is taken back out of the cell under it."""
    for c in [c for c in cont.cells if c.row < k]:
        orig = next((p for p in prev.cells if p.row == c.row and p.col == c.col), None)
        if orig is None:
            continue
        full, shown = _norm(orig.text), _norm(c.text)
        if not shown or len(full) <= len(shown) or not full.startswith(shown):
            continue
        missing = full[len(shown):]
        below = next((b for b in cont.cells if b.row == c.row + c.rowspan and b.col == c.col),
                     None)
        if below is not None and below.text.lstrip().startswith(missing):
            below.text = below.text.lstrip()[len(missing):].lstrip()
            below.raw = below.raw.lstrip()[len(missing):].lstrip()


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _row_texts(t: Table, r: int) -> list[str]:
    return [c.text for c in t.cells if c.row == r]


def _append_rows(prev: Table, cont: Table) -> None:
    k = _repeated_heading_rows(cont, prev)
    if k:
        _strip_heading_overflow(prev, cont, k)
        cont.cells = [c for c in cont.cells if c.row >= k]
        for c in cont.cells:
            c.row -= k
        cont.n_rows -= k
        first = [c for c in cont.cells if c.row == 0]
        if cont.n_rows > 1 and first and all(not c.text and c.rowspan == 1 for c in first):
            cont.cells = [c for c in cont.cells if c.row > 0]     # nothing but overflow
            for c in cont.cells:
                c.row -= 1
            cont.n_rows -= 1
    last = prev.n_rows - 1
    offset = prev.n_rows
    if _is_split_row(prev, cont, last):
        offset = last
        starts = {c.col: c for c in prev.cells if c.row <= last < c.row + c.rowspan}
        keep = []
        for c in cont.cells:
            if c.row == 0 and c.col in starts:
                p = starts[c.col]
                if c.text:
                    joint = " " if getattr(p, "_tail_space", False) or not p.text else \
                        _wrap_joint(p.text, c.text, 0.0, 1.0)
                    p.text = (p.text + joint + c.text).strip()
                    p.raw = (p.raw + "\n" + c.raw).strip("\n")
                p.shaded = p.shaded or c.shaded
                p.rowspan = last + c.rowspan - p.row
                continue
            keep.append(c)
        cont.cells = keep
    else:
        # empty cells at the top of the continuation under cells merged down to the page
        # break are the same merged cells going on
        starts = {c.col: c for c in prev.cells
                  if c.row < last and c.row + c.rowspan - 1 == last}
        keep = []
        for c in cont.cells:
            p = starts.get(c.col)
            if c.row == 0 and p is not None and not c.text and c.colspan == p.colspan:
                p.rowspan += c.rowspan
                continue
            keep.append(c)
        cont.cells = keep
    for c in cont.cells:
        c.row += offset
        prev.cells.append(c)
    prev.n_rows = offset + cont.n_rows
    prev.cells.sort(key=lambda c: (c.row, c.col))


# words a number follows (a year, an ordinal, a count, a score level): a cell ending with one
# goes on with the number at the top of the next page (``จัดประชุมรอบ`` / ``11``, ``ไตรมาส`` /
# ``2``, ``ระดับ`` / ``5``)
_GOES_ON = patterns.compile(r"(?:พ\.ศ\.|ค\.ศ\.|ที่|ร้อยละ|จำนวน|ภายใน|วันที่|ปี|รอบ|รุ่น|ไตรมาส|"
                            r"ระยะ|งวด|ข้อ|หมู่|ฉบับ|ระดับ)\s*$")
# a cell ending with an abbreviation of two or more letters (a month ``มี.ค.``, ``ก.ย.``) goes
# on with a number (its year) on the next page
_ABBR_END = patterns.compile(r"(?:^|[\s(\[-])(?:" + _ABBR_GROUP + r"\.){2,3}$")


def _is_split_row(prev: Table, cont: Table, last: int) -> bool:
    """Did the page break cut the previous table's last row in two? Judged from the first
    column: the continuation does not start like a new item while the cut row has text there."""
    p0 = next((c for c in prev.cells if c.col == 0 and c.row <= last < c.row + c.rowspan), None)
    c0 = next((c for c in cont.cells if c.col == 0 and c.row == 0), None)
    if p0 is None or not p0.text:
        return False
    covering = {c.col: c for c in prev.cells if c.row <= last < c.row + c.rowspan}
    for c in cont.cells:
        p = covering.get(c.col)
        if c.row == 0 and p is not None and _NUMBER.match(c.text.strip()) and \
                _COMPLETE_NUMBER.match(p.text.strip().split(" ")[-1] if p.text.strip() else ""):
            return False          # a number under a complete number: a row of its own
    if c0 is not None and c0.text:
        return not _ITEM_START.match(c0.text)
    # first column merged across the break: the row was cut if every filled cell at the top
    # of the continuation goes on with text (starts with a Thai letter) from a filled cell
    # above that does not end like a finished value
    filled = [c for c in cont.cells if c.row == 0 and c.text]
    if not filled:
        return False
    for c in filled:
        p = covering.get(c.col)
        if p is None or not p.text or p.row != last and p.rowspan > 1 and c.col != 0:
            return False
        if (_GOES_ON.search(p.text) or _ABBR_END.search(p.text)) and c.text[0].isdigit():
            continue                # ``ภายในปีงบประมาณ พ.ศ.`` / ``2554``, ``มี.ค.`` / ``66``
        if _CUT_AMOUNT.search(p.text) and _NUMBER.match(c.text.strip()):
            continue                # an amount wrapped in a narrow column: ``10,00`` / ``0``
        if not _is_thai(c.text[0]) or p.text.rstrip()[-1:] in (".", ":", "%", ")"):
            return False
    return True


def _col_bounds(t: Table) -> list[float]:
    xs = set()
    for c in t.cells:
        if c.bbox:
            xs.add(round(c.bbox[0]))
            xs.add(round(c.bbox[2]))
    return sorted(xs)


def _same_columns(a: Table, b: Table) -> bool:
    if a.n_cols != b.n_cols or not a.bbox or not b.bbox:
        return False
    if abs(a.bbox[0] - b.bbox[0]) > 3 or abs(a.bbox[2] - b.bbox[2]) > 3:
        return False
    xa, xb = _col_bounds(a), _col_bounds(b)
    return all(any(abs(x - y) <= 3 for y in xa) for x in xb)
