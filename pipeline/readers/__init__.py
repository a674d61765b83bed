"""Readers: one per format, all producing the document model of schemas/document.py.

``read_document(path)`` sniffs the format from the content (the extension is only a hint) and
dispatches; bad input raises ``ReadError`` with a short ``reason`` code, softer problems are
recorded in ``Document.warnings``. Readers never print.
"""
from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Optional, Union

from schemas.document import Document, Table

from .common import ZIP_ERRORS, ReadError, ReadLimits, utf16_without_bom

__all__ = ["read_document", "detect_format", "office_format_not_read", "ReadLimits", "ReadError",
           "SUPPORTED_FORMATS"]

SUPPORTED_FORMATS = ("pdf", "docx", "xlsx", "pptx", "txt", "tsv", "csv", "xls", "doc", "ods", "odt",
                     "html", "image")

_TEXT_EXT = {".txt": "txt", ".tsv": "tsv", ".tab": "tsv", ".csv": "csv", ".text": "txt"}
_CONTAINER_EXT = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".xlsx": "xlsx",
                  ".xlsm": "xlsx", ".pptx": "pptx", ".pptm": "pptx", ".xls": "xls", ".doc": "doc",
                  ".ods": "ods", ".odt": "odt"}
# what a web page (a web system's report export, Word's or Excel's "web page") is named
_HTML_EXT = {".htm", ".html", ".xhtml", ".xls", ".doc"}
# OpenDocument packages, by the media type their first member names
_ODF_MIMETYPES = {b"application/vnd.oasis.opendocument.spreadsheet": "ods",
                  b"application/vnd.oasis.opendocument.text": "odt"}
# zip containers (Office Open XML, OpenDocument): a broken or encrypted one is handed to the
# reader its name claims
_ZIP_EXT = (".docx", ".xlsx", ".docm", ".xlsm", ".pptx", ".pptm", ".ods", ".odt")
# known non-submission formats: never read as text even if the bytes would decode
# scanned pages saved as pictures (read by OCR), by name and by their first bytes
_IMAGE_EXT = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"}
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"BM")
_UNSUPPORTED_EXT = {".gif", ".heic",
                    ".ppt", ".zip", ".rar", ".7z", ".gz", ".tar", ".rtf", ".exe", ".dll", ".mp3", ".mp4", ".avi", ".mov"}
_BINARY_MAGIC = (b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"II*\x00", b"MM\x00*", b"BM",
                 b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b", b"RIFF", b"\x00\x00\x01\x00", b"MZ",
                 b"{\\rtf")


def detect_format(path: Union[Path, str]) -> Optional[str]:
    """The format to read ``path`` as: "pdf", "docx", "xlsx", "pptx", "xls", "doc", "ods", "odt",
    "html", "image" (a scan saved as a picture), "txt", "tsv", "csv", or None when it is not a
    supported submission format (GIF, .ppt, .rtf, plain zip archives ...).
    Content decides; the extension breaks ties and names formats of empty or broken files so
    that their reader can say what is wrong with them."""
    p = Path(path)
    ext = p.suffix.lower()
    try:
        with open(p, "rb") as f:
            head = f.read(2048)
    except OSError:
        return None
    if not head:
        return _CONTAINER_EXT.get(ext) or _TEXT_EXT.get(ext) or (
            "image" if ext in _IMAGE_EXT else None if ext in _UNSUPPORTED_EXT else "txt")
    if b"%PDF" in head[:1024]:
        return "pdf"
    if head.startswith(_IMAGE_MAGIC) or head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(p) as zf:
                names = set(zf.namelist())
        except ZIP_ERRORS + (OSError, ValueError):
            # broken zip: let the reader of the format the name claims report it
            return _CONTAINER_EXT.get(ext) if ext in _ZIP_EXT else None
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names or any(n.startswith("xl/") and n.endswith("workbook.xml")
                                             for n in names):
            return "xlsx"
        if "ppt/presentation.xml" in names:
            return "pptx"
        if "mimetype" in names:
            try:
                with zipfile.ZipFile(p) as zf:
                    kind = _ODF_MIMETYPES.get(zf.read("mimetype")[:100].strip())
            except ZIP_ERRORS + (OSError, ValueError, KeyError):
                kind = None
            if kind:
                return kind
        if ext in (".docx", ".xlsx", ".pptx", ".ods", ".odt"):
            return _CONTAINER_EXT[ext]       # the reader says which part is missing
        return None
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        # OLE2: .doc/.xls/.ppt, or an encrypted OOXML file (reported as encrypted by its reader)
        if ext in (".docx", ".xlsx", ".pptx"):
            return _CONTAINER_EXT[ext]
        kind = _ole_kind(p)
        if kind in (".doc", ".xls"):
            return kind[1:]
        return _CONTAINER_EXT.get(ext) if kind is None and ext in (".doc", ".xls") else None
    if any(head.startswith(m) for m in _BINARY_MAGIC):
        return None
    if ext in _HTML_EXT:
        from .html import looks_like_html
        if looks_like_html(head):
            return "html"
    if ext in _UNSUPPORTED_EXT:
        return None
    if ext == ".xls" and not _is_binary(head):
        # a web system's tab- or comma-separated export named .xls (Excel opens it as a sheet)
        return "tsv" if b"\t" in head or b"\t\x00" in head else "csv" if b"," in head else "txt"
    if ext in _CONTAINER_EXT:
        return _CONTAINER_EXT[ext]            # e.g. text named .docx: reader raises not_docx
    if _is_binary(head):
        return None
    return _TEXT_EXT.get(ext, "txt")


# Office formats a submission may come in that thaiforms does not read: unlike a photo they are
# the agency's form, so the run reports them unreadable and says how to convert them.
_OFFICE_NOT_READ = {
    ".ppt": ("an old binary PowerPoint file (PowerPoint 97-2003 .ppt)", ".pptx or PDF",
             "ไฟล์ PowerPoint รุ่นเก่า (.ppt)"),
    ".rtf": ("a Rich Text file (.rtf)", ".docx", "ไฟล์ Rich Text (.rtf)"),
}


def office_format_not_read(path: Union[Path, str]) -> Optional[ReadError]:
    """The error for an office document in a format thaiforms does not read (.ppt, .rtf, or an
    old binary Office file of no program it knows), saying what to save it as; None for anything
    else (a photo, an archive: not a submission)."""
    p = Path(path)
    known = _OFFICE_NOT_READ.get(p.suffix.lower())
    if known is None:
        try:
            with open(p, "rb") as f:
                head = f.read(8)
        except OSError:
            return None
        if not head.startswith(b"\xd0\xcf\x11\xe0"):
            return None
        # which program wrote it, from the names of its streams, when they can be read
        kind = _ole_kind(p)
        known = _OFFICE_NOT_READ.get(kind or "") or (
            "an old binary Office file (Word, Excel or PowerPoint 97-2003)",
            ".docx or .xlsx (.pptx or PDF for slides)", "ไฟล์ Office รุ่นเก่า")
    what, modern, what_th = known
    apps = "PowerPoint or LibreOffice" if modern.startswith(".pptx") else \
        "Word, Excel, PowerPoint or LibreOffice" if "pptx" in modern else "Word, Excel or LibreOffice"
    return ReadError("unsupported", f"{p.name} is {what}, which thaiforms does not read; open it "
                     f"in {apps} and save it as {modern}",
                     f"{what_th} ระบบอ่านไม่ได้ กรุณาเปิดแล้วบันทึกเป็น {modern}")


# streams that name the program of an OLE2 compound file
_OLE_STREAMS = {"PowerPoint Document": ".ppt", "WordDocument": ".doc", "Workbook": ".xls",
                "Book": ".xls"}


def _ole_kind(path: Path) -> Optional[str]:
    """".doc", ".xls" or ".ppt" for an OLE2 compound file whose directory names Word's, Excel's or
    PowerPoint's main stream; None when it names none of them or cannot be walked. Only the FAT
    sectors listed in the header are used (files up to ≈7 MB with 512-byte sectors; the directory
    of larger ones normally lies within them too)."""
    import struct
    try:
        with open(path, "rb") as f:
            header = f.read(512)
            if len(header) < 512:
                return None
            shift = struct.unpack_from("<H", header, 0x1E)[0]
            if shift not in (9, 12):
                return None
            size = 1 << shift
            first_dir = struct.unpack_from("<I", header, 0x30)[0]
            fat: list[int] = []
            for sect in struct.unpack_from("<109I", header, 0x4C):
                if sect >= 0xFFFFFFFA:
                    continue
                f.seek((sect + 1) * size)
                data = f.read(size)
                fat.extend(struct.unpack_from(f"<{len(data) // 4}I", data))
            sect, seen = first_dir, set()
            while sect < 0xFFFFFFFA and sect not in seen and len(seen) < 4096:
                seen.add(sect)
                f.seek((sect + 1) * size)
                data = f.read(size)
                for k in range(0, len(data) - 127, 128):
                    n = struct.unpack_from("<H", data, k + 64)[0]
                    if 2 <= n <= 64 and data[k + 66] == 2:          # a stream
                        name = data[k:k + n - 2].decode("utf-16-le", "replace")
                        if name in _OLE_STREAMS:
                            return _OLE_STREAMS[name]
                sect = fat[sect] if sect < len(fat) else 0xFFFFFFFE
    except (OSError, struct.error):
        return None
    return None


def _is_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if head.count(0) == 0:
        return False
    return utf16_without_bom(head) is None


# each format's reader (module, function), imported when a file of the format is first read; the
# text formats (txt, tsv, csv) share read_text
_READERS = {"pdf": ("pdf", "read_pdf"), "docx": ("docx", "read_docx"), "doc": ("doc", "read_doc"),
            "odt": ("odt", "read_odt"), "xlsx": ("xlsx", "read_xlsx"), "xls": ("xls", "read_xls"),
            "ods": ("ods", "read_ods"), "pptx": ("pptx", "read_pptx"), "html": ("html", "read_html"),
            "image": ("image", "read_image")}


def read_document(path: Union[Path, str], limits: Optional[ReadLimits] = None,
                  fmt: Optional[str] = None) -> Document:
    """Read a submission file into a Document (pages -> blocks in reading order). ``fmt``: what
    :func:`detect_format` already said of the file, to save sniffing it twice."""
    limits = limits or ReadLimits()
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise ReadError("unsupported", f"{p} does not exist", "ไม่พบไฟล์")
    except OSError as e:
        raise ReadError("corrupt", f"{p} cannot be opened ({e})")
    if p.is_dir():
        raise ReadError("unsupported", f"{p} is a folder, not a file")
    fmt = fmt or detect_format(p)
    if size == 0:
        raise ReadError("empty", f"{p.name} is empty (0 bytes)")
    if fmt is None:
        raise office_format_not_read(p) or ReadError(
            "unsupported", f"{p.name}: not a supported submission format "
            "(PDF, DOCX, DOC, XLSX, XLS, ODT, ODS, PPTX, HTML, TXT, TSV, CSV)")
    if size > limits.max_bytes:
        raise ReadError("too_large", f"{p.name} is {size} bytes, over the limit of "
                        f"{limits.max_bytes}")
    if fmt in _READERS:
        import importlib
        module, function = _READERS[fmt]
        doc = getattr(importlib.import_module(f".{module}", __name__), function)(p, limits)
    else:
        from .text import read_text
        doc = read_text(p, fmt, limits)
    doc.path = str(path)
    _number_tables(doc)
    return doc


def _number_tables(doc: Document) -> None:
    """1-based table index across the document (top-level tables, in reading order)."""
    k = 0
    for block in doc.blocks():
        if isinstance(block, Table):
            k += 1
            block.index = k
