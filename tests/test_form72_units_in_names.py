"""Form 7.2 tables whose indicator column is headed `ตัวชี้วัด (หน่วยนับ)` or `ตัวชี้วัด/หน่วย`: each
name ends with its unit in brackets, which is the record's unit, not part of its name. Real files
built here, read and extracted as a run reads them."""
from __future__ import annotations

import pytest

from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from plan_files import plan_docx, plan_tsv, plan_xlsx

TITLE = ["แบบฟอร์มที่ 7.2 ตัวชี้วัดตามแผนพัฒนาองค์การ กรมชลประทาน ประจำปีงบประมาณ พ.ศ. 2569"]
LEVELS = ["คะแนน 1", "คะแนน 2", "คะแนน 3", "คะแนน 4", "คะแนน 5"]
ROWS = [
    ["1", "พื้นที่ชลประทานที่เพิ่มขึ้น (ไร่)", "30", "150,000", "110,000", "120,000", "130,000", "140,000", "150,000"],
    ["2", "ปริมาณน้ำเก็บกักที่เพิ่มขึ้น (ล้าน ลบ.ม.)", "25", "45", "25", "30", "35", "40", "45"],
    ["3", "ความพึงพอใจของผู้ใช้น้ำ (ร้อยละ)", "20", "90", "70", "75", "80", "85", "90"],
    ["4", "บุคลากรที่ผ่านการพัฒนาตามแผนพัฒนารายบุคคล (IDP)", "25", "100", "80", "85", "90", "95", "100"],
]
WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}


def _kpis(tmp_path, fmt, kpi_head):
    head = ["ที่", kpi_head, "น้ำหนัก", "ค่าเป้าหมาย", *LEVELS]
    path = WRITERS[fmt](tmp_path / f"f72.{fmt}", TITLE, [head, *ROWS])
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    return [(r.item_no, r.name, r.unit) for r in ex.records if r.record_type == "kpi"]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("head", ["ตัวชี้วัด (หน่วยนับ)", "ตัวชี้วัด/หน่วย"])
def test_the_bracketed_unit_at_the_end_of_a_name_is_its_unit(tmp_path, fmt, head):
    assert _kpis(tmp_path, fmt, head) == [
        ("1", "พื้นที่ชลประทานที่เพิ่มขึ้น", "ไร่"),
        ("2", "ปริมาณน้ำเก็บกักที่เพิ่มขึ้น", "ล้าน ลบ.ม."),
        ("3", "ความพึงพอใจของผู้ใช้น้ำ", "%"),
        # a bracket of Latin letters is part of the name; the unit then comes from elsewhere
        ("4", "บุคลากรที่ผ่านการพัฒนาตามแผนพัฒนารายบุคคล (IDP)", ""),
    ]


def test_names_keep_their_brackets_under_a_plain_indicator_header(tmp_path):
    kpis = _kpis(tmp_path, "docx", "ตัวชี้วัด")
    assert [name for _, name, _ in kpis] == [r[1] for r in ROWS]
