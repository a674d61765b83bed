"""Limits, the reader error, and helpers shared by the format readers."""
from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from pipeline import patterns

MiB = 1024 * 1024


@dataclass
class ReadLimits:
    """Sizes past which a file is refused instead of read."""
    max_bytes: int = 50 * MiB                 # file size on disk
    max_uncompressed_bytes: int = 300 * MiB   # zip containers (DOCX, XLSX): declared total
    max_pages: int = 2000                     # PDF pages
    max_sheets: int = 200                     # XLSX sheets
    max_cells: int = 5_000_000                # XLSX cells over all sheets (used ranges)
    max_compression_ratio: int = 1000         # one zip member's declared size / compressed size


# English and Thai wording per reason; the message adds the specifics.
_REASON_TH = {
    "empty": "ไฟล์ว่างเปล่า",
    "corrupt": "ไฟล์เสียหาย อ่านไม่ได้",
    "truncated": "ไฟล์ไม่สมบูรณ์ (ถูกตัดท้าย)",
    "encrypted": "ไฟล์ถูกเข้ารหัส/ตั้งรหัสผ่าน",
    "unsupported": "ไม่รองรับรูปแบบไฟล์นี้",
    "too_large": "ไฟล์มีขนาดใหญ่เกินกำหนด",
    "zip_bomb": "ไฟล์บีบอัดมีขนาดเมื่อขยายใหญ่ผิดปกติ",
    "xml_bomb": "ไฟล์มีโครงสร้าง XML ที่ไม่ปลอดภัย (DOCTYPE/ENTITY)",
    "no_sheets": "ไม่พบแผ่นงานในไฟล์ Excel",
    "not_docx": "ไฟล์นามสกุล .docx แต่ไม่ใช่เอกสาร Word",
    "not_xlsx": "ไฟล์นามสกุล .xlsx แต่ไม่ใช่สมุดงาน Excel",
    "not_pdf": "ไฟล์นามสกุล .pdf แต่ไม่ใช่เอกสาร PDF",
    "not_pptx": "ไฟล์นามสกุล .pptx แต่ไม่ใช่งานนำเสนอ PowerPoint",
    "encoding": "ไม่สามารถระบุการเข้ารหัสอักขระของไฟล์ข้อความ",
}


class ReadError(Exception):
    """A file the readers cannot turn into a Document.

    ``reason`` is a short code (see _REASON_TH), ``message`` English, ``message_th`` Thai.
    """

    def __init__(self, reason: str, message: str, message_th: Optional[str] = None):
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message
        self.message_th = message_th or _REASON_TH.get(reason, "อ่านไฟล์ไม่ได้")


# what a damaged zip container raises while it is read
# UnicodeDecodeError: zipfile decoding a damaged entry name flagged as UTF-8
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, struct.error, NotImplementedError,
              zipfile.LargeZipFile, UnicodeDecodeError)


def check_zip(path, limits: ReadLimits, kind: str,
              zip_class: type = zipfile.ZipFile) -> zipfile.ZipFile:
    """Open a zip container, refusing bombs by the sizes the zip declares before anything is
    decompressed. (zipfile stops reading a member at its declared size, so the declaration
    bounds what is later inflated.)"""
    try:
        zf = zip_class(path)
    except ZIP_ERRORS as e:
        raise ReadError("corrupt", f"not a readable {kind} zip container ({e})") from e
    except OSError as e:
        raise ReadError("corrupt", f"cannot open {kind}: {e}") from e
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.compress_size > 0 and info.file_size > 1 * MiB and \
                info.file_size / info.compress_size > limits.max_compression_ratio:
            zf.close()
            raise ReadError("zip_bomb", f"{kind} member {info.filename!r} expands "
                            f"{info.file_size // info.compress_size}x "
                            f"({info.file_size} bytes from {info.compress_size})")
    if total > limits.max_uncompressed_bytes:
        zf.close()
        raise ReadError("zip_bomb", f"{kind} declares {total} uncompressed bytes, over the "
                        f"limit of {limits.max_uncompressed_bytes}")
    return zf


_ROOT_START = patterns.compile(rb"<[A-Za-z_]")


def check_xml_parts(zf: zipfile.ZipFile, kind: str, names=None) -> None:
    """Refuse XML parts that declare a DOCTYPE or entities (billion-laughs style bombs).
    A DOCTYPE can only stand in the prolog, before the root element, so only the prolog is read."""
    for info in zf.infolist():
        n = info.filename
        if names is not None and n not in names:
            continue
        if not (n.endswith(".xml") or n.endswith(".rels")):
            continue
        try:
            head = _prolog(zf, info)
        except ZIP_ERRORS + (OSError,) as e:     # OSError: an offset beyond the file
            raise ReadError("corrupt", f"{kind} part {n!r} is damaged ({e})") from e
        _refuse_declarations(head, kind, n)


def _refuse_declarations(head: bytes, kind: str, name: str) -> None:
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head or b"<!doctype" in head:
        raise ReadError("xml_bomb", f"{kind} part {name!r} declares a DOCTYPE/ENTITY; "
                        "refused as a possible entity-expansion bomb")


class CheckedPackage(zipfile.ZipFile):
    """A package whose parts are checked as they are read (``read``) instead of all up front:
    a part that declares a DOCTYPE or entities is refused when its bytes are had, before any
    parser sees them. The DOCX and XLSX readers parse only what they read, and reading the
    prolog of every other part (themes, settings, properties) cost 4% of reading a DOCX.
    A part streamed through ``open`` is checked with check_xml_parts first."""

    kind = "package"

    def read(self, name, pwd=None) -> bytes:
        data = super().read(name, pwd)
        root = _ROOT_START.search(data)
        _refuse_declarations(data[:root.start()] if root else data, self.kind,
                             getattr(name, "filename", name))
        return data


def _prolog(zf: zipfile.ZipFile, info) -> bytes:
    """The bytes of an XML part before its root element."""
    with zf.open(info) as f:
        head = b""
        size = 1024     # a prolog is rarely longer; inflating 16 KB of each part cost more
        while True:
            chunk = f.read(size)
            size = 16384
            if not chunk:
                break
            head += chunk
            m = _ROOT_START.search(head)
            if m:
                head = head[:m.start()]
                break
            if len(head) > 4 * MiB:
                break
    return head


def utf16_without_bom(data: bytes) -> Optional[str]:
    """"utf-16-le"/"utf-16-be" when the bytes look like BOM-less UTF-16 Thai/English text: the
    high byte of (nearly) every code unit is 0x00 (ASCII), 0x0E (Thai) or 0x20 (punctuation)."""
    head = data[:8192]
    if len(head) < 4:
        return None
    head = head[: len(head) // 2 * 2]
    even, odd = head[0::2], head[1::2]
    if not head.count(0):
        return None

    def share(high: bytes) -> float:
        return sum(1 for b in high if b in (0x00, 0x0E, 0x20)) / len(high)

    le, be = share(odd), share(even)
    if le >= 0.95 and le > be:
        return "utf-16-le"
    if be >= 0.95 and be > le:
        return "utf-16-be"
    return None


def sniff_package(path: Path, ext: str, reason: str, what: str, app: str,
                  legacy_ext: str) -> Optional["ReadError"]:
    """The error for a file named as an Office package (``ext``: ".docx", ".pptx") that is
    something else: an old binary or password-protected Office file, a PDF, plain text, or no
    zip at all. None when it starts as a zip (the package checks come next)."""
    with open(path, "rb") as f:
        head = f.read(8192)
    ole = ole_container_error(path, head, app, legacy_ext, ext)
    if ole:
        return ole
    if head.startswith(b"%PDF"):
        return ReadError(reason, f"{path.name} is named {ext} but is a PDF")
    if not head.startswith(b"PK"):
        try:
            from .text import decode
            decode(head if len(head) < 8192 else head[:8000])
            return ReadError(reason, f"{path.name} is named {ext} but is plain text, not {what}")
        except ReadError:
            return ReadError("corrupt", f"{path.name} is not {what} (not a zip file)")
    return None


def ole_container_error(path, head: bytes, what: str, legacy_ext: str,
                        modern_ext: str) -> Optional["ReadError"]:
    """The error for an OLE2 compound file handed in as an Office Open XML one: either the
    legacy binary format (``.doc``/``.xls``) or Office's password-protected package, which
    wraps the encrypted OOXML in OLE2."""
    if not head.startswith(b"\xd0\xcf\x11\xe0"):
        return None
    with open(path, "rb") as f:
        start = f.read(1 << 20)
    if "EncryptedPackage".encode("utf-16-le") in start:
        return ReadError("encrypted", f"{path.name} is a password-protected {what}")
    return ReadError("unsupported", f"{path.name} is an old binary {legacy_ext} file, not "
                     f"{modern_ext}; save it as {modern_ext}")


def open_package(path, limits: ReadLimits, kind: str, main_part: str, not_reason: str,
                 what: str, check_on_read: bool = False) -> zipfile.ZipFile:
    """Open an Office Open XML package (DOCX, XLSX, PPTX) after the checks the readers share: not
    empty, no zip bomb, its main part present, no entity-declaring XML part. With
    ``check_on_read`` the last is left to the returned CheckedPackage, part by part as read
    (for readers that parse nothing but what they read). The caller closes the returned zip."""
    if path.stat().st_size == 0:
        raise ReadError("empty", f"{path.name} is empty (0 bytes)")
    zf = check_zip(path, limits, kind, CheckedPackage if check_on_read else zipfile.ZipFile)
    if check_on_read:
        zf.kind = kind
    try:
        if main_part not in set(zf.namelist()):
            raise ReadError(not_reason, f"{path.name} is a zip file without {main_part}, "
                            f"not {what}")
        if not check_on_read:
            check_xml_parts(zf, kind)
    except BaseException:
        zf.close()
        raise
    return zf


class PartCache:
    """Parsed forms of package parts (styles, numbering, relationships) kept between files:
    files made from one template or by one program share them, and parsing them can cost more
    than reading the rest. Emptied when full: a batch meets few templates at a time."""

    def __init__(self, limit: int = 64):
        self._parsed: dict = {}
        self._limit = limit

    def get(self, key):
        return self._parsed.get(key)

    def put(self, key, parsed):
        if len(self._parsed) >= self._limit:
            self._parsed.clear()
        self._parsed[key] = parsed
        return parsed


def first_time(seen: Optional[set], key: str) -> bool:
    """Whether a block's text ``key`` is met for the first time (remembered if so): the same
    header in several sections, or a text box read twice, goes in once. True without ``seen``."""
    if seen is None:
        return True
    if key in seen:
        return False
    seen.add(key)
    return True
