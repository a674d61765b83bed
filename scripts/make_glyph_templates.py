"""Renders the glyph templates of pipeline/readers/glyphs.py into schemas/glyphs/templates.npz.

    python scripts/make_glyph_templates.py [--out PATH]

Every class (Thai and Arabic digits, the punctuation of numbers, and every Thai and Latin letter
and mark as "not a number") is drawn with Pillow in the TLWG Thai fonts, regular and bold, cut
into glyphs by the reader's own segmentation, scaled into a 32×32 box (aspect kept) and stored
as packed bits, with each glyph's top and bottom above the baseline and its width in units of
that font's ๐ height (the reader checks a token's glyph sizes and positions against them). Laksaman, the free
clone of TH Sarabun New that most forms use, is weighted: it is also drawn small and with thin
and thick strokes. One family (HELD_OUT) is left out so the tests can measure how the reader
does on a font it has not seen.

The output is byte-for-byte the same on a rerun with the same fonts and Pillow (fixed zip
timestamps, fixed order).
"""
from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path
from typing import Iterable, Optional

import numpy as np
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.readers.glyphs import (BOX, NUMBER_CLASSES, TEMPLATE_PATH, Glyph,  # noqa: E402
                                     merge_glyphs, normalise, segment)

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
# Families drawn into the templates. Purisa (handwriting) and the typewriter variants of
# TlwgTypo (Typist, Typewriter, Mono) are not: forms are not set in them.
FAMILIES = ("Laksaman", "Garuda", "Norasi", "Kinnari", "Loma", "Waree", "Sawasdee", "TlwgTypo")
HELD_OUT = "Umpush"     # a looped Thai face with sans Latin, left out to measure generalisation
WEIGHTS = ("", "-Bold")
MAIN_FAMILY = "Laksaman"

LARGE_EM = 128          # drawing size of every template (digit heights about 45-60 px)
SMALL_EM = 56           # digits and Laksaman again, small, as a 25 px glyph rasterises
THRESHOLDS = (128,)     # anti-aliased coverage taken as ink
MAIN_THRESHOLDS = (128, 64, 192)   # Laksaman also with thick and thin strokes

THAI_LETTERS = "".join(chr(c) for c in range(0x0E01, 0x0E2F))          # ก..ฮ, ฤ, ฦ
THAI_SIGNS = "ฯะัาำิีึืฺุู฿เแโใไๅๆ็่้๊๋์ํ๎๏๚๛"
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
OTHER_MARKS = "'\"`;!?+=*&#@_[]{}<>|\\~^$°·–—"
NOT_NUMBER = THAI_LETTERS + THAI_SIGNS + LATIN + OTHER_MARKS
CLASSES = NUMBER_CLASSES + NOT_NUMBER


def _render(font: ImageFont.FreeTypeFont, ch: str, em: int,
            threshold: int) -> tuple[np.ndarray, int]:
    """Ink of one character and the baseline's row. Basic layout, so a lone combining mark is
    drawn where it sits over a consonant, without the dotted circle that shaping would add."""
    size = 3 * em
    image = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(image)
    baseline = 2 * em
    draw.text((em, baseline), ch, font=font, fill=255, anchor="ls")
    return np.asarray(image) >= threshold, baseline


def _font(path: Path, em: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(path), em, layout_engine=ImageFont.Layout.BASIC)


def _join_nested(glyphs: list[Glyph]) -> list[Glyph]:
    """A letter's pieces that share columns (the dot inside ๏'s ring) as one template: alone,
    the ring would be a second ๐ labelled as a letter."""
    out: list[Glyph] = []
    for g in glyphs:
        if out:
            last = out[-1]
            overlap = min(last.right, g.right) - max(last.left, g.left)
            if overlap >= 0.5 * min(last.width, g.width):
                out[-1] = merge_glyphs([last, g])
                continue
        out.append(g)
    return out


def _variants(family: str) -> list[tuple[int, int, bool]]:
    """(em, threshold, letters too) drawings of a family."""
    if family == MAIN_FAMILY:
        return [(LARGE_EM, th, True) for th in MAIN_THRESHOLDS] + [(SMALL_EM, 128, True)]
    return [(LARGE_EM, th, True) for th in THRESHOLDS] + [(SMALL_EM, 128, False)]


def build_templates(families: Iterable[str] = FAMILIES, classes: str = CLASSES,
                    font_dir: Path = FONT_DIR) -> dict[str, np.ndarray]:
    """The template arrays: classes, fonts, and per sample its packed bitmap, class, font,
    top and bottom above the baseline and width (units: the font's ๐ height at that drawing)."""
    fonts: list[str] = []
    bitmaps: list[np.ndarray] = []
    labels: list[int] = []
    font_ids: list[int] = []
    tops: list[float] = []
    bottoms: list[float] = []
    widths: list[float] = []
    for family in families:
        for weight in WEIGHTS:
            path = font_dir / f"{family}{weight}.ttf"
            if not path.exists():
                continue
            font_id = len(fonts)
            fonts.append(path.stem)
            for em, threshold, letters in _variants(family):
                font = _font(path, em)
                zero, _ = _render(font, "๐", em, threshold)
                rows = np.flatnonzero(zero.any(axis=1))
                unit = float(rows[-1] + 1 - rows[0])
                for ch in classes:
                    if not letters and ch not in NUMBER_CLASSES:
                        continue
                    ink, baseline = _render(font, ch, em, threshold)
                    glyphs = segment(ink)
                    if ch in NUMBER_CLASSES and len(glyphs) > 1:
                        # % (rings beside the slash): the reader joins them the same way
                        glyphs = [merge_glyphs(glyphs)]
                    elif len(glyphs) > 1:
                        glyphs = _join_nested(glyphs)
                    for g in glyphs:
                        bitmaps.append(np.packbits(normalise(g.bitmap).ravel()))
                        labels.append(classes.index(ch))
                        font_ids.append(font_id)
                        tops.append((baseline - g.top) / unit)
                        bottoms.append((baseline - g.bottom) / unit)
                        widths.append(g.width / unit)
    return {
        "classes": np.array(list(classes)),
        "fonts": np.array(fonts),
        "held_out": np.array([HELD_OUT]),
        "box": np.array([BOX], dtype=np.int16),
        "bitmaps": np.stack(bitmaps).astype(np.uint8),
        "label": np.array(labels, dtype=np.uint16),
        "font": np.array(font_ids, dtype=np.uint8),
        "top": np.array(tops, dtype=np.float32),
        "bottom": np.array(bottoms, dtype=np.float32),
        "width": np.array(widths, dtype=np.float32),
    }


def write_npz(arrays: dict[str, np.ndarray], path: Path) -> None:
    """np.savez_compressed stamps the current time into the zip; this writes the same layout
    with a fixed timestamp so a rerun gives the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.save(buffer, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, buffer.getvalue(), compresslevel=9)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=TEMPLATE_PATH)
    args = parser.parse_args(argv)
    if not FONT_DIR.is_dir():
        raise SystemExit(f"{FONT_DIR} is missing: apt-get install fonts-thai-tlwg")
    arrays = build_templates()
    write_npz(arrays, args.out)
    print(f"{args.out}: {len(arrays['label'])} glyphs of {len(arrays['classes'])} classes "
          f"in {len(arrays['fonts'])} fonts, {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
