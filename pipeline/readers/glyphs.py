"""Reads number tokens (Thai or Arabic digits and number punctuation) from a word's ink.

Tesseract's Thai model cannot output ๔ ๖ ๗ ๘ ๙, so the OCR reader hands each word box here:
``read_number(ink)`` returns the token's text when every glyph in it is confidently a digit
or one of ``. , % - / : ( )``, else None. Being unsure is fine (the caller keeps tesseract's
text); a wrong number is not, so every doubt ends in None.

How: connected components (run-length labelling in numpy); specks and stray ruling lines
dropped; parts stacked one above another merged (``:``, a letter and its mark), the rings of
``%`` joined to its slash, touching glyphs cut apart where both pieces read as digits; each
glyph scaled into a 32×32 box keeping its aspect ratio and matched against templates of
digits, punctuation and every Thai and Latin letter, rendered from the TLWG fonts
(schemas/glyphs/templates.npz, made by scripts/make_glyph_templates.py). A glyph is a number
glyph only when no letter comes close; at least one digit must be beyond doubt; and the glyph
tops and bottoms must fit one template font's metrics (so a tone mark cannot pass for a comma,
nor a speck for a dot).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

import numpy as np

__all__ = ["read_number", "segment", "merge_glyphs", "normalise", "features", "Glyph",
           "TEMPLATE_PATH", "BOX", "THAI_DIGITS", "ARABIC_DIGITS", "NUMBER_PUNCTUATION",
           "NUMBER_CLASSES"]

TEMPLATE_PATH = Path(__file__).resolve().parents[2] / "schemas" / "glyphs" / "templates.npz"

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
NUMBER_PUNCTUATION = ".,%-/:()"
NUMBER_CLASSES = THAI_DIGITS + ARABIC_DIGITS + NUMBER_PUNCTUATION

BOX = 32            # side of the normalised glyph bitmap (templates are stored at this size)
_POOL = 2           # features: BOX/_POOL squared, blurred

# Signs that only ever sit above or below the line (Thai vowel and tone marks) or high up
# (quotes, degree): one of them may be drawn like a digit or a dot, but never where a digit
# sits, so when such a sign is a digit's only rival the glyph heights and positions decide.
_OFF_LINE = "ัิีึืฺุู็่้๊๋์ํ๎ำ°'`\"^’‘“”·"
# Letters drawn like a number glyph in some fonts. When they are a glyph's only rivals it is
# still read as the number glyph, but it cannot be the token's only evidence (a lone "o" is
# not read as ๐), and the size check against the other glyphs still applies.
_LOOKALIKES: dict[str, str] = {
    "๐": "oO", "0": "oOQD", "1": "lI|!][ไใโ", "2": "Z", "5": "S", "6": "b", "8": "B", "9": "gq",
    "(": "[{<", ")": "]}>", "-": "_–—~", "/": "\\", ":": ";", ",": ";",
}
# number glyphs whose lookalikes may match far better (a serif 1 and an l differ by a small
# flag; a bracket and a brace by a small bump): none of those lookalikes is a Thai letter
# that could stand among digits
_FAR_LOOKALIKES = "1()/-:"
_DIGITS = THAI_DIGITS + ARABIC_DIGITS

# Decision thresholds, tuned on rendered tokens: on the template fonts a glyph lies within
# 1.6 of its class (99th percentile) with the next class at least 1.67 times farther, while in
# unseen fonts digits are confused at distances above 2.4 and ratios below 1.3.
_MAX_DIST = 3.0          # shape distance above which a glyph is not trusted at all
_MARGIN = 1.25           # a rival class must be this many times farther than the best one
_SURE_MARGIN = 1.4       # ... and this much for a glyph to vouch for the token on its own
# digits with a letter twin in some font (0 and O, 1 and l in Kinnari, ๐ and o in Laksaman):
# they never vouch for a token on their own, so "ll" or "oo" cannot pass for a number
_NEVER_SURE = "01๐"
_GEOMETRY_TOL = 0.10     # glyph top/bottom vs a font's metrics, in units of its ๐ height (the
_GEOMETRY_PX = 1.0       # template fonts stay within 0.053), less this many pixels of slack
_SIZE_RANGE = (0.6, 1.7)  # a dot's, comma's or dash's height and width vs the font's
_SPECK = 0.075           # components smaller than this × the glyph height are noise


@dataclass
class Glyph:
    """One glyph: its box in the crop (bottom/right exclusive) and its own ink."""
    top: int
    left: int
    bottom: int
    right: int
    bitmap: np.ndarray      # bool, (bottom - top) × (right - left)

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def stacked(self) -> bool:
        """Made of parts one above another with blank rows between (: or a letter and its
        vowel or tone mark)."""
        return not bool(self.bitmap.any(axis=1).all())


# ---------------------------------------------------------------- connected components

def _runs(ink: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Horizontal runs of ink: row, start column, end column (exclusive), in row-major order."""
    h, w = ink.shape
    padded = np.zeros((h, w + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    step = np.diff(padded, axis=1)
    rows, starts = np.nonzero(step == 1)
    _, ends = np.nonzero(step == -1)
    return rows, starts, ends


def _label_runs(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray, width: int) -> np.ndarray:
    """Component label (0..k-1) of every run, 8-connected."""
    n = len(rows)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    stride = width + 2
    start_key = rows * stride + starts
    end_key = rows * stride + ends
    # runs of the row above that touch run b (8-connectivity: a.start <= b.end and b.start <= a.end,
    # ends exclusive) form one contiguous slice [lo, hi] of the row-major run list
    above = (rows - 1) * stride
    lo = np.searchsorted(end_key, above + starts, side="left")
    hi = np.searchsorted(start_key, above + ends, side="right") - 1
    count = np.maximum(hi - lo + 1, 0)
    b = np.repeat(np.arange(n), count)
    offsets = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    a = np.repeat(lo, count) + offsets
    # union-find by hooking the larger root under the smaller, then pointer jumping
    parent = np.arange(n)
    while len(a):
        ra, rb = parent[a], parent[b]
        small, large = np.minimum(ra, rb), np.maximum(ra, rb)
        differ = small != large
        if not differ.any():
            break
        np.minimum.at(parent, large[differ], small[differ])
        while True:
            jumped = parent[parent]
            if np.array_equal(jumped, parent):
                break
            parent = jumped
    _, labels = np.unique(parent, return_inverse=True)
    return labels


def _paint(rows: np.ndarray, starts: np.ndarray, ends: np.ndarray,
           top: int, left: int, height: int, width: int) -> np.ndarray:
    """The bitmap of some runs inside the box (top, left, height, width)."""
    acc = np.zeros((height, width + 1), dtype=np.int32)
    np.add.at(acc, (rows - top, starts - left), 1)
    np.add.at(acc, (rows - top, ends - left), -1)
    return np.cumsum(acc, axis=1)[:, :width] > 0


def segment(ink: np.ndarray) -> list[Glyph]:
    """The glyphs of a word crop, left to right: components minus specks and border lines,
    the parts of one glyph (stacked one over another) merged."""
    ink = np.asarray(ink, dtype=bool)
    if ink.ndim != 2 or not ink.any():
        return []
    crop_h, crop_w = ink.shape
    rows, starts, ends = _runs(ink)
    labels = _label_runs(rows, starts, ends, crop_w)
    k = int(labels.max()) + 1
    top = np.full(k, crop_h)
    bottom = np.zeros(k, dtype=np.int64)
    left = np.full(k, crop_w)
    right = np.zeros(k, dtype=np.int64)
    np.minimum.at(top, labels, rows)
    np.maximum.at(bottom, labels, rows + 1)
    np.minimum.at(left, labels, starts)
    np.maximum.at(right, labels, ends)
    heights = bottom - top
    widths = right - left

    keep = np.ones(k, dtype=bool)
    # a stray piece of a table ruling line: thin, long, touching the crop's border
    if k > 1:
        long_side = np.maximum(heights, widths)
        thin = long_side >= 7 * np.minimum(heights, widths)
        vertical = (heights > widths) & ((left <= 1) | (right >= crop_w - 1))
        horizontal = (widths > heights) & ((top <= 1) | (bottom >= crop_h - 1))
        keep &= ~(thin & (vertical | horizontal))
    if not keep.any():
        return []
    # specks: tiny against the typical glyph height (the tall components' median); a full
    # stop or a dot of : is at least 0.094 of that in every template font (Sawasdee's dot
    # beside its Arabic digits), so none of a number is lost
    tall = heights[keep] >= 0.5 * heights[keep].max()
    typical = float(np.median(heights[keep][tall]))
    keep &= np.maximum(heights, widths) >= max(2.0, _SPECK * typical)
    if not keep.any():
        return []

    # merge the parts of one glyph: stacked components that share half the narrower one's
    # columns (the dots of :, a mark over its letter, a detached tail); the rings of % sit
    # beside its slash and are joined by read_number
    ids = np.flatnonzero(keep)
    root = {int(i): int(i) for i in ids}

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    order = ids[np.argsort(left[ids], kind="stable")]
    for x, i in enumerate(order):
        for j in order[x + 1:]:
            if left[j] >= right[i]:
                break
            narrower = min(widths[i], widths[j])
            overlap = min(right[i], right[j]) - left[j]
            shared_rows = min(bottom[i], bottom[j]) - max(top[i], top[j])
            # stacked (one above the other); a slash leaning over its neighbour, or a dot under
            # an overhanging tail, shares its rows and stays apart
            stacked = shared_rows <= 0.3 * min(heights[i], heights[j])
            if overlap >= 0.5 * narrower and stacked:
                ri, rj = find(int(i)), find(int(j))
                if ri != rj:
                    root[max(ri, rj)] = min(ri, rj)

    groups: dict[int, list[int]] = {}
    for i in ids:
        groups.setdefault(find(int(i)), []).append(int(i))
    run_order = np.argsort(labels, kind="stable")
    run_bounds = np.searchsorted(labels[run_order], np.arange(k + 1))
    glyphs = []
    for members in groups.values():
        g_top = int(top[members].min())
        g_bottom = int(bottom[members].max())
        g_left = int(left[members].min())
        g_right = int(right[members].max())
        picked = np.concatenate([run_order[run_bounds[m]:run_bounds[m + 1]] for m in members])
        bitmap = _paint(rows[picked], starts[picked], ends[picked], g_top, g_left,
                        g_bottom - g_top, g_right - g_left)
        glyphs.append(Glyph(g_top, g_left, g_bottom, g_right, bitmap))
    glyphs.sort(key=lambda g: (g.left + g.right, g.top))
    return glyphs


# ---------------------------------------------------------------- normalisation and features

@lru_cache(maxsize=4096)
def _area_weights(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) matrix averaging input pixels over each output pixel's span."""
    edges = np.linspace(0.0, n_in, n_out + 1)
    pixel = np.arange(n_in, dtype=np.float64)
    lo = np.maximum(edges[:-1, None], pixel[None, :])
    hi = np.minimum(edges[1:, None], pixel[None, :] + 1.0)
    weights = np.clip(hi - lo, 0.0, None)
    return weights / weights.sum(axis=1, keepdims=True)


def normalise(bitmap: np.ndarray) -> np.ndarray:
    """The glyph scaled (area average) so its longer side fills BOX, centred, thresholded.
    The aspect ratio is kept, so ๑ and ๐, 1 and l still differ in shape."""
    h, w = bitmap.shape
    if BOX * h * w > 200_000:
        # a big glyph is first averaged over f×f blocks (padded with blank), so that the
        # products below stay small enough for BLAS to keep them on one core
        f = -(-max(h, w) // 64)
        padded = np.zeros((-(-h // f) * f, -(-w // f) * f), dtype=np.uint16)
        padded[:h, :w] = bitmap
        h, w = padded.shape[0] // f, padded.shape[1] // f
        image = padded.reshape(h, f, w, f).sum(axis=(1, 3)) / float(f * f)
    else:
        image = bitmap.astype(np.float64)
    scale = BOX / max(h, w)
    out_h = min(BOX, max(1, int(round(h * scale))))
    out_w = min(BOX, max(1, int(round(w * scale))))
    scaled = _area_weights(h, out_h) @ image @ _area_weights(w, out_w).T
    box = np.zeros((BOX, BOX), dtype=bool)
    y, x = (BOX - out_h) // 2, (BOX - out_w) // 2
    box[y:y + out_h, x:x + out_w] = scaled >= 0.5
    return box


def features(boxes: np.ndarray) -> np.ndarray:
    """Shape vectors of normalised glyphs (n, BOX, BOX): pooled to 16×16 and blurred, so that
    a stroke a pixel off costs little."""
    n = boxes.shape[0]
    side = BOX // _POOL
    pooled = boxes.reshape(n, side, _POOL, side, _POOL).mean(axis=(2, 4))
    padded = np.pad(pooled, ((0, 0), (1, 1), (1, 1)))
    blurred = (padded[:, :-2] + 2 * padded[:, 1:-1] + padded[:, 2:]) / 4
    blurred = (blurred[:, :, :-2] + 2 * blurred[:, :, 1:-1] + blurred[:, :, 2:]) / 4
    return blurred.reshape(n, side * side).astype(np.float32)


# ---------------------------------------------------------------- templates

@dataclass
class _Templates:
    classes: list[str]
    number: np.ndarray          # bool per class
    label: np.ndarray           # class index per sample
    feats: np.ndarray           # (samples, dims)
    sq_norms: np.ndarray
    metrics: np.ndarray         # (fonts, number classes, 3): top and bottom above the baseline,
                                # width; units: the font's ๐ height
    known: np.ndarray           # (fonts, number classes) bool: metric measured
    core: np.ndarray            # bool per class: neither an off-line sign nor a lookalike letter
    present: np.ndarray         # classes that have samples
    starts: np.ndarray          # first sample of each present class (samples sorted by class)


_CACHE: dict[str, _Templates] = {}


def _templates() -> _Templates:
    """The templates, loaded once per process."""
    cached = _CACHE.get("templates")
    if cached is not None:
        return cached
    with np.load(TEMPLATE_PATH) as data:
        classes = [str(c) for c in data["classes"]]
        label = data["label"].astype(np.int64)
        bits = np.unpackbits(data["bitmaps"], axis=1)[:, :BOX * BOX].reshape(-1, BOX, BOX)
        top = data["top"].astype(np.float64)
        bottom = data["bottom"].astype(np.float64)
        width = data["width"].astype(np.float64)
        font = data["font"].astype(np.int64)
        n_fonts = len(data["fonts"])
    # samples grouped by class, so the nearest sample of each class is one reduceat
    order = np.argsort(label, kind="stable")
    label, bits, top, bottom, width, font = (a[order]
                                             for a in (label, bits, top, bottom, width, font))
    feats = features(bits.astype(bool))
    number = np.array([c in NUMBER_CLASSES for c in classes])
    metrics = np.zeros((n_fonts, len(NUMBER_CLASSES), 3))
    known = np.zeros((n_fonts, len(NUMBER_CLASSES)), dtype=bool)
    for n, ch in enumerate(NUMBER_CLASSES):
        if ch not in classes:
            continue
        of_class = label == classes.index(ch)
        for f in range(n_fonts):
            sel = of_class & (font == f)
            if sel.any():
                metrics[f, n] = (top[sel].mean(), bottom[sel].mean(), width[sel].mean())
                known[f, n] = True
    lookalike = set(_OFF_LINE) | set("".join(_LOOKALIKES.values()))
    core = np.array([c not in lookalike for c in classes])
    present = np.unique(label)
    starts = np.searchsorted(label, present)
    loaded = _Templates(classes, number, label, feats, (feats ** 2).sum(axis=1), metrics, known,
                        core, present, starts)
    _CACHE["templates"] = loaded
    return loaded


# ---------------------------------------------------------------- reading

def merge_glyphs(parts: list[Glyph]) -> Glyph:
    """One glyph made of several (the rings and slash of %)."""
    top = min(g.top for g in parts)
    left = min(g.left for g in parts)
    bottom = max(g.bottom for g in parts)
    right = max(g.right for g in parts)
    bitmap = np.zeros((bottom - top, right - left), dtype=bool)
    for g in parts:
        bitmap[g.top - top:g.bottom - top, g.left - left:g.right - left] |= g.bitmap
    return Glyph(top, left, bottom, right, bitmap)


def _class_distances(t: _Templates, glyphs: list[Glyph]) -> np.ndarray:
    """(glyphs, classes): distance from each glyph to the nearest sample of each class."""
    boxes = np.stack([normalise(g.bitmap) for g in glyphs])
    q = features(boxes)
    # OpenBLAS runs a product this size on every core, and when the cores are busy (parallel
    # workers) its threads spin for milliseconds; blocks under its threading threshold
    # (about 262k multiply-adds) stay on one core and take well under a millisecond in all
    step = max(16, 200_000 // (len(glyphs) * t.feats.shape[1]))
    dots = np.concatenate([t.feats[i:i + step] @ q.T for i in range(0, len(t.feats), step)])
    d2 = (q ** 2).sum(axis=1)[:, None] + t.sq_norms[None, :] - 2.0 * dots.T
    best = np.full((len(glyphs), len(t.classes)), np.inf, dtype=np.float32)
    best[:, t.present] = np.sqrt(np.maximum(np.minimum.reduceat(d2, t.starts, axis=1), 0.0))
    return best


def _candidates(t: _Templates, row: np.ndarray) -> tuple[list[str], bool]:
    """The number classes a glyph may be, best first, and whether it is sure (a digit with no
    rival of any kind within _SURE_MARGIN, and not one of _NEVER_SURE). Empty when a letter is
    among its close matches or nothing matches well.

    Off-line signs and lookalike letters do not take part in picking the best class: the first
    are told apart by position later, the second are accepted as the digit they look like."""
    core = t.core
    best_core = int(np.flatnonzero(core)[np.argmin(row[core])])
    d = float(row[best_core])
    if not t.number[best_core] or d > _MAX_DIST:
        return [], False
    close = np.flatnonzero(row <= max(d, 1e-6) * _MARGIN)
    close = close[np.argsort(row[close], kind="stable")]
    numbers = [t.classes[c] for c in close if t.number[c]]
    allowed = _OFF_LINE + "".join(_LOOKALIKES.get(n, "") for n in numbers)
    if any(t.classes[c] not in allowed for c in close if not t.number[c]):
        return [], False
    # a far closer off-line sign is fine (position tells), a far closer lookalike only for
    # some classes
    allowed = _OFF_LINE + ("".join(_LOOKALIKES[numbers[0]])
                           if len(numbers) == 1 and numbers[0] in _FAR_LOOKALIKES else "")
    better = np.flatnonzero(row < d / _MARGIN)
    if any(t.classes[c] not in allowed for c in better if not t.number[c]):
        return [], False
    # sure: the best of all classes, with every other one well behind
    rivals = np.flatnonzero(row <= max(d, 1e-6) * _SURE_MARGIN)
    sure = len(rivals) == 1 and float(row.min()) >= d and numbers[0] not in _NEVER_SURE
    return numbers, sure


def _small_candidates(t: _Templates, row: np.ndarray, g: Glyph) -> tuple[list[str], bool]:
    """A glyph of a dot's or a dash's size among digits: . or , (or -, if flat), by shape;
    never a sure read, and its position is checked with the rest."""
    options = "-" if g.width >= 1.5 * g.height else ".,"
    idx = [t.classes.index(c) for c in options]
    d = row[idx]
    best = float(d.min())
    if best > 2 * _MAX_DIST:
        return [], False
    order = np.argsort(d, kind="stable")
    return [options[i] for i in order if d[i] <= max(best, 1e-6) * _MARGIN], False


def _trim(bitmap: np.ndarray, top: int, left: int) -> Optional[Glyph]:
    """The glyph of a bitmap cut out of a bigger one, its box shrunk to its ink."""
    rows = np.flatnonzero(bitmap.any(axis=1))
    cols = np.flatnonzero(bitmap.any(axis=0))
    if len(rows) == 0:
        return None
    part = bitmap[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    return Glyph(top + int(rows[0]), left + int(cols[0]), top + int(rows[-1]) + 1,
                 left + int(cols[-1]) + 1, part)


def _split(t: _Templates, g: Glyph,
           ref_height: float) -> Optional[list[tuple[Glyph, tuple[list[str], bool]]]]:
    """Glyphs that touch (bold type, a tail that overhangs its neighbour) read as one that
    does not match anything: cut off, left to right, the piece left of a column of least ink
    when it reads as a sure digit, and keep the cuts only if every piece so reads. Greedy and
    at most four cuts, so a wide letter costs a few matches, not a search."""
    pieces: list[tuple[Glyph, tuple[list[str], bool]]] = []
    rest = g
    for _ in range(4):
        if not _wide(rest, ref_height):
            return None
        trials = []
        narrowest = int(0.25 * ref_height)
        ink = rest.bitmap.sum(axis=0).astype(np.float64)
        inner = ink[narrowest:rest.width - narrowest]
        # cut columns: local minima of the ink profile, thinnest first
        left_n = np.concatenate(([np.inf], inner[:-1]))
        right_n = np.concatenate((inner[1:], [np.inf]))
        minima = np.flatnonzero((inner <= left_n) & (inner <= right_n)) + narrowest
        for x in minima[np.argsort(ink[minima], kind="stable")][:4]:
            a = _trim(rest.bitmap[:, :x], rest.top, rest.left)
            b = _trim(rest.bitmap[:, x:], rest.top, rest.left + int(x))
            if a is not None and b is not None:
                trials.append((a, b))
        if not trials:
            return None
        reads = [_candidates(t, row)
                 for row in _class_distances(t, [p for pair in trials for p in pair])]
        chosen = None
        for n, (a, b) in enumerate(trials):
            if _sure_piece(a, reads[2 * n], ref_height):
                if _sure_piece(b, reads[2 * n + 1], ref_height):
                    return pieces + [(a, reads[2 * n]), (b, reads[2 * n + 1])]
                if chosen is None:
                    chosen = n
        if chosen is None:
            return None
        pieces.append((trials[chosen][0], reads[2 * chosen]))
        rest = trials[chosen][1]
    return None


def _wide(g: Glyph, ref_height: float) -> bool:
    """Wide enough to be two glyphs side by side; a wide letter (ฒ, ฬ, ม) is not, so it is
    not cut into digit-like pieces."""
    return g.width >= 1.2 * ref_height


def _sure_piece(g: Glyph, read: tuple[list[str], bool], ref_height: float) -> bool:
    numbers, sure = read
    return sure and numbers[0] in _DIGITS + "%/" and g.height >= 0.6 * ref_height


def _percent_merges(glyphs: list[Glyph]) -> list[list[int]]:
    """Runs of glyphs that may be one %: a slash with a ring at its top left and/or one at its
    bottom right (one ring may already be joined to the slash), overlapping it horizontally."""
    runs = []
    for s, slash in enumerate(glyphs):
        before = s > 0 and _ring_of(glyphs[s - 1], slash, upper=True)
        after = s + 1 < len(glyphs) and _ring_of(glyphs[s + 1], slash, upper=False)
        if before and after:
            runs.append([s - 1, s, s + 1])
        elif before:
            runs.append([s - 1, s])
        elif after:
            runs.append([s, s + 1])
    return runs


def _ring_of(ring: Glyph, slash: Glyph, upper: bool) -> bool:
    h = slash.height
    if ring.height > 0.7 * h or ring.height < 0.2 * h:
        return False
    overlap = min(ring.right, slash.right) - max(ring.left, slash.left)
    if overlap <= 0:
        return False
    if upper:
        return abs(ring.top - slash.top) <= 0.2 * h and ring.left < slash.left
    return abs(ring.bottom - slash.bottom) <= 0.2 * h and ring.right > slash.right


def _geometry_error(t: _Templates, glyphs: list[Glyph], assigned: list[str]) -> np.ndarray:
    """For each glyph, how far its top and bottom lie from where a template font puts that
    class, in units of the font's ๐ height, less a pixel of quantisation slack. Per font, the
    scale and baseline are fitted (least squares) to the digits alone, so that a misread
    bracket or dot cannot bend the fit; the font that fits worst glyph best is taken."""
    idx = np.array([NUMBER_CLASSES.index(c) for c in assigned])
    is_digit = np.array([c in _DIGITS for c in assigned])
    fonts = np.flatnonzero(t.known[:, idx].all(axis=1))
    if len(fonts) == 0 or not is_digit.any():
        return np.full(len(glyphs), np.inf)
    # observed: y of top and bottom edges (downwards); model: y = y0 - R * metric
    y = np.array([[g.top, g.bottom] for g in glyphs], dtype=np.float64)
    x = t.metrics[fonts][:, idx, :2]                      # (fonts, glyphs, 2)
    xd, yd = x[:, is_digit, :].reshape(len(fonts), -1), y[is_digit].ravel()
    xm = xd.mean(axis=1, keepdims=True)
    ym = yd.mean()
    var = ((xd - xm) ** 2).sum(axis=1)
    scale = -((xd - xm) * (yd - ym)).sum(axis=1) / np.maximum(var, 1e-9)
    y0 = ym + scale * xm[:, 0]
    predicted = y0[:, None, None] - scale[:, None, None] * x
    resid = np.abs(y[None, :, :] - predicted).max(axis=2)
    err = np.maximum(resid - _GEOMETRY_PX, 0.0) / np.maximum(scale, 1e-9)[:, None]
    # dots, commas, dashes: also their size, so that a speck is not a full stop
    small = np.array([c in ".,-:" for c in assigned])
    if small.any():
        size = np.array([[g.height, g.width] for g in glyphs], dtype=np.float64)[small]
        metric = t.metrics[fonts][:, idx[small], :]
        expected = np.stack([metric[..., 0] - metric[..., 1], metric[..., 2]], axis=2)
        expected = scale[:, None, None] * expected
        # no slack below (a 2 px speck must not pass for a 3.5 px dot), 2 px above (a dash
        # one stroke thick)
        off = ((size[None] < _SIZE_RANGE[0] * expected)
               | (size[None] > _SIZE_RANGE[1] * expected + 2.0)).any(axis=2)
        err[:, small] = np.where(off, np.inf, err[:, small])
    err[scale <= 0] = np.inf
    return err[int(np.argmin(err.max(axis=1)))]


def _syntax_ok(text: str) -> bool:
    """Plain shape of a number token: starts with a digit, ( or -, ends with a digit, ), % or .,
    one script of digits, no two separators in a row, % only at the end."""
    digits = [c for c in text if c in _DIGITS]
    if not digits:
        return False
    if any(c in THAI_DIGITS for c in digits) and any(c in ARABIC_DIGITS for c in digits):
        return False
    if text[0] not in _DIGITS + "(-" or text[-1] not in _DIGITS + ")%.":
        return False
    for a, b in zip(text, text[1:]):
        if a in ".,/:-%" and b in ".,/:-%":
            return False
        if a == "%" and b != ")":
            return False
    # brackets: one pair around digits, as in (๕), ๕(๒) or (๓๐%), or a list number's ๑)
    opening, closing = text.count("("), text.count(")")
    if opening > 1 or closing > 1 or opening > closing:
        return False
    if opening and not (text.index("(") < text.index(")")
                        and text[text.index("(") + 1] in _DIGITS):
        return False
    if closing and (text[text.index(")") - 1] not in _DIGITS + "%"
                    or text.index(")") < len(text) - 1):
        return False
    return True


def read_number(ink: np.ndarray) -> Optional[str]:
    """The number token drawn in ``ink`` (2-D bool, True = ink, one word's crop), e.g. ``๘๖``,
    ``๒๕๖๙``, ``1,250,000``, ``๑๒/๑๐/๖๘``, ``(๕)``; None when any glyph is a letter or a mark,
    or is not read with confidence."""
    return _read(ink)[0]


def _read(ink: np.ndarray) -> tuple[Optional[str], str]:
    """read_number, with the reason of a None (for tuning and tests)."""
    glyphs = segment(ink)
    if not glyphs or len(glyphs) > 40:
        return None, "no glyphs" if not glyphs else "too many glyphs"
    t = _templates()
    found = [_candidates(t, row) for row in _class_distances(t, glyphs)]
    # the typical glyph height: how wide two touching glyphs are, how narrow a cut piece
    heights = np.array([g.height for g in glyphs], dtype=np.float64)
    ref_height = float(np.median(heights[heights >= 0.5 * heights.max()]))

    # the rings of % stand beside its slash: try them as one glyph
    runs = _percent_merges(glyphs)
    if runs:
        merged = [merge_glyphs([glyphs[i] for i in r]) for r in runs]
        merged_found = [_candidates(t, row) for row in _class_distances(t, merged)]
        taken: set[int] = set()
        for r, g, f in sorted(zip(runs, merged, merged_found), key=lambda x: -x[0][0]):
            if f[0] == ["%"] and not taken & set(r):
                taken |= set(r)
                glyphs[r[0]:r[-1] + 1] = [g]
                found[r[0]:r[-1] + 1] = [f]

    # dots, commas and dashes are too small for their shape to tell them from a speck or a
    # mark: among the digits only . , - are that small, and their position decides
    digit_heights = [g.height for g, (numbers, _) in zip(glyphs, found)
                     if numbers and numbers[0] in _DIGITS]
    if digit_heights:
        digit_height = float(np.median(digit_heights))
        small = [n for n, g in enumerate(glyphs) if not g.stacked and (
                 (g.height < 0.7 * digit_height and g.width < 0.35 * digit_height)
                 or (g.height < 0.25 * digit_height and g.width >= 1.5 * g.height))]
        if small:
            rows = _class_distances(t, [glyphs[n] for n in small])
            for n, row in zip(small, rows):
                found[n] = _small_candidates(t, row, glyphs[n])

    for n, g in enumerate(glyphs):
        if not found[n][0] and not _wide(g, ref_height):
            return None, f"glyph {n} is not a number glyph"
    n = 0
    while n < len(glyphs):
        if not found[n][0]:
            pieces = _split(t, glyphs[n], ref_height)
            if pieces is None:
                return None, f"glyph {n} is not a number glyph"
            glyphs[n:n + 1] = [p for p, _ in pieces]
            found[n:n + 1] = [f for _, f in pieces]
            n += len(pieces) - 1
        n += 1
    if not any(sure and numbers[0] in _DIGITS for numbers, sure in found):
        return None, "no sure digit"
    # several number classes match: only . and , are told apart, by position
    for n, (numbers, _) in enumerate(found):
        if len(numbers) > 1 and not set(numbers) <= {".", ","}:
            return None, f"glyph {n} may be any of {numbers}"
    assigned = [numbers[0] for numbers, _ in found]
    for g, (numbers, _) in enumerate(found):
        if len(numbers) > 1:
            errs = []
            for option in numbers:
                trial = assigned[:g] + [option] + assigned[g + 1:]
                errs.append(float(_geometry_error(t, glyphs, trial).max()))
            order = np.argsort(errs)
            if errs[order[1]] - errs[order[0]] < 0.1:
                return None, f"glyph {g}: . or ,"
            assigned[g] = numbers[int(order[0])]
    for n, g in enumerate(glyphs):
        # only : is drawn in parts stacked with a gap; any other such glyph is a letter with
        # a mark above or below it (มี can look like a 0)
        if g.stacked and assigned[n] != ":":
            return None, f"glyph {n} has a part above or below it"
        # a dot under a neighbour's overhanging tail may be the rest of a : that touches it
        if assigned[n] in ".," and any(min(g.right, o.right) > max(g.left, o.left)
                                        for o in glyphs[max(0, n - 1):n] + glyphs[n + 1:n + 2]):
            return None, f"glyph {n}: a dot under its neighbour"
    text = "".join(assigned)
    if not _syntax_ok(text):
        return None, f"not a number: {text}"
    err = _geometry_error(t, glyphs, assigned)
    if float(err.max()) > _GEOMETRY_TOL:
        return None, f"sizes/positions off ({text}, glyph {int(err.argmax())}: {err.max():.2f})"
    return text, "ok"
