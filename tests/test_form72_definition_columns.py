"""Form 7.2 tables with a definition / formula column (`คำนิยาม / สูตรการคำนวณ`, `นิยามตัวชี้วัด`):
the column is the indicator's description, never more of its name (a long name made of the
definition's words also misjudged the indicator's direction). A results column headed with a
year before the form's fiscal year (`ผลการดำเนินงาน ปี 2560` on a form for ปีบัญชี 2561) is the
baseline. Each table is written as a real DOCX, XLSX or CSV, then read, extracted and validated."""
from __future__ import annotations

import pytest

from extract_helpers import ctx
from extractors import extract
from pipeline.readers import read_document
from pipeline.validate import validate
from plan_files import AS_OF, U, plan_docx, plan_tsv, plan_xlsx

TITLE = "แบบฟอร์มที่ 7.2 ตัวชี้วัดและเกณฑ์วัดการดำเนินงาน ประจำปีบัญชี 2561"
AGENCY = "องค์การทดสอบเภสัชภัณฑ์"
DEF = ("หมายถึง ผลการดำเนินงานที่วัดจากระบบสารสนเทศขององค์การ ณ วันสิ้นปีบัญชี โดยคำนวณจากรายการ"
       "ที่ดำเนินการแล้วเสร็จหารด้วยรายการทั้งหมดตามแผน คูณด้วยหนึ่งร้อย")


def _rows(def_head="คำนิยาม / สูตรการคำนวณ", result_head="ผลการดำเนินงาน ปี 2560",
          target_head="เป้าหมาย ปี 2561"):
    head = ["ลำดับ", "ตัวชี้วัด", def_head, "หน่วยวัด", "น้ำหนัก (%)", result_head, target_head,
            "เกณฑ์วัด", "", "", "", ""]
    sub = [U, U, U, U, U, U, U, "1", "2", "3", "4", "5"]
    return [head, sub,
            ["1", "ร้อยละของรายการยาจำเป็นที่ผลิตได้ตามแผน", DEF, "ร้อยละ", "6", "91.5", "92",
             "88", "90", "92", "94", "96"],
            # lower is better, scored with a falling ladder: no direction mismatch, although the
            # definition beside it says แล้วเสร็จ (a higher-is-better word)
            ["2", "จำนวนข้อร้องเรียนด้านคุณภาพผลิตภัณฑ์", DEF, "เรื่อง", "5", "14", "12",
             "20", "16", "12", "8", "4"]]


_LADDER_MERGE = [(0, 7, 0, 11)]


def _docx(path, rows):
    return plan_docx(path, [TITLE, AGENCY], rows, hmerges=_LADDER_MERGE)


def _xlsx(path, rows):
    return plan_xlsx(path, [TITLE, AGENCY], rows, hmerges=_LADDER_MERGE)


def _csv(path, rows):
    lines = [TITLE, AGENCY, ""] + [",".join('"%s"' % ("" if v == U else v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(path):
    ex = extract(read_document(path), ctx(name=path.name, agency=""))
    kpis = [r for r in ex.records if r.record_type == "kpi"]
    return kpis, sorted((f.item_no, f.code) for f in validate(ex, AS_OF))


@pytest.mark.parametrize("write", [_docx, _xlsx, _csv], ids=["docx", "xlsx", "csv"])
def test_definition_column_is_the_description_not_the_name(tmp_path, write):
    kpis, codes = _run(write(tmp_path / ("se." + write.__name__[1:]), _rows()))
    assert [(k.item_no, k.name) for k in kpis] == [
        ("1", "ร้อยละของรายการยาจำเป็นที่ผลิตได้ตามแผน"), ("2", "จำนวนข้อร้องเรียนด้านคุณภาพผลิตภัณฑ์")]
    assert all(k.description == DEF for k in kpis)
    assert [(k.unit, k.weight, k.target, k.level_1, k.level_5) for k in kpis] == [
        ("%", 6, 92, 88, 96), ("เรื่อง", 5, 12, 20, 4)]
    assert kpis[1].direction == "lower"
    assert ("2", "DIRECTION_MISMATCH") not in codes


@pytest.mark.parametrize("head", ["นิยามตัวชี้วัด", "สูตรการคำนวณ", "คำอธิบายตัวชี้วัด", "Definition / Formula"])
def test_other_spellings_of_the_definition_header(tmp_path, head):
    kpis, _ = _run(_docx(tmp_path / "se.docx", _rows(def_head=head)))
    assert [k.name for k in kpis] == ["ร้อยละของรายการยาจำเป็นที่ผลิตได้ตามแผน",
                                      "จำนวนข้อร้องเรียนด้านคุณภาพผลิตภัณฑ์"]
    assert kpis[0].description == DEF


def test_definition_wrapped_onto_the_next_row_stays_in_the_description(tmp_path):
    rows = _rows()
    rows.insert(3, ["", "", "ทั้งนี้ไม่รวมรายการที่ยกเลิกโดยมติคณะกรรมการ", "", "", "", "", "", "", "", "", ""])
    kpis, _ = _run(plan_tsv(tmp_path / "se.tsv", [TITLE, AGENCY], rows))
    assert kpis[0].name == "ร้อยละของรายการยาจำเป็นที่ผลิตได้ตามแผน"
    # wrapped Thai lines join as a name's do
    assert kpis[0].description == DEF + "ทั้งนี้ไม่รวมรายการที่ยกเลิกโดยมติคณะกรรมการ"
    assert kpis[1].description == DEF


@pytest.mark.parametrize("write", [_docx, _csv], ids=["docx", "csv"])
def test_last_years_results_are_the_baseline(tmp_path, write):
    kpis, _ = _run(write(tmp_path / ("se." + write.__name__[1:]), _rows()))
    assert [(k.baseline, k.actual) for k in kpis] == [(91.5, None), (14, None)]
    assert all(k.fiscal_year == 2561 for k in kpis)


def test_results_before_the_targets_year_are_the_baseline_without_a_stated_year(tmp_path):
    # no fiscal year in the title: the target column's year (2561) is the form's
    rows = _rows()
    path = plan_docx(tmp_path / "se.docx", ["แบบฟอร์มที่ 7.2 ตัวชี้วัดและเกณฑ์วัดการดำเนินงาน", AGENCY],
                     rows, hmerges=_LADDER_MERGE)
    kpis, _ = _run(path)
    assert [(k.baseline, k.actual) for k in kpis] == [(91.5, None), (14, None)]


def test_results_of_the_forms_own_year_stay_the_actual(tmp_path):
    kpis, _ = _run(_docx(tmp_path / "se.docx", _rows(result_head="ผลการดำเนินงาน ปี 2561")))
    assert [(k.baseline, k.actual) for k in kpis] == [(None, 91.5), (None, 14)]


def test_share_of_complaints_answered_is_higher_is_better(tmp_path):
    # `ข้อร้องเรียน` (complaints) in a share of them answered in time: the more the better
    rows = _rows()
    rows[3] = ["2", "ร้อยละของข้อร้องเรียนที่ตอบกลับภายใน 7 วันทำการ", DEF, "ร้อยละ", "4", "88", "90",
               "80", "85", "90", "95", "100"]
    kpis, codes = _run(_docx(tmp_path / "se.docx", rows))
    assert kpis[1].direction == "higher"
    assert ("2", "DIRECTION_MISMATCH") not in codes
