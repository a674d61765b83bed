"""Form 7.2 dimension columns holding a dimension's name alone (`คุณภาพ`, `ประสิทธิภาพ`,
`พัฒนาองค์การ`, `ประสิทธิผล`): each maps to its own dimension (7.1 ประสิทธิผล, 7.2
คุณภาพการให้บริการ, 7.3 ประสิทธิภาพ, 7.4 การพัฒนาองค์การ), and a label as near one as the other
(`ประสิทธิ…`) to neither. The table is written as a real CSV and DOCX, read and extracted."""
from __future__ import annotations

import pytest

from extract_helpers import ctx, write_docx
from extractors import extract
from extractors.form72 import dimension_of
from pipeline.readers import read_document

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัด โรงพยาบาลทดสอบ ปีงบประมาณ พ.ศ. 2572"
HEAD = ["ลำดับ", "ตัวชี้วัด", "มิติ", "หน่วยนับ", "น้ำหนัก", "ค่าเป้าหมาย", "1", "2", "3", "4", "5"]
ROWS = [["1", "ร้อยละของผู้ป่วยที่ได้รับการประเมินความเสี่ยง", "ประสิทธิผล", "ร้อยละ", "30", "95", "80", "85", "90", "92.5", "95"],
        ["2", "ร้อยละของผู้รับบริการที่พึงพอใจ", "คุณภาพ", "ร้อยละ", "30", "90", "70", "75", "80", "85", "90"],
        ["3", "ร้อยละของหอผู้ป่วยที่ใช้ระบบบันทึกอิเล็กทรอนิกส์", "ประสิทธิภาพ", "ร้อยละ", "20", "100", "60", "70", "80", "90", "100"],
        ["4", "ร้อยละของพยาบาลที่ผ่านการอบรมเฉพาะทาง", "พัฒนาองค์การ", "ร้อยละ", "20", "20", "12", "14", "16", "18", "20"]]


def _csv(path):
    path.write_text("\n".join([TITLE, ""] + [",".join(r) for r in [HEAD] + ROWS]) + "\n", encoding="utf-8")
    return path


def _docx(path):
    return write_docx(path, [TITLE, [HEAD] + ROWS])


@pytest.mark.parametrize("write", [_csv, _docx], ids=["csv", "docx"])
def test_bare_dimension_names_map_to_their_own_dimension(tmp_path, write):
    path = write(tmp_path / ("kpi." + write.__name__[1:]))
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    assert [(r.item_no, r.dimension) for r in ex.records] == [("1", "7.1"), ("2", "7.2"), ("3", "7.3"), ("4", "7.4")]


@pytest.mark.parametrize("label,code", [("คุณภาพ", "7.2"), ("ด้านคุณภาพ", "7.2"), ("ประสิทธิผล", "7.1"),
                                        ("ประสิทธิภาพ", "7.3"), ("พัฒนาองค์กร", "7.4"),
                                        ("คุณภาพการให้บริการ", "7.2"), ("ด้านประสิทธิภาพ", "7.3")])
def test_dimension_label_alone(label, code):
    assert dimension_of(label, "dimension")[0] == code


def test_label_as_near_two_dimensions_names_neither():
    # `ประสิทธิ` begins both ประสิทธิผล (7.1) and ประสิทธิภาพ (7.3)
    assert dimension_of("ประสิทธิ", "dimension") is None
