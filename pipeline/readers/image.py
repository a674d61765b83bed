"""Image files (a scanned form saved as JPEG, PNG, TIFF, BMP or WebP; a multi-page TIFF is a
page per frame), read by OCR like a scanned PDF page (pipeline/readers/ocr.py)."""
from __future__ import annotations

from pathlib import Path

from schemas.document import Document, Page

from .common import ReadError, ReadLimits

# an image's own resolution is believed between these; outside them (72 dpi from a phone,
# none at all) the page is taken to be A4 (or Letter, near enough) along its long side
_DPI_RANGE = (100, 1200)
_A4_LONG_INCHES = 11.69
# an A4 page's long side at 100 dpi, about the least that keeps 14 pt Thai letters readable
_MIN_PAGE_PIXELS = 1100


def read_image(path: Path, limits: ReadLimits) -> Document:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

    from .pdf import OCR_DPI, page_from_image
    if path.stat().st_size == 0:
        raise ReadError("empty", f"{path.name} is empty (0 bytes)")
    try:
        img = Image.open(path)
    except Image.DecompressionBombError as e:
        raise ReadError("too_large", f"{path.name}: {e}", "ภาพมีขนาดใหญ่เกินกำหนด")
    except (UnidentifiedImageError, OSError) as e:
        raise ReadError("corrupt", f"{path.name} is not an image that can be opened ({e})")
    doc = Document(path=str(path), format="image")
    import numpy as np
    with img:
        for n, frame in enumerate(ImageSequence.Iterator(img), start=1):
            if n > limits.max_pages:
                raise ReadError("too_large", f"{path.name} has over {limits.max_pages} pages",
                                "จำนวนหน้าเกินกำหนด")
            try:
                page = ImageOps.exif_transpose(frame).convert("L")   # a phone's turn applied
            except (OSError, SyntaxError, ValueError) as e:
                raise ReadError("truncated" if "truncated" in str(e) else "corrupt",
                                f"{path.name}: page {n} cannot be decoded ({e})")
            if max(page.size) < _MIN_PAGE_PIXELS:
                # a logo, a thumbnail, a photo of a page too small to read: not sent to OCR,
                # whose readings of it would be noise
                doc.warnings.append(f"page {n}: {page.width} x {page.height} pixels, too small "
                                    "to be a readable page; not read")
                doc.pages.append(Page(number=n, has_text_layer=False))
                continue
            dpi = _dpi(frame, page.size)
            if abs(dpi - OCR_DPI) > 10:
                size = (round(page.width * OCR_DPI / dpi), round(page.height * OCR_DPI / dpi))
                page = page.resize(size, Image.LANCZOS)
            doc.pages.append(page_from_image(np.asarray(page), n, doc.warnings))
    if not doc.pages:
        raise ReadError("corrupt", f"{path.name} holds no image")
    return doc


def _dpi(frame, size: tuple[int, int]) -> float:
    """Pixels per inch of a page image: as the file says, else as an A4 page would have."""
    info = frame.info.get("dpi")
    try:
        dpi = float(info[0]) if info else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if _DPI_RANGE[0] <= dpi <= _DPI_RANGE[1]:
        return dpi
    return max(size) / _A4_LONG_INCHES
