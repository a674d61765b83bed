"""Damaged copies of good files: every reader either reads them or raises ReadError, never
anything else (batch runs rely on that to report the file and go on)."""
import random
from pathlib import Path

import docx
import openpyxl
import pytest

from pipeline.readers import ReadError, read_document

CER_PDF = Path(__file__).resolve().parent / "data" / "cer" / "pdf" / "form72-garuda.pdf"


def _good_files(tmp_path):
    d = docx.Document()
    d.add_paragraph("แบบฟอร์มที่ 7.2")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "ตัวชี้วัด"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "แผนพัฒนาองค์การ"
    t.cell(2, 2).text = "น้ำหนัก 0.5"
    d.save(tmp_path / "good.docx")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "กิจกรรม"
    ws.merge_cells("A1:C1")
    ws["A2"] = "1. ประชุม"
    ws["B2"] = 50000
    wb.save(tmp_path / "good.xlsx")
    (tmp_path / "good.txt").write_text("ตัวชี้วัด\tน้ำหนัก\n1.ร้อยละ\t0.5\n", encoding="cp874",
                                       errors="strict")
    return [tmp_path / "good.docx", tmp_path / "good.xlsx", tmp_path / "good.txt", CER_PDF]


def _mutations(data: bytes, rng: random.Random, n: int):
    for _ in range(n):
        b = bytearray(data)
        kind = rng.choice(("flip", "cut", "noise"))
        if kind == "flip":
            for _ in range(rng.randint(1, 20)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif kind == "cut":
            b = b[:rng.randrange(1, len(b))]
        else:
            i = rng.randrange(len(b))
            j = min(len(b), i + rng.randint(1, 2000))
            b[i:j] = bytes(rng.randrange(256) for _ in range(j - i))
        yield bytes(b)


@pytest.mark.parametrize("seed", [1, 2])
def test_damaged_files_read_or_raise_read_error(tmp_path, seed):
    rng = random.Random(seed)
    outcomes = {"read": 0, "refused": 0}
    for good in _good_files(tmp_path):
        for k, data in enumerate(_mutations(good.read_bytes(), rng, 12)):
            p = tmp_path / f"damaged{k}{good.suffix}"
            p.write_bytes(data)
            try:
                read_document(p)
                outcomes["read"] += 1
            except ReadError as e:
                assert e.reason and e.message and e.message_th
                outcomes["refused"] += 1
    assert outcomes["read"] + outcomes["refused"] == 48
    assert outcomes["refused"] > 0


@pytest.mark.parametrize("name", ["good.docx", "good.xlsx"])
def test_entry_name_that_is_not_utf8(tmp_path, name):
    """A local header whose entry name is flagged UTF-8 but is not: a damaged package named in
    a ReadError (zipfile raises UnicodeDecodeError for it)."""
    path = next(p for p in _good_files(tmp_path) if p.name == name)
    data = bytearray(path.read_bytes())
    part = b"word/document.xml" if name.endswith("docx") else b"xl/workbook.xml"
    # the part's local header (local headers come first): set the UTF-8 flag, break its name
    at = data.rfind(b"PK\x03\x04", 0, data.index(part))
    data[at + 7] |= 0x08                        # general purpose flag bit 11: UTF-8 names
    data[at + 30] = 0xFF                        # the name's first byte: not UTF-8
    path.write_bytes(bytes(data))
    with pytest.raises(ReadError) as e:
        read_document(path)
    assert e.value.reason == "corrupt"
    assert path.name in str(e.value) or "damaged" in str(e.value)
