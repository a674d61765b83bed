"""The glyph reader of number tokens (pipeline/readers/glyphs.py) on tokens drawn with Pillow in
the TLWG Thai fonts, with mild blur, noise, specks, margins and ruling-line bits, as a scan's
word box would give them."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from pipeline.readers import glyphs
from pipeline.readers.glyphs import NUMBER_CLASSES, TEMPLATE_PATH, read_number

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("PIL")
from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402



def _make_templates_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_glyph_templates", ROOT / "scripts" / "make_glyph_templates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _make_templates_script()
# fonts the templates are made of, the one held out of them, and the typewriter variants of
# TlwgTypo (not in the templates, but close to it)
TEMPLATE_FAMILIES: tuple[str, ...] = SCRIPT.FAMILIES
HELD_OUT_FAMILY: str = SCRIPT.HELD_OUT
EXTRA_FAMILIES = ("TlwgTypist", "TlwgTypewriter", "TlwgMono")

needs_fonts = pytest.mark.skipif(not FONT_DIR.is_dir(), reason=f"{FONT_DIR} missing")

_FONT_CACHE: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}
_UNIT_CACHE: dict[tuple[str, str], float] = {}


def font_files(families: tuple[str, ...]) -> list[str]:
    out = []
    for family in families:
        for weight in ("", "-Bold"):
            if (FONT_DIR / f"{family}{weight}.ttf").exists():
                out.append(f"{family}{weight}")
    return out


def _font(name: str, em: int) -> ImageFont.FreeTypeFont:
    key = (name, em)
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(str(FONT_DIR / f"{name}.ttf"), em)
    return _FONT_CACHE[key]


def _height_per_em(name: str, ch: str) -> float:
    """Height of ``ch`` in the font, per em: to draw a digit at a chosen pixel height."""
    key = (name, ch)
    if key not in _UNIT_CACHE:
        font = _font(name, 200)
        left, top, right, bottom = font.getbbox(ch, anchor="ls")
        _UNIT_CACHE[key] = (bottom - top) / 200
    return _UNIT_CACHE[key]


def render_token(text: str, font_name: str, digit_height: float, rng: np.random.Generator,
                 noise: bool = True) -> np.ndarray:
    """The ink of ``text`` as a word crop of a scan: the font sized so that ๐ (or 0 for an
    Arabic token) is ``digit_height`` px tall, then mild blur, grey noise, a threshold, a few
    specks, a margin of 0-6 px and sometimes a bit of a ruling line at an edge."""
    ref = "0" if any(c in "0123456789" for c in text) else "๐"
    em = max(8, int(round(digit_height / _height_per_em(font_name, ref))))
    font = _font(font_name, em)
    left, top, right, bottom = font.getbbox(text, anchor="ls")
    pad = 8
    w, h = right - left + 2 * pad, bottom - top + 2 * pad
    image = Image.new("L", (w, h), 0)
    ImageDraw.Draw(image).text((pad - left, pad - top), text, font=font, fill=255, anchor="ls")
    if noise:
        image = image.filter(ImageFilter.GaussianBlur(rng.uniform(0.0, 0.9)))
    grey = np.asarray(image, dtype=np.float64)
    if noise:
        grey = grey + rng.normal(0.0, rng.uniform(0.0, 25.0), grey.shape)
        ink = grey >= rng.uniform(100.0, 170.0)
        # salt specks of a pixel or two
        for _ in range(int(rng.integers(0, 4))):
            y, x = int(rng.integers(0, h - 1)), int(rng.integers(0, w - 1))
            ink[y:y + int(rng.integers(1, 3)), x:x + int(rng.integers(1, 3))] = True
    else:
        ink = grey >= 128
    rows = np.flatnonzero(ink.any(axis=1))
    cols = np.flatnonzero(ink.any(axis=0))
    if len(rows) == 0:
        return ink
    margin = int(rng.integers(0, 7)) if noise else 2
    crop = np.zeros((rows[-1] - rows[0] + 1 + 2 * margin, cols[-1] - cols[0] + 1 + 2 * margin),
                    dtype=bool)
    crop[margin:margin + rows[-1] - rows[0] + 1, margin:margin + cols[-1] - cols[0] + 1] = \
        ink[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    if noise and rng.random() < 0.25:
        crop = _add_ruling(crop, rng)
    return crop


def _add_ruling(crop: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A stray bit of a table line along one edge, a pixel or more clear of the text."""
    h, w = crop.shape
    thick = int(rng.integers(1, 4))
    gap = int(rng.integers(1, 4))
    side = int(rng.integers(0, 4))
    if side < 2:        # above or below
        out = np.zeros((h + thick + gap, w), dtype=bool)
        start = int(rng.integers(0, max(1, w // 3)))
        if side == 0:
            out[thick + gap:] = crop
            out[:thick, start:] = True
        else:
            out[:h] = crop
            out[h + gap:, start:] = True
    else:               # left or right
        out = np.zeros((h, w + thick + gap), dtype=bool)
        start = int(rng.integers(0, max(1, h // 3)))
        if side == 2:
            out[:, thick + gap:] = crop
            out[start:, :thick] = True
        else:
            out[:, :w] = crop
            out[start:, w + gap:] = True
    return out


# ---------------------------------------------------------------- random number tokens

THAI = "๐๑๒๓๔๕๖๗๘๙"
ARABIC = "0123456789"


def random_number(rng: np.random.Generator) -> str:
    """A number as forms write it: mostly Thai digits; amounts with , and ., percentages,
    dates, list numbers, bracketed numbers."""
    digits = THAI if rng.random() < 0.75 else ARABIC

    def run(lo: int, hi: int) -> str:
        return "".join(digits[int(i)] for i in rng.integers(0, 10, int(rng.integers(lo, hi + 1))))

    kind = int(rng.integers(0, 8))
    if kind == 0:
        return run(1, 5)
    if kind == 1:
        return run(1, 3) + "." + run(1, 2)
    if kind == 2:
        return run(1, 3) + "," + run(3, 3) + ("," + run(3, 3) if rng.random() < 0.5 else "")
    if kind == 3:
        return run(1, 3) + "%"
    if kind == 4:
        return run(1, 2) + "/" + run(1, 2) + "/" + run(2, 2)
    if kind == 5:
        return "(" + run(1, 2) + ")"
    if kind == 6:
        return run(1, 2) + ":" + run(2, 2)
    return run(2, 4)


def _read_batch(families: tuple[str, ...], per_font: int, seed: int) -> dict[str, list[int]]:
    """Per font: [exact, None, wrong] over ``per_font`` random tokens; fails on a wrong read."""
    rng = np.random.default_rng(seed)
    counts: dict[str, list[int]] = {}
    wrong: list[tuple[str, str, str]] = []
    for name in font_files(families):
        tally = counts.setdefault(name, [0, 0, 0])
        for _ in range(per_font):
            text = random_number(rng)
            got = read_number(render_token(text, name, rng.uniform(25, 90), rng))
            tally[0 if got == text else 1 if got is None else 2] += 1
            if got is not None and got != text:
                wrong.append((name, text, got))
    assert not wrong, f"wrong numbers: {wrong}"
    return counts


# ---------------------------------------------------------------- the templates file

def test_templates_load_and_hold_every_class():
    with np.load(TEMPLATE_PATH) as data:
        classes = [str(c) for c in data["classes"]]
        labels = set(int(x) for x in data["label"])
        fonts = [str(f) for f in data["fonts"]]
        assert data["bitmaps"].shape == (len(data["label"]), glyphs.BOX * glyphs.BOX // 8)
        assert data["bitmaps"].dtype == np.uint8
    assert TEMPLATE_PATH.stat().st_size < 300_000
    assert "".join(classes) == SCRIPT.CLASSES
    # every number class, every Thai consonant, vowel and mark, every Latin letter
    for ch in NUMBER_CLASSES + SCRIPT.THAI_LETTERS + "ะาำิีึืุูเแโใไ่้๊๋์ั็" + SCRIPT.LATIN:
        assert ch in classes, ch
        assert classes.index(ch) in labels, f"no template for {ch!r}"
    # the held-out family is not in the templates; Laksaman (TH Sarabun New) is, both weights
    assert not any(f.startswith(HELD_OUT_FAMILY) for f in fonts)
    assert {"Laksaman", "Laksaman-Bold"} <= set(fonts)


@needs_fonts
def test_templates_are_deterministic_and_match_the_committed_file(tmp_path: Path):
    subset = "".join(c for c in SCRIPT.CLASSES if c in NUMBER_CLASSES + "ดคตฅสoOl")
    first = SCRIPT.build_templates(families=("Laksaman",), classes=subset)
    second = SCRIPT.build_templates(families=("Laksaman",), classes=subset)
    assert first.keys() == second.keys()
    for key in first:
        np.testing.assert_array_equal(first[key], second[key])
    SCRIPT.write_npz(first, tmp_path / "a.npz")
    SCRIPT.write_npz(second, tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    # the committed file holds the same Laksaman glyphs, in the same order
    with np.load(TEMPLATE_PATH) as data:
        classes = [str(c) for c in data["classes"]]
        fonts = [str(f) for f in data["fonts"]]
        keep = np.array([fonts[f].startswith("Laksaman") and classes[c] in subset
                         for f, c in zip(data["font"], data["label"])])
        np.testing.assert_array_equal(data["bitmaps"][keep], first["bitmaps"])
        np.testing.assert_array_equal(data["top"][keep], first["top"])


# ---------------------------------------------------------------- segmentation

def _flood_labels(ink: np.ndarray) -> np.ndarray:
    """8-connected component labels (1..k, 0 = no ink) by a plain flood fill: the reference
    for the run-length labelling."""
    labels = np.zeros(ink.shape, dtype=np.int64)
    count = 0
    h, w = ink.shape
    for y0, x0 in zip(*np.nonzero(ink)):
        if labels[y0, x0]:
            continue
        count += 1
        labels[y0, x0] = count
        stack = [(y0, x0)]
        while stack:
            y, x = stack.pop()
            for dy in (-1, 0, 1):
                for dx in (-1, 0, 1):
                    ny, nx = y + dy, x + dx
                    if 0 <= ny < h and 0 <= nx < w and ink[ny, nx] and not labels[ny, nx]:
                        labels[ny, nx] = count
                        stack.append((ny, nx))
    return labels


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2 ** 32 - 1), density=st.floats(0.05, 0.6),
       height=st.integers(1, 30), width=st.integers(1, 40))
def test_run_labelling_matches_a_flood_fill(seed: int, density: float, height: int, width: int):
    ink = np.random.default_rng(seed).random((height, width)) < density
    rows, starts, ends = glyphs._runs(ink)
    labels = glyphs._label_runs(rows, starts, ends, width)
    ours = np.zeros(ink.shape, dtype=np.int64)
    for r, a, b, label in zip(rows, starts, ends, labels):
        ours[r, a:b] = label + 1
    np.testing.assert_array_equal(ours > 0, ink)
    reference = _flood_labels(ink)
    # the same partition: labels map one to one
    pairs = set(zip(ours[ink].tolist(), reference[ink].tolist()))
    assert len(pairs) == len(set(ours[ink].tolist())) == len(set(reference[ink].tolist()))


@needs_fonts
@pytest.mark.parametrize("name", ["Laksaman-Bold", "Garuda", "Loma"])
def test_percent_and_colon_are_one_glyph_each(name: str):
    rng = np.random.default_rng(0)
    assert read_number(render_token("๓๐%", name, 40, rng, noise=False)) == "๓๐%"
    assert read_number(render_token("๑๐:๓๐", name, 40, rng, noise=False)) == "๑๐:๓๐"


# ---------------------------------------------------------------- numbers read back

@needs_fonts
@pytest.mark.parametrize("text", ["๘๖", "๙๐", "๑๒๓๔๕", "๒๕๖๙", "๘๕.๒", "1,250,000",
                                  "๑๒/๑๐/๖๘", "๓๐%", "(๕)", "๑.", "๔๗๘", "๑,๒๕๐.๕๐"])
@pytest.mark.parametrize("name", ["Laksaman", "Laksaman-Bold"])
@pytest.mark.parametrize("height", [26, 45, 85])
def test_examples_in_th_sarabun_clone(text: str, name: str, height: int):
    rng = np.random.default_rng(1)
    assert read_number(render_token(text, name, height, rng, noise=False)) == text


@needs_fonts
def test_specks_and_a_ruling_line_are_ignored():
    rng = np.random.default_rng(2)
    ink = render_token("๒๕๖๙", "Laksaman", 40, rng, noise=False)
    h, w = ink.shape
    framed = np.zeros((h + 6, w + 6), dtype=bool)
    framed[3:3 + h, 3:3 + w] = ink
    framed[:, -2:] = True                 # a table line along the right edge
    framed[1, 1] = framed[h + 4, 5] = True  # specks
    assert read_number(framed) == "๒๕๖๙"


_TEXT = st.builds(lambda seed: random_number(np.random.default_rng(seed)),
                  st.integers(0, 2 ** 32 - 1))


# derandomized: the same 60 cases on every run, so a shared CI cannot turn red by chance;
# drop derandomize to explore (10,000+ such tokens were read offline without a wrong number)
@needs_fonts
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, font=st.sampled_from(font_files(TEMPLATE_FAMILIES + (HELD_OUT_FAMILY,))
                                        or ["none"]),
       height=st.floats(25, 90), seed=st.integers(0, 2 ** 32 - 1))
def test_random_numbers_read_back_exactly_or_not_at_all(text: str, font: str, height: float,
                                                        seed: int):
    got = read_number(render_token(text, font, height, np.random.default_rng(seed)))
    assert got in (text, None)


@needs_fonts
def test_none_rate_on_template_fonts_is_low():
    """16 fonts (8 families, regular and bold) at 25-90 px with blur, noise, specks and
    ruling-line bits. This batch of 192: 95.3% exact, 4.7% None, no wrong read; offline over
    2,400 + 1,920 such tokens: 95.0% and 95.3% exact, the rest None, none wrong. About 2% of
    the tokens are made of 0, 1 and ๐ alone, which by design are never read (letter twins)."""
    counts = _read_batch(TEMPLATE_FAMILIES, per_font=12, seed=20260501)
    total = np.sum(list(counts.values()), axis=0)
    assert total[1] / total.sum() <= 0.10, counts


@needs_fonts
def test_held_out_font_never_reads_wrong():
    """Umpush is not in the templates. This batch of 60: 41.7% exact, the rest None, no wrong
    read; offline over 300 + 240 tokens: 54.3% and 55.4% exact (regular 70%, bold 39%), none
    wrong. Its ๘ is drawn like ็ and like the other fonts' ๙, and its bold ๔ like their ๙:
    those come out None."""
    counts = _read_batch((HELD_OUT_FAMILY,), per_font=30, seed=20260502)
    total = np.sum(list(counts.values()), axis=0)
    assert total[0] / total.sum() >= 0.25, counts


# ---------------------------------------------------------------- words are not numbers

WORDS = ["ร้อยละ", "เรื่อง", "วัน", "ครั้ง", "ส่วน", "ค่า", "ตัว", "ดำเนินการ", "ฅน", "ต้น",
         "๑๐วัน", "ข้อ๑", "๕บาท", "ด", "ค", "ต", "ฅ", "ส", "ร", "บ", "ม", "มี", "ดด", "คค", "ตต",
         "o", "O", "l", "I", "lo", "oo", "Ol", "So", "ID", "No."]


@needs_fonts
@pytest.mark.parametrize("name", font_files(TEMPLATE_FAMILIES + (HELD_OUT_FAMILY,)))
def test_words_are_not_numbers(name: str):
    rng = np.random.default_rng(3)
    for n, word in enumerate(WORDS):
        height = (28, 45, 70)[n % 3]
        assert read_number(render_token(word, name, height, rng, noise=n % 2 == 0)) is None, word


@settings(max_examples=60, deadline=None, derandomize=True)
@given(seed=st.integers(0, 2 ** 32 - 1), height=st.integers(1, 120), width=st.integers(1, 300),
       density=st.floats(0.0, 1.0))
def test_noise_is_never_a_number(seed: int, height: int, width: int, density: float):
    ink = np.random.default_rng(seed).random((height, width)) < density
    assert read_number(ink) is None


def test_blank_and_odd_input():
    assert read_number(np.zeros((30, 40), dtype=bool)) is None
    assert read_number(np.zeros((0, 0), dtype=bool)) is None
    assert read_number(np.ones((30, 40), dtype=bool)) is None
    speck = np.zeros((30, 40), dtype=bool)
    speck[10, 10] = True
    assert read_number(speck) is None
    assert read_number(np.zeros((4, 5, 3), dtype=bool)) is None
