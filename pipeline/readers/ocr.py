"""OCR of scanned pages: the page image's ruling lines, cells and shading are found here, the
words are read by tesseract (Debian's tesseract-ocr with its Thai model), and both are handed
to the PDF reader's layout as glyphs and edges, so a scanned table becomes the same grid and
cells as an exported one.

Tesseract reads a whole page poorly where text sits between ruling lines (it reads the lines as
letters and joins neighbouring cells), so the lines are erased first and every cell is read on
its own: the cells are stacked into one tall image with blank space between them, read by one
tesseract run, and each word is put back where it came from.

Tesseract's Thai model has no Thai digits ๔ ๖ ๗ ๘ ๙ (they are missing from its character set:
it reads ๘๖ as ``๕๒``), so a word box holding only a number is read again by
pipeline/readers/glyphs.py, which compares each glyph with the digits of the Thai fonts.
"""
from __future__ import annotations

import bisect
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

import numpy as np

from pipeline import patterns

from ..repair import is_mark

LANGUAGES = "tha+eng"
_GAP = 40            # px of blank between stacked cells: tesseract never joins them into a line
_PAD = 20


@dataclass
class Word:
    """A word tesseract read, in page pixels (top-left origin), with its line's box."""
    text: str
    box: tuple[int, int, int, int]          # x0, top, x1, bottom
    line: tuple[int, int]                   # top, bottom of its line
    conf: float
    space: bool = False                     # a space before it (in its line)
    glyphs: bool = False                    # its text read by the glyph reader, not tesseract


@dataclass
class ScannedPage:
    """What OCR found on a page image: its words (in pixels) and its tables (in points)."""
    width: int
    height: int
    angle: float                            # the skew corrected, degrees
    grids: list = field(default_factory=list)   # the tables, as pdf._Grid in points
    words: list[Word] = field(default_factory=list)


@lru_cache(maxsize=1)
def unavailable() -> Optional[str]:
    """Why OCR cannot run on this machine (None when it can)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "tesseract is not installed (Debian: tesseract-ocr tesseract-ocr-tha)"
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                               timeout=30).stdout.split()
    except (OSError, subprocess.SubprocessError) as e:
        return f"tesseract does not run ({e})"
    missing = [lang for lang in LANGUAGES.split("+") if lang not in langs]
    if missing:
        return f"tesseract has no {'/'.join(missing)} model (Debian: tesseract-ocr-tha)"
    return None


@lru_cache(maxsize=1)
def engine() -> str:
    """The OCR engine's name and version, for warnings."""
    try:
        out = subprocess.run([shutil.which("tesseract") or "tesseract", "--version"],
                             capture_output=True, text=True, timeout=30)
        first = (out.stdout or out.stderr).splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        first = "tesseract"
    return f"{first.strip()}, {LANGUAGES}"


# ---------------------------------------------------------------- the image

def otsu(gray: np.ndarray) -> int:
    """The grey level that best splits ink from paper (Otsu's method): ink is darker than it."""
    hist = np.bincount(gray.ravel(), minlength=256).astype(np.float64)
    total = hist.sum()
    levels = np.arange(256)
    w0 = np.cumsum(hist)
    m0 = np.cumsum(hist * levels)
    w1 = total - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (m0[-1] * w0 / total - m0) ** 2 / (w0 * w1 / total)
    between = np.nan_to_num(between)
    # ink is never lighter than mid-grey: a page of mostly shading must not move it there
    return int(min(np.argmax(between) + 1, 180))


def ink_level(gray: np.ndarray) -> int:
    """The grey level below which a pixel is ink (text, rulings): Otsu's split of ink from
    paper, moved down below the shading where the page has shaded cells (a Gantt bar scanned
    in mid-grey would otherwise be ink, and its cells one solid area)."""
    t = otsu(gray)
    hist = np.bincount(gray.ravel(), minlength=256)[:t].astype(np.float64)
    if hist.sum() == 0:
        return t
    smooth = np.convolve(hist, np.ones(9) / 9, mode="same")
    lo = min(100, t - 1)
    if t - lo < 12:
        return t
    peak = lo + int(np.argmax(smooth[lo:t]))
    mass = hist[max(0, peak - 12):peak + 13].sum()
    if peak < 60:
        return t
    ink = int(np.argmax(smooth[:peak - 30]))
    if peak - 20 <= ink + 1:
        return t
    valley = ink + 1 + int(np.argmin(smooth[ink + 1:peak - 20]))
    # a shading: a mode of its own among the dark pixels, well apart from the ink's
    if mass >= 0.25 * hist.sum() and smooth[peak] >= 2 * smooth[valley]:
        return valley
    return t


def skew_angle(ink: np.ndarray, limit: float = 3.0, step: float = 0.1) -> float:
    """The angle (degrees, counter-clockwise) that makes the page's lines of text and ruling
    lines level: the rotation whose row profile of ink is sharpest."""
    from PIL import Image
    small = ink[::4, ::4]
    if small.sum() < 50:
        return 0.0
    img = Image.fromarray((small * 255).astype(np.uint8))
    best, best_score = 0.0, -1.0
    n = int(round(limit / step))
    for k in range(-n, n + 1):
        a = k * step
        rows = np.asarray(img.rotate(a, resample=Image.NEAREST, fillcolor=0)).sum(axis=1,
                                                                                  dtype=np.float64)
        score = float((rows ** 2).sum())
        if score > best_score + 1e-9:
            best, best_score = a, score
    return best


def _long_runs(mask: np.ndarray, length: int) -> np.ndarray:
    """The pixels of ``mask`` that lie in a horizontal run of at least ``length``."""
    h, w = mask.shape
    if w < length:
        return np.zeros_like(mask)
    cs = np.zeros((h, w + 1), dtype=np.int32)
    np.cumsum(mask, axis=1, out=cs[:, 1:])
    full = (cs[:, length:] - cs[:, :-length]) == length       # a run starts here
    starts = np.zeros((h, full.shape[1] + 1), dtype=np.int32)
    np.cumsum(full, axis=1, out=starts[:, 1:])
    idx = np.arange(w)
    lo = np.clip(idx - length + 1, 0, full.shape[1])
    hi = np.clip(idx + 1, 0, full.shape[1])
    return (starts[:, hi] - starts[:, lo]) > 0


def _segments(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Connected horizontal bands of ``mask`` as boxes (x0, top, x1, bottom): runs in one row,
    joined with the runs of the rows below that they overlap."""
    runs: list[tuple[int, int, int]] = []
    rows = np.nonzero(mask.any(axis=1))[0]
    for y in rows:
        d = np.diff(np.concatenate(([0], mask[y].view(np.int8), [0])))
        starts, ends = np.nonzero(d == 1)[0], np.nonzero(d == -1)[0]
        runs.extend((int(y), int(a), int(b)) for a, b in zip(starts, ends))
    boxes: list[list[int]] = []
    open_: list[int] = []          # indices of boxes touching the previous row
    last_y = None
    row_boxes: list[int] = []
    for y, a, b in runs:
        if y != last_y:
            open_ = row_boxes if last_y is not None and y == last_y + 1 else []
            row_boxes = []
            last_y = y
        hit = None
        for i in open_:
            bx = boxes[i]
            if a <= bx[2] and b >= bx[0]:
                hit = i
                break
        if hit is None:
            boxes.append([a, y, b, y + 1])
            hit = len(boxes) - 1
        else:
            bx = boxes[hit]
            bx[0], bx[2], bx[3] = min(bx[0], a), max(bx[2], b), y + 1
        if hit not in row_boxes:
            row_boxes.append(hit)
    return [tuple(b) for b in boxes]


def rulings(ink: np.ndarray, dpi: float) -> tuple[list, list, list, np.ndarray]:
    """(horizontal lines, vertical lines, solid areas, mask of their pixels). A line is ink
    running at least ≈⅓ inch across (horizontal) or ≈⅕ inch down (vertical): longer than any
    stroke of a Thai letter at form sizes; a band thicker than a ruled line is a solid area
    (a Gantt bar in black), whose sides are lines too."""
    min_h, min_v = max(40, int(dpi * 0.3)), max(30, int(dpi * 0.2))
    thick = max(4, int(dpi * 0.035))           # ≈2.5 pt: rulings are thinner
    # a ruled line a pixel off level, or broken by the scan, still runs on: look at the ink of
    # three rows (columns) together
    near_v = ink.copy()
    near_v[1:] |= ink[:-1]
    near_v[:-1] |= ink[1:]
    near_h = ink.copy()
    near_h[:, 1:] |= ink[:, :-1]
    near_h[:, :-1] |= ink[:, 1:]
    hmask = _long_runs(near_v, min_h) & ink
    vmask = _long_runs(near_h.T, min_v).T & ink
    h_lines, v_lines, fills = [], [], []
    # (a crossing line's own ink beside a line leaves bits of run shorter than a line: dropped)
    for (x0, t, x1, b) in _segments(hmask):
        if x1 - x0 < min_h:
            continue
        if b - t > thick:
            if b - t >= min_v:
                fills.append((x0, t, x1, b))
            continue
        h_lines.append((x0, t, x1, b))
    for (t, x0, b, x1) in _segments(vmask.T):
        if b - t >= min_v and x1 - x0 <= thick:
            v_lines.append((x0, t, x1, b))
    for (x0, t, x1, b) in fills:
        h_lines += [(x0, t, x1, t + 1), (x0, b - 1, x1, b)]
        v_lines += [(x0, t, x0 + 1, b), (x1 - 1, t, x1, b)]
    return h_lines, v_lines, fills, hmask | vmask


# ---------------------------------------------------------------- tesseract

def _tesseract(image: np.ndarray, dpi: float, psm: int) -> list[dict]:
    """Tesseract's words for a grey image (one process, one thread), in reading order, each
    with its box, its line's box and whether a space comes before it. Tesseract's word boxes
    for Thai are often single letters; only its text output says where it put a space (Thai
    writes none between words), so both outputs are asked for and lined up."""
    import tempfile
    h, w = image.shape
    pgm = b"P5\n%d %d\n255\n" % (w, h) + np.ascontiguousarray(image, dtype=np.uint8).tobytes()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with tempfile.TemporaryDirectory(prefix="thaiforms-ocr-") as tmp:
        base = os.path.join(tmp, "page")
        proc = subprocess.run([shutil.which("tesseract") or "tesseract", "stdin", base,
                               "-l", LANGUAGES, "--psm", str(psm), "--dpi", str(int(dpi)),
                               "tsv", "txt"], input=pgm, capture_output=True, timeout=600,
                              env=env)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.decode("utf-8", "replace").strip()[-300:]
                               or f"tesseract exit {proc.returncode}")
        with open(base + ".tsv", encoding="utf-8", errors="replace") as f:
            tsv = f.read().splitlines()[1:]
        with open(base + ".txt", encoding="utf-8", errors="replace") as f:
            text_lines = [ln for ln in f.read().splitlines() if ln.strip()]
    lines: list[dict] = []
    for ln in tsv:
        f = ln.split("\t")
        if len(f) < 12:
            continue
        x, y, bw, bh = int(f[6]), int(f[7]), int(f[8]), int(f[9])
        if f[0] == "4":
            lines.append({"box": (y, y + bh), "words": []})
        elif f[0] == "5" and f[11].strip() and lines:
            lines[-1]["words"].append({"text": f[11].strip(), "box": (x, y, x + bw, y + bh),
                                       "line": lines[-1]["box"], "conf": float(f[10])})
    lines = [ln for ln in lines if ln["words"]]
    spaced = len(lines) == len(text_lines)
    rows = []
    for k, ln in enumerate(lines):
        spaces = _spaces_before([wd["text"] for wd in ln["words"]], text_lines[k]) \
            if spaced else None
        for j, wd in enumerate(ln["words"]):
            wd["space"] = j > 0 and (spaces[j] if spaces is not None else True)
            rows.append(wd)
    return rows


def _spaces_before(words: list[str], line: str) -> Optional[list[bool]]:
    """For each word, whether the text line has a space before it; None when the words do
    not spell the line."""
    out: list[bool] = []
    pos = 0
    for word in words:
        space = False
        while pos < len(line) and line[pos].isspace():
            space, pos = True, pos + 1
        if line[pos:pos + len(word)] != word:
            return None
        out.append(space)
        pos += len(word)
    return out


# every character of a word tesseract made of a ruling line's remains
_LINE_DEBRIS = set("|!lI[](){}_—–-~'`\"‘’“”.,:;")


# a lone dot or comma after a space: a speck of the scan
_SPECKS = set(".,'`")


def read_page_image(gray: np.ndarray, dpi: float) -> ScannedPage:
    """OCR of one page image (8-bit grey, top-left origin): deskew, find the rulings, read the
    text outside the tables and each cell's text apart."""
    from PIL import Image
    ink = gray < ink_level(gray)
    if int(ink.sum()) < dpi * dpi / 100:          # less ink than a short word: a blank page
        return ScannedPage(width=gray.shape[1], height=gray.shape[0], angle=0.0)
    angle = skew_angle(ink)
    if abs(angle) >= 0.1:
        # (nearest, not an interpolation: a thin tone mark turned by interpolation comes out
        # too pale for tesseract, which then drops it)
        gray = np.asarray(Image.fromarray(gray).rotate(angle, resample=Image.NEAREST,
                                                       fillcolor=255))
        ink = gray < ink_level(gray)
    h_lines, v_lines, _fills, line_px = rulings(ink, dpi)
    grids = _grids_of(h_lines, v_lines, dpi, gray.shape)
    _shade(grids, gray, dpi)
    k = dpi / 72.0
    cells = [tuple(int(round(v * k)) for v in c[4]) for g in grids for c in g.cells]
    # what tesseract sees: the page without its rulings, and without the shading of shaded
    # cells (what is not clearly darker than a cell's shading is paper); tesseract's own
    # thresholding reads the text better than any split made here (thin tone marks)
    clean = gray.copy()
    clean[_grown(line_px, 2)] = 255
    for g in grids:
        for (r, c, _rs, _cs, box) in g.cells:
            if (r, c) in g.shaded:
                x0, t, x1, b = (int(round(v * k)) for v in box)
                inside = clean[t:b, x0:x1]
                inside[inside >= float(np.median(inside)) - 35] = 255
    return ScannedPage(width=gray.shape[1], height=gray.shape[0], angle=angle, grids=grids,
                       words=_read_regions(clean, dpi, cells))


def _grown(mask: np.ndarray, r: int) -> np.ndarray:
    """The mask with ``r`` pixels around it: a ruling's grey edge, lighter than ink but text
    to the paper's threshold, goes with the ruling."""
    out = mask.copy()
    for _ in range(r):
        step = out.copy()
        step[1:] |= out[:-1]
        step[:-1] |= out[1:]
        step[:, 1:] |= out[:, :-1]
        step[:, :-1] |= out[:, 1:]
        out = step
    return out


def _grids_of(h_lines: list, v_lines: list, dpi: float, size: tuple) -> list:
    """The tables the rulings make, as the PDF reader's grids in points (its table finder's
    tolerances are in points: a scanned line ending a little short of the line it meets
    still meets it)."""
    from pipeline.readers.pdf import _EdgePage, _edge, _grids
    k = 72.0 / dpi
    edges = [_edge(x0 * k, (t + b) / 2 * k, x1 * k, (t + b) / 2 * k, "h", "line")
             for (x0, t, x1, b) in h_lines]
    edges += [_edge((x0 + x1) / 2 * k, t * k, (x0 + x1) / 2 * k, b * k, "v", "line")
              for (x0, t, x1, b) in v_lines]
    return _grids(_EdgePage(edges, (0, 0, size[1] * k, size[0] * k)), edges, [])


def _shade(grids: list, gray: np.ndarray, dpi: float) -> None:
    """Mark the cells whose paper is grey or dark (a Gantt bar, a shaded heading): the median
    of the cell's inside, which its text (a few per cent of it) does not move."""
    k = dpi / 72.0
    for g in grids:
        for (r, c, _rs, _cs, (x0, t, x1, b)) in g.cells:
            mx, my = (x1 - x0) * k * 0.15, (b - t) * k * 0.15
            inside = gray[int(t * k + my):int(b * k - my), int(x0 * k + mx):int(x1 * k - mx)]
            if inside.size and float(np.median(inside)) < 215:
                g.shaded.add((r, c))


def _read_regions(clean: np.ndarray, dpi: float, cells: list[tuple]) -> list[Word]:
    """Read the page outside the cells, and every cell with ink. Tesseract's sparse-text mode
    keeps the tone marks over upper vowels that its block mode drops, but leaves out a lone
    short glyph (a cell holding only ``๓``): cells it found nothing in are read again in
    block mode."""
    outside = clean.copy()
    for (x0, t, x1, b) in cells:
        outside[t:b, x0:x1] = 255
    regions: list[tuple[int, int, np.ndarray]] = [(0, 0, outside)]
    min_ink = max(6, int(dpi * dpi / 9000))
    m = max(2, int(dpi / 100))       # inside the cell's rulings, clear of their remains
    for (x0, t, x1, b) in cells:
        crop = clean[t + m:b - m, x0 + m:x1 - m]
        if crop.size and int((crop < 128).sum()) >= min_ink:
            regions.append((x0 + m, t + m, crop))
    marks: dict[int, Word] = {}
    for k in range(1, len(regions)):
        px, py, crop = regions[k]
        word = _lone_mark(px, py, crop, dpi)
        if word is not None:
            marks[k] = word
    found = _read_stack([r for k, r in enumerate(regions) if k not in marks], dpi, psm=11)
    # (the stack's region numbers skip the cells read as lone marks)
    keep = [k for k in range(len(regions)) if k not in marks]
    found = {keep[k]: words for k, words in found.items()}
    found.update({k: [w] for k, w in marks.items()})
    missed = [r for k, r in enumerate(regions) if k and not found.get(k)]
    again = _read_stack(missed, dpi, psm=6) if missed else {}
    return [w for k in sorted(found) for w in found[k]] + \
        [w for k in sorted(again) for w in again[k]]


def _lone_mark(px: int, py: int, crop: np.ndarray, dpi: float) -> Optional[Word]:
    """A cell holding one short word and nothing else (specks aside), read from its shape: a
    tick (``✔``, which tesseract reads as ``V``, ``/`` or ``4``), a number (``๓``, which it
    leaves out or misreads); None for anything else (left to tesseract)."""
    from pipeline.readers import glyphs
    ink = crop < 128
    parts = glyphs.segment(ink)
    if not parts:
        return None
    t, b = min(g.top for g in parts), max(g.bottom for g in parts)
    x0, x1 = min(g.left for g in parts), max(g.right for g in parts)
    if b - t > dpi * 0.3 or x1 - x0 > dpi * 0.45 or b - t < dpi * 0.03:
        return None                         # taller than a line of text, or wider than a word
    page_box = (px + x0, py + t, px + x1, py + b)
    number = glyphs.read_number(ink[t:b, x0:x1])
    if number is not None:
        return Word(number, page_box, (page_box[1], page_box[3]), 100.0, glyphs=True)
    if len(parts) == 1 and is_tick(parts[0].bitmap):
        return Word("✓", page_box, (page_box[1], page_box[3]), 100.0, glyphs=True)
    if len(parts) == 1 and parts[0].height >= 2.5 * parts[0].width and b - t >= dpi * 0.06:
        # a lone upright stroke as tall as a digit: a serif ``1`` (a row's number, a level),
        # which the glyph reader may leave unsure and tesseract reads as ``l``, ``]`` or ``|``
        return Word("1", page_box, (page_box[1], page_box[3]), 100.0, glyphs=True)
    return None


def is_tick(ink: np.ndarray) -> bool:
    """A check mark (``✓``, ``✔``, ``√``): a short stroke down to a low point left of the middle,
    then a long stroke up to the top right; nothing in the top left corner (a ``V`` has its arm
    there), strokes, not a filled shape, and no loop (every Thai digit has one)."""
    h, w = ink.shape
    if h < 8 or w < 8 or not 0.5 <= w / h <= 2.0 or _has_hole(ink):
        return False
    density = ink.mean()
    if not 0.12 <= density <= 0.6:
        return False
    low = np.nonzero(ink[int(h * 0.85):].any(axis=0))[0]
    if not len(low) or not 0.1 <= (low.mean() + 0.5) / w <= 0.6:
        return False                        # the low point: left of the middle
    if not ink[:max(1, int(h * 0.25)), int(w * 0.65):].any():
        return False                        # the long stroke ends at the top right
    if ink[:int(h * 0.3), :int(w * 0.3)].mean() > 0.03:
        return False                        # the top left is empty
    # the right edge's ink is high up, the left edge's lower: the stroke rises to the right
    right = np.nonzero(ink[:, int(w * 0.85):].any(axis=1))[0]
    left = np.nonzero(ink[:, :max(1, int(w * 0.15))].any(axis=1))[0]
    return bool(len(right) and len(left) and right.mean() < left.mean())


def _has_hole(ink: np.ndarray) -> bool:
    """Whether the ink encloses paper (a loop): paper that a fill from the edges cannot reach."""
    paper = ~np.pad(ink, 1)
    reached = np.zeros_like(paper)
    reached[0, :] = reached[-1, :] = reached[:, 0] = reached[:, -1] = True
    reached &= paper
    while True:
        grown = reached.copy()
        grown[1:] |= reached[:-1]
        grown[:-1] |= reached[1:]
        grown[:, 1:] |= reached[:, :-1]
        grown[:, :-1] |= reached[:, 1:]
        grown &= paper
        if (grown == reached).all():
            break
        reached = grown
    return int((paper & ~reached).sum()) >= 4


def _read_stack(regions: list[tuple[int, int, np.ndarray]], dpi: float,
                psm: int) -> dict[int, list[Word]]:
    """One tesseract run over the regions stacked one under another, blank space between:
    each region's words, put back in place on the page."""
    width = max(r[2].shape[1] for r in regions) + 2 * _PAD
    height = sum(r[2].shape[0] + _GAP for r in regions) + _PAD
    canvas = np.full((height, width), 255, dtype=np.uint8)
    bands = []          # (top in canvas, bottom, page x, page y)
    y = _PAD
    for (px, py, crop) in regions:
        hh, ww = crop.shape
        canvas[y:y + hh, _PAD:_PAD + ww] = crop
        bands.append((y, y + hh, px, py))
        y += hh + _GAP
    tops = [b[0] for b in bands]
    rows_of: dict[int, list[dict]] = {}
    for row in _tesseract(canvas, dpi, psm):
        x0, t, x1, b = row["box"]
        k = bisect.bisect_right(tops, (t + b) / 2) - 1
        text = row["text"]
        # a ruling's remains read as letters: `|` is never a form's text
        if k < 0 or set(text) <= {"|"} or row["conf"] < 60 and set(text) <= _LINE_DEBRIS \
                or row["space"] and row["conf"] < 90 and set(text) <= _SPECKS:
            continue
        rows_of.setdefault(k, []).append(row)
    found: dict[int, list[Word]] = {}
    for k, rows in rows_of.items():
        top, bottom, px, py = bands[k]
        dx, dy = px - _PAD, py - top
        words = found.setdefault(k, [])
        for token in _tokens(rows):
            # one word per run of tesseract's words with no space between: it boxes Thai
            # letters, and marks, one by one. A number is read again from its glyphs as a
            # whole: tesseract cuts one number into words that overlap (๙๑ as ``๙``, ``๐๑``)
            x0, t = min(r["box"][0] for r in token), min(r["box"][1] for r in token)
            x1, b = max(r["box"][2] for r in token), max(r["box"][3] for r in token)
            text = "".join(r["text"] for r in token)
            number = _number(text, canvas[t:b, x0:x1] < 128)
            lt, lb = token[0]["line"]
            words.append(Word(text=number or text, box=(x0 + dx, t + dy, x1 + dx, b + dy),
                              line=(max(lt, top) + dy, min(lb, bottom) + dy),
                              conf=min(r["conf"] for r in token), space=token[0]["space"],
                              glyphs=number is not None and number != text))
    return found


def _tokens(rows: list[dict]) -> list[list[dict]]:
    """Tesseract's words grouped as written: the words of a line with no space between."""
    out: list[list[dict]] = []
    for r in rows:
        if out and r["line"] == out[-1][-1]["line"] and \
                (not r["space"] or _narrow_thai_gap(out[-1][-1], r)):
            out[-1].append(r)
        else:
            out.append([r])
    return out


def _narrow_thai_gap(a: dict, b: dict) -> bool:
    """A space tesseract put between two Thai letters where the gap is narrower than a third of
    the line's height: the gap between two syllables of one word (``การส่ง เสริม``), not a space
    (Thai spaces separate phrases and are wide)."""
    if not (_THAI_LETTER.match(a["text"][-1:]) or is_mark(a["text"][-1:])) or \
            not _THAI_LETTER.match(b["text"][:1]):
        return False
    return b["box"][0] - a["box"][2] < (b["line"][1] - b["line"][0]) / 3


_THAI_LETTER = patterns.compile(r"[\u0e01-\u0e4e]")


def _number(text: str, ink: np.ndarray) -> Optional[str]:
    """The glyph reader's reading of a word that may be a number (tesseract read a digit in
    it, or it is short: ๘๖ comes out as ``สล่อ``), None when it is no number."""
    if not (any(ch.isdigit() for ch in text) or len(clusters(text)) <= 4):
        return None
    from pipeline.readers import glyphs
    return glyphs.read_number(ink)


# ---------------------------------------------------------------- to the PDF reader's model

def clusters(text: str) -> list[str]:
    """A word's characters grouped as drawn: each base with the marks after it."""
    out: list[str] = []
    for ch in text:
        if out and is_mark(ch):
            out[-1] += ch
        else:
            out.append(ch)
    return out
