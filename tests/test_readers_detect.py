"""detect_format: content decides, the extension breaks ties; unsupported files get None."""
import zipfile
from pathlib import Path

import docx
import pytest

from pipeline.readers import (ReadError, ReadLimits, detect_format, office_format_not_read,
                              read_document)

PDF = Path(__file__).resolve().parent / "data" / "cer" / "pdf" / "form72-loma.pdf"


def test_content_wins_over_extension(tmp_path):
    d = docx.Document()
    d.add_paragraph("แบบฟอร์มที่ 7.2")
    named_pdf = tmp_path / "plan.pdf"               # a Word file with a .pdf name
    d.save(named_pdf)
    assert detect_format(named_pdf) == "docx"
    assert read_document(named_pdf).paragraphs()[0].text == "แบบฟอร์มที่ 7.2"
    named_txt = tmp_path / "report.txt"
    named_txt.write_bytes(PDF.read_bytes())
    assert detect_format(named_txt) == "pdf"


@pytest.mark.parametrize("name, data", [
    ("photo.gif", b"GIF89a" + b"\x00" * 100),
    ("clip.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100),
    ("notes.rtf", b"{\\rtf1\\ansi ..."),
])
def test_unsupported_files(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    assert detect_format(p) is None
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "unsupported"


@pytest.mark.parametrize("name, data", [
    ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    ("photo.txt", b"\xff\xd8\xff\xe0" + b"\x00" * 100),          # a picture named .txt
])
def test_pictures_are_read_as_scans_by_their_bytes(tmp_path, name, data):
    """A picture is a scan to OCR, whatever its name; one that does not decode is corrupt."""
    p = tmp_path / name
    p.write_bytes(data)
    assert detect_format(p) == "image"
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason == "corrupt"


@pytest.mark.parametrize("name, data, says", [
    ("form72.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "save it as .docx or .xlsx"),
    ("notes.rtf", b"{\\rtf1\\ansi ...", "save it as .docx"),
])
def test_office_formats_not_read_say_what_to_save_them_as(tmp_path, name, data, says):
    """An agency's form in an old or other office format is an unreadable submission with a way
    out, not a file to pass over."""
    p = tmp_path / name
    p.write_bytes(data)
    err = office_format_not_read(p)
    assert err is not None and err.reason == "unsupported" and says in err.message
    assert err.message.startswith(name) and "\u0e00" <= err.message_th[0] <= "\u0e7f"
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.message == err.message


@pytest.mark.parametrize("name, data, fmt", [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "doc"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "xls"),
    ("plan.odt", b"PK\x03\x04" + b"\x00" * 100, "odt"),
    ("plan.ods", b"PK\x03\x04" + b"\x00" * 100, "ods"),
])
def test_damaged_old_and_open_office_files_fail_as_damaged(tmp_path, name, data, fmt):
    """A .doc, .xls, .odt or .ods that cannot be opened goes to its reader, which says the file
    is damaged (not that the format is unsupported)."""
    p = tmp_path / name
    p.write_bytes(data)
    assert detect_format(p) == fmt
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert e.value.reason in ("corrupt", "truncated") and name in e.value.message


@pytest.mark.parametrize("name, data", [("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100),
                                        ("a.zip", b"PK\x05\x06" + b"\x00" * 18)])
def test_photos_and_archives_are_not_office_formats(tmp_path, name, data):
    p = tmp_path / name
    p.write_bytes(data)
    assert office_format_not_read(p) is None


def test_plain_zip_archive_is_unsupported(tmp_path):
    p = tmp_path / "submissions.zip"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("a.txt", "ตัวชี้วัด")
    assert detect_format(p) is None


@pytest.mark.parametrize("name, fmt", [("a.txt", "txt"), ("a.tsv", "tsv"), ("a.csv", "csv"),
                                       ("a", "txt"), ("a.md", "txt")])
def test_text_formats_by_extension(tmp_path, name, fmt):
    p = tmp_path / name
    p.write_text("ตัวชี้วัด\tน้ำหนัก\n", encoding="utf-8")
    assert detect_format(p) == fmt


def test_size_limit_and_missing_file(tmp_path):
    with pytest.raises(ReadError) as e:
        read_document(PDF, ReadLimits(max_bytes=1000))
    assert e.value.reason == "too_large"
    with pytest.raises(ReadError) as e:
        read_document(PDF, ReadLimits(max_pages=0))
    assert e.value.reason == "too_large"
    with pytest.raises(ReadError) as e:
        read_document(tmp_path / "missing.pdf")
    assert e.value.reason == "unsupported"
