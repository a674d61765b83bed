"""Scanned copies of sample PDFs: each page rendered to an image as a scanner would give it
(grey, a little turned, noisy, JPEG-compressed, at the scanner's resolution), wrapped back into
a PDF without any text layer, or saved as a JPEG, under ``<folder>/scanned/``. Offices print a
signed plan and scan it; thaiforms reads such files by OCR.

    python samples/scan.py          # (re)make every scanned sample

The output depends only on the source PDF and the settings below (seeded noise), so a rerun
writes the same bytes.
"""
from __future__ import annotations

import io
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent

# source PDF (under samples/) -> (scanner dpi, turn in degrees, noise sigma, JPEG quality)
SCANS = {
    "trang/trang_form72_2569.pdf": (200, 0.8, 6.0, 60),
    "udon/udon_activity_plan_2566.pdf": (200, 0.4, 5.0, 60),
    "khonkaen/khonkaen_kpi_report_2567.pdf": (200, -1.1, 5.0, 60),
}


# source PDF -> (scanner dpi, turn, noise, JPEG quality) of its first page saved as a JPEG
# photo-scan (no PDF around it), under ``<folder>/scanned/<stem>.jpg``
IMAGES = {
    "trang/trang_form72_2569.pdf": (200, 0.6, 5.0, 70),
}


def scan_page(gray: np.ndarray, turn: float, sigma: float, seed: int) -> np.ndarray:
    """A rendered page as a scanner gives it back: turned, paper tone, noise, soft edges."""
    from PIL import Image, ImageFilter
    img = Image.fromarray(gray).rotate(turn, resample=Image.BICUBIC, fillcolor=255)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    a = np.asarray(img, dtype=np.float32)
    rng = np.random.default_rng(seed)
    a = a * 0.92 + 12                                   # paper is never white, ink never black
    a += rng.normal(0.0, sigma, a.shape)
    specks = rng.random(a.shape) < 0.0003               # dust
    a[specks] = 40
    return np.clip(a, 0, 255).astype(np.uint8)


def scan_pdf(src: Path, dst: Path, dpi: int, turn: float, sigma: float, quality: int) -> None:
    import pypdfium2 as pdfium
    from PIL import Image
    pdf = pdfium.PdfDocument(str(src))
    pages = []
    try:
        for i in range(len(pdf)):
            bitmap = pdf[i].render(scale=dpi / 72, grayscale=True)
            gray = np.array(bitmap.to_numpy(), dtype=np.uint8)
            if gray.ndim == 3:
                gray = gray[:, :, 0]
            scanned = scan_page(gray, turn, sigma, seed=i + 1)
            # JPEG round trip: the artefacts of a scanner's compression
            buf = io.BytesIO()
            Image.fromarray(scanned).save(buf, "JPEG", quality=quality)
            pages.append(Image.open(io.BytesIO(buf.getvalue())))
    finally:
        pdf.close()
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_suffix(".tmp")
    fixed = time.strptime("2026-01-01", "%Y-%m-%d")      # no time stamp: same bytes on a rerun
    pages[0].save(tmp, "PDF", resolution=float(dpi), save_all=True, append_images=pages[1:],
                  creationDate=fixed, modDate=fixed)
    tmp.replace(dst)


def scan_image(src: Path, dst: Path, dpi: int, turn: float, sigma: float, quality: int) -> None:
    import pypdfium2 as pdfium
    from PIL import Image
    pdf = pdfium.PdfDocument(str(src))
    try:
        bitmap = pdf[0].render(scale=dpi / 72, grayscale=True)
        gray = np.array(bitmap.to_numpy(), dtype=np.uint8)
    finally:
        pdf.close()
    if gray.ndim == 3:
        gray = gray[:, :, 0]
    dst.parent.mkdir(parents=True, exist_ok=True)
    tmp = dst.with_suffix(".tmp")
    Image.fromarray(scan_page(gray, turn, sigma, seed=1)).save(tmp, "JPEG", quality=quality,
                                                               dpi=(dpi, dpi))
    tmp.replace(dst)


def main() -> int:
    for rel, (dpi, turn, sigma, quality) in SCANS.items():
        src = HERE / rel
        dst = src.parent / "scanned" / src.name
        scan_pdf(src, dst, dpi, turn, sigma, quality)
        print(dst.relative_to(HERE))
    for rel, (dpi, turn, sigma, quality) in IMAGES.items():
        src = HERE / rel
        dst = src.parent / "scanned" / (src.stem + ".jpg")
        scan_image(src, dst, dpi, turn, sigma, quality)
        print(dst.relative_to(HERE))
    return 0


if __name__ == "__main__":
    sys.exit(main())
