"""A page footer a sheet or an export prints inside the table (`หน้า 1/2`, `หน้า 1 จาก 2`,
`- 2 -`, `Page 1 of 2`) where its pages break is page furniture, not wrapped text of the
activity above it."""
from __future__ import annotations

import pytest

from plan_files import plan_docx, plan_tsv, plan_xlsx, run_plan

WRITERS = {"docx": plan_docx, "xlsx": plan_xlsx, "tsv": plan_tsv}
TITLE = ["แผนปฏิบัติงานตรวจสอบ ประจำปีงบประมาณ พ.ศ. 2568 สำนักงานการตรวจเงินแผ่นดินภูมิภาคที่ 5"]
HEAD = ["ลำดับ", "กิจกรรม", "ช่วงเวลาดำเนินการ", "ระยะเวลา (เดือน)", "ผู้รับผิดชอบ"]
PAGE1 = [["1", "วางแผนการตรวจสอบประจำปีและประเมินความเสี่ยง", "ไตรมาส 1", "3", "กลุ่มตรวจสอบการเงิน"],
         ["2", "ตรวจสอบงบการเงินองค์กรปกครองส่วนท้องถิ่น", "ไตรมาส 1-2", "6", "กลุ่มตรวจสอบการเงิน"]]
PAGE2 = [["3", "ตรวจสอบผลสัมฤทธิ์โครงการบริหารจัดการน้ำชุมชน", "ไตรมาส 3", "3", "กลุ่มตรวจสอบผลสัมฤทธิ์"]]


@pytest.mark.parametrize("fmt", sorted(WRITERS))
@pytest.mark.parametrize("footer, col", [("หน้า 1/2", 4), ("หน้า 1 จาก 2", 4), ("- 1 -", 2),
                                         ("Page 1 of 2", 1), ("หน้าที่ ๑", 0)])
def test_a_footer_row_is_not_the_activitys_text(tmp_path, fmt, footer, col):
    foot = [""] * 5
    foot[col] = footer
    last = [""] * 5
    last[4] = footer.replace("1", "2").replace("๑", "๒")
    rows = [HEAD] + PAGE1 + [foot, HEAD] + PAGE2 + [last]
    acts, _ = run_plan(WRITERS[fmt](tmp_path / f"plan.{fmt}", TITLE, rows))
    assert [a.item_no for a in acts] == ["1", "2", "3"]
    assert [a.name for a in acts] == [r[1] for r in PAGE1 + PAGE2]
    assert [a.responsible for a in acts] == [r[4] for r in PAGE1 + PAGE2]


def test_a_wrapped_line_is_still_joined(tmp_path):
    # a continuation line that is not a footer stays the item's text
    rows = [HEAD] + PAGE1 + [["", "", "", "", "หน้าที่สอบทาน"]]
    acts, _ = run_plan(plan_tsv(tmp_path / "plan.tsv", TITLE, rows))
    assert acts[-1].responsible == "กลุ่มตรวจสอบการเงินหน้าที่สอบทาน"
