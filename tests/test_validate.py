"""validate(): every finding code fires on an extraction built to trigger it and stays quiet on a
clean one; flags and scores are set on the records."""
from __future__ import annotations

import copy
from datetime import date

import pytest

from schemas import (Approval, BudgetGroup, DeductionRule, DimensionRow, Extraction, Location,
                     MilestoneMatrix, Record, WeightGroup)
from schemas import rules
from pipeline.validate import validate

AS_OF = date(2010, 10, 15)
SRC = "rayong/plan_2553.docx"
AGENCY = "จังหวัดระยอง"


def rec(record_type: str, **kw) -> Record:
    kw.setdefault("source_file", SRC)
    kw.setdefault("agency", AGENCY)
    kw.setdefault("fiscal_year", 2553)
    return Record(record_type, **kw)


def ladder(*levels, **kw):
    d = {f"level_{i}": v for i, v in enumerate(levels, 1)}
    d["ladder_levels_raw"] = [(i, f"{v}% {i} คะแนน") for i, v in enumerate(levels, 1)]
    d.update(kw)
    return d


def clean_extraction() -> Extraction:
    """One of every structure, all correct."""
    ex = Extraction(SRC, agency=AGENCY, fiscal_year=2553,
                    forms=["form72", "activity_plan", "kpi_report", "kpi_ladder"])
    r = ex.records
    # form72: a higher-is-better and a lower-is-better indicator
    r.append(rec("kpi", form="form72", table=1, row=2, item_no="1", dimension="7.1",
                 name="ร้อยละของแผนงาน/โครงการที่มีตัวชี้วัดสอดคล้องกับเป้าประสงค์", weight=0.5,
                 actual=72.5, **ladder(60, 65, 70, 75, 80)))
    r.append(rec("kpi", form="form72", table=1, row=7, item_no="2", dimension="7.2",
                 name="ร้อยละของเรื่องร้องเรียนที่ค้างดำเนินการ", weight=0.5, direction="lower",
                 actual=12.5, **ladder(20, 15, 10, 5, 0)))
    ex.dimensions += [DimensionRow("7.1", "ด้านประสิทธิผล", "", Location(table=1, row=2), 1),
                      DimensionRow("7.2", "ด้านคุณภาพการให้บริการ", "", Location(table=1, row=7), 1)]
    # activity plan: group 2 (150,000 baht) with three items
    r.append(rec("activity", form="activity_plan", table=2, row=1, item_no="2", row_kind="group",
                 name="การปรับปรุงคุณภาพการให้บริการ", budget_thb=150000, budget_raw="150,000 บาท"))
    for i, (s, e, d) in enumerate((("2010-06", "2010-08", 3), ("2010-06", "2010-07", 2),
                                   ("2010-09", "2010-09", 0.5)), 1):
        r.append(rec("activity", form="activity_plan", table=2, row=1 + i, item_no=str(i),
                     parent_item="2", name=f"กิจกรรมย่อย {i}", start=s, end=e, start_raw=s,
                     end_raw=e, start_status="ok", end_status="ok", duration_months=d,
                     deadline=f"{e}-{'31' if e.endswith(('08', '07')) else '30'}",
                     budget_thb=50000, budget_raw="50,000", planned_months=f"{s};{e}"))
    ex.budget_groups.append(BudgetGroup("2", "การปรับปรุงคุณภาพการให้บริการ", Location(table=2, row=1),
                                        150000, "150,000 บาท", ["1", "2", "3"]))
    ex.approvals.append(Approval(Location(page=None, table=None), signatory="นายสุพจน์ ใจดี",
                                 position="รองผู้ว่าราชการจังหวัดระยอง", date="2009-10-20",
                                 date_raw="20 ต.ค. 52", raw="ลงนาม นายสุพจน์ ใจดี"))
    # kpi_report: indicator 7 with a complete matrix, steps 1-3 done on time
    r.append(rec("kpi", form="kpi_report", table=3, item_no="7", dimension="2",
                 name="ระดับความสำเร็จของการจัดตั้งศูนย์บริการร่วม"))
    for step in range(1, 6):
        done = step <= 3
        r.append(rec("milestone", form="kpi_report", table=4, row=step, item_no=str(step),
                     kpi_no="7", parent_item="7", level=step, name=f"ขั้นตอนที่ {step}",
                     deadline="2010-03-31" if done else "2010-12-31",
                     completed="2010-03-15" if done else "",
                     status="done" if done else "not_done"))
    ex.matrices.append(MilestoneMatrix("7", Location(table=3), {n: list(range(1, n + 1))
                                                                for n in range(1, 6)},
                                       [1, 2, 3, 4, 5]))
    # kpi_ladder: indicator 9 made of three weighted sub-indicators (seed 003)
    r.append(rec("kpi", form="kpi_ladder", table=5, item_no="9", weight=10,
                 name="ระดับความสำเร็จของการจัดทำข้อตกลงระดับการให้บริการ"))
    for no, w, lad, act in (("1.1", 1, (60, 70, 80, 90, 100), 100),
                            ("1.2", 5, (60, 70, 80, 90, 100), 85),
                            ("1.3", 4, (65, 70, 75, 80, 85), 80)):
        r.append(rec("kpi", form="kpi_ladder", table=5, item_no=no, parent_item="9",
                     plan="กลุ่มที่ 1", weight=w, actual=act, name=f"ตัวชี้วัดย่อย {no}",
                     **ladder(*lad)))
    ex.weight_groups.append(WeightGroup("9", 10, "รวม 10", ["1.1", "1.2", "1.3"],
                                        Location(table=5)))
    # kpi_ladder: Best Service indicator 3.2 with a deduction rule, step done on time
    r.append(rec("kpi", form="kpi_ladder", table=6, item_no="3.2", weight=5, actual=90,
                 name="ร้อยละความสำเร็จของการดำเนินโครงการให้บริการที่ดีที่สุด",
                 **ladder(60, 70, 80, 90, 100)))
    r.append(rec("milestone", form="kpi_ladder", table=7, item_no="2", kpi_no="3.2",
                 parent_item="3.2", name="หน่วยงานจัดทำโครงการให้บริการที่ดีที่สุด",
                 deadline="2010-09-30", deadline_raw="ภายใน ก.ย. 53", completed="2010-09-20",
                 status="done"))
    ex.deductions.append(DeductionRule("2", points=0.5, per_day=0.01, loc=Location(table=7)))
    return ex


def find(ex: Extraction, item_no: str, record_type: str = "", form: str = "") -> Record:
    for r in ex.records:
        if r.item_no == item_no and (not record_type or r.record_type == record_type) \
                and (not form or r.form == form):
            return r
    raise KeyError(item_no)


def codes(findings) -> list[tuple[str, str]]:
    return [(f.code, f.item_no) for f in findings]


def only(findings, code):
    hits = [f for f in findings if f.code == code]
    assert hits, f"{code} not raised: {codes(findings)}"
    return hits


# --- the clean extraction --------------------------------------------------------------------

def test_clean_extraction_has_no_findings():
    ex = clean_extraction()
    assert validate(ex, AS_OF) == []
    assert all(r.flags == "" for r in ex.records)


def test_clean_extraction_scores():
    ex = clean_extraction()
    validate(ex, AS_OF)
    assert find(ex, "1").score == 3.5              # 72.5 on 60/65/70/75/80
    assert find(ex, "2", "kpi").score == 2.5       # 12.5 on a falling 20/15/10/5/0
    assert find(ex, "7").score == 3                # steps 1-3 done
    # (1×5 + 5×3.5 + 4×4) / 10, the SLA formula of seed 003
    assert find(ex, "9").score == pytest.approx(3.85)
    assert find(ex, "3.2").score == 4              # done on time: no deduction
    assert find(ex, "2", "activity").score is None  # nothing to score


def test_every_code_but_the_runners_is_covered_here():
    raised_by_validator = set(rules.load("findings")) - {"FILE_UNREADABLE", "NO_FORM_FOUND"}
    assert raised_by_validator == set(TRIGGERS)


# --- one trigger per code --------------------------------------------------------------------

def t_date_unparseable(ex):
    a = find(ex, "1", "activity")
    a.start, a.start_raw, a.start_status = "", "ม.ย.ค. 53", "invalid"
    return a


def t_date_corrected(ex):
    a = find(ex, "2", "activity")
    a.date_notes.append(("end", "มิ.ค. 53", "มี.ค. 53", "มิ.ค. read as มี.ค."))
    return a


def t_date_missing(ex):
    a = find(ex, "1", "activity")
    a.start = a.end = a.start_raw = a.end_raw = ""
    a.start_status = a.end_status = ""
    a.planned_months = ""
    return a


def t_start_after_end(ex):
    a = find(ex, "2", "activity")
    a.start, a.end, a.duration_months = "2010-07", "2010-06", None
    a.planned_months = ""
    return a


def t_outside_fiscal_year(ex):
    a = find(ex, "3", "activity")
    a.start = a.end = "2010-10"                    # October 2010 is fiscal year 2554
    a.planned_months = "2010-10"
    return a


def t_duration_mismatch(ex):
    a = find(ex, "1", "activity")
    a.duration_months, a.duration_raw = 6, "ไตรมาสที่ 3 และ 4"   # 2010-06..2010-08 is 3 months
    return a


def t_ladder_incomplete(ex):
    k = find(ex, "1", "kpi")
    k.level_5 = None
    k.ladder_levels_raw = k.ladder_levels_raw[:4]
    return k


def t_ladder_not_monotonic(ex):
    k = find(ex, "1", "kpi")
    k.level_3 = 65                                 # 60, 65, 65, 75, 80
    return k


def t_ladder_duplicate(ex):
    k = find(ex, "1", "kpi")
    k.ladder_levels_raw.insert(4, (4, "75% 4 คะแนน"))   # seed 004: 75% 4 คะแนน twice
    return k


def t_direction_mismatch(ex):
    k = find(ex, "1", "kpi")
    k.name = "ร้อยละความไม่พึงพอใจของผู้รับบริการ"   # lower is better, rising ladder
    return k


def t_weight_missing(ex):
    k = find(ex, "1", "kpi", "form72")
    k.weight = None
    return k


def t_weight_sum_mismatch(ex):
    find(ex, "1.3", "kpi").weight = 3               # 1 + 5 + 3 ≠ 10
    return find(ex, "9", "kpi")


def t_budget_sum_mismatch(ex):
    find(ex, "3", "activity").budget_thb = 100000   # 50,000 + 50,000 + 100,000 ≠ 150,000
    return find(ex, "2", "activity")


def t_milestone_missing(ex):
    ex.matrices[0].levels[3] = [1, 3]               # level 3 lacks step 2
    return find(ex, "7", "kpi")


def t_deadline_missed(ex):
    m = find(ex, "2", "milestone", "kpi_report")
    m.completed = "2010-04-05"                      # due 2010-03-31
    return m


def t_dimension_empty(ex):
    ex.dimensions.append(DimensionRow("7.4", "ด้านการพัฒนาองค์การ", "", Location(table=1, row=9)))
    return None


def t_unsigned(ex):
    ex.approvals[0].date = ""
    return None


TRIGGERS = {
    "DATE_UNPARSEABLE": t_date_unparseable, "DATE_CORRECTED": t_date_corrected,
    "DATE_MISSING": t_date_missing, "START_AFTER_END": t_start_after_end,
    "OUTSIDE_FISCAL_YEAR": t_outside_fiscal_year, "DURATION_MISMATCH": t_duration_mismatch,
    "LADDER_INCOMPLETE": t_ladder_incomplete, "LADDER_NOT_MONOTONIC": t_ladder_not_monotonic,
    "LADDER_DUPLICATE": t_ladder_duplicate, "DIRECTION_MISMATCH": t_direction_mismatch,
    "WEIGHT_MISSING": t_weight_missing, "WEIGHT_SUM_MISMATCH": t_weight_sum_mismatch,
    "BUDGET_SUM_MISMATCH": t_budget_sum_mismatch, "MILESTONE_MISSING": t_milestone_missing,
    "DEADLINE_MISSED": t_deadline_missed, "DIMENSION_EMPTY": t_dimension_empty,
    "UNSIGNED": t_unsigned,
}


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_code_fires_on_its_trigger(code):
    ex = clean_extraction()
    target = TRIGGERS[code](ex)
    findings = validate(ex, AS_OF)
    hits = only(findings, code)
    assert all(f.severity == rules.severity(code) for f in hits)
    if target is not None:
        assert any(f.item_no == target.item_no and f.record_type == target.record_type
                   for f in hits)
        assert code in target.flags.split(";")
        assert hits[0].source_file == SRC and hits[0].table == target.table
    for f in hits:   # Thai sentence first, then English
        assert "\u0e00" <= f.message[0] <= "\u0e7f"
        first_latin = next(i for i, ch in enumerate(f.message) if ch.isascii() and ch.isalpha())
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in f.message[:first_latin])


@pytest.mark.parametrize("code", sorted(TRIGGERS))
def test_trigger_raises_nothing_unrelated(code):
    """Each trigger is a single defect: nothing but its own code fires."""
    ex = clean_extraction()
    TRIGGERS[code](ex)
    assert {f.code for f in validate(ex, AS_OF)} == {code}


# --- details of each rule --------------------------------------------------------------------

def test_date_unparseable_value_and_not_also_missing():
    ex = clean_extraction()
    a = t_date_unparseable(ex)
    fs = validate(ex, AS_OF)
    assert [(f.code, f.value) for f in fs] == [("DATE_UNPARSEABLE", "ม.ย.ค. 53")]
    assert a.flags == "DATE_UNPARSEABLE"


def test_date_unparseable_needs_raw_text():
    ex = clean_extraction()
    a = find(ex, "1", "activity")
    a.deadline, a.deadline_raw, a.deadline_status = "", "   ", "invalid"
    assert validate(ex, AS_OF) == []


def test_date_corrected_value_is_raw_arrow_fixed():
    ex = clean_extraction()
    t_date_corrected(ex)
    assert [f.value for f in validate(ex, AS_OF)] == ["มิ.ค. 53 -> มี.ค. 53"]


def test_group_row_without_dates_is_not_date_missing():
    ex = clean_extraction()
    g = find(ex, "2", "activity")
    assert g.row_kind == "group" and not g.start
    assert validate(ex, AS_OF) == []


def test_date_missing_when_only_end_is_missing():
    ex = clean_extraction()
    a = find(ex, "3", "activity")
    a.end = ""
    fs = validate(ex, AS_OF)
    assert [(f.code, f.value) for f in fs] == [("DATE_MISSING", "end")]


def test_outside_fiscal_year_from_a_planned_month_only():
    ex = clean_extraction()
    a = find(ex, "1", "activity")
    a.planned_months = "2009-09;2010-06"           # September 2009 is fiscal year 2552
    fs = validate(ex, AS_OF)
    assert [(f.code, f.value) for f in fs] == [("OUTSIDE_FISCAL_YEAR", "2009-09")]
    assert "2553" in fs[0].message


def test_fiscal_year_edges_are_inside():
    ex = clean_extraction()
    a = find(ex, "1", "activity")
    a.start, a.end, a.duration_months, a.planned_months = "2009-10", "2010-09", 12, ""
    assert validate(ex, AS_OF) == []


def test_duration_tolerance_comes_from_data():
    tol = rules.load("validation")["duration_tolerance_months"]
    ex = clean_extraction()
    a = find(ex, "1", "activity")                  # spans 3 months
    a.duration_months = 3 + tol
    assert validate(ex, AS_OF) == []
    a.duration_months = 3 + tol + 0.5
    assert [f.code for f in validate(ex, AS_OF)] == ["DURATION_MISMATCH"]


def test_no_duration_mismatch_when_start_after_end():
    ex = clean_extraction()
    a = find(ex, "1", "activity")
    a.start, a.end = "2010-08", "2010-06"
    assert [f.code for f in validate(ex, AS_OF)] == ["START_AFTER_END"]


def test_ladder_not_monotonic_zigzag():
    ex = clean_extraction()
    k = find(ex, "2", "kpi")
    k.level_1, k.level_2, k.level_3, k.level_4, k.level_5 = 20, 15, 18, 5, 0
    fs = validate(ex, AS_OF)
    assert codes(fs) == [("LADDER_NOT_MONOTONIC", "2")]
    assert k.score is None                          # not scored on a broken ladder


def test_incomplete_ladder_is_not_scored():
    ex = clean_extraction()
    k = t_ladder_incomplete(ex)
    validate(ex, AS_OF)
    assert k.score is None


def test_kpi_without_any_threshold_is_not_a_ladder():
    """Not scored, and no LADDER_* check but this one: form 7.2 scores every indicator on five
    levels, so an empty ladder is one the document left out or the reading lost and must not
    pass silently (LADDER_INCOMPLETE). A kpi_ladder indicator made of sub-indicators gives no
    ladder of its own and is not flagged."""
    ex = clean_extraction()
    k = find(ex, "1", "kpi")
    for i in range(1, 6):
        setattr(k, f"level_{i}", None)
    k.ladder_levels_raw, k.ladder_raw = [], ""
    fs = validate(ex, AS_OF)
    assert codes(fs) == [("LADDER_INCOMPLETE", "1")]
    assert "no threshold for any level" in fs[0].message
    assert k.score is None
    k.form = "kpi_ladder"
    assert validate(ex, AS_OF) == []
    assert k.score is None


def test_direction_mismatch_higher_is_better_with_falling_ladder():
    ex = clean_extraction()
    k = find(ex, "1", "kpi")
    k.level_1, k.level_2, k.level_3, k.level_4, k.level_5 = 80, 75, 70, 65, 60
    fs = validate(ex, AS_OF)
    assert codes(fs) == [("DIRECTION_MISMATCH", "1")]


def test_a_name_that_says_nothing_about_direction_takes_the_ladder_as_written():
    # lampang_kpi_ladder_2566: ระยะเวลาเฉลี่ยในการออกใบอนุญาต, 15/13/11/9/7 days
    ex = clean_extraction()
    k = find(ex, "1", "kpi")
    k.name = "ระยะเวลาเฉลี่ยในการออกใบอนุญาต"
    k.level_1, k.level_2, k.level_3, k.level_4, k.level_5 = 15, 13, 11, 9, 7
    k.actual = 10
    assert validate(ex, AS_OF) == []
    assert k.score == 3.5


def test_lower_is_better_words_are_data():
    words = rules.load("validation")["lower_is_better_words"]
    assert {"ไม่พึงพอใจ", "ร้องเรียน", "ระยะเวลารอคอย"} <= set(words)


def test_a_sub_indicator_without_weight_leaves_the_sum_short():
    # opdc_sla_2558: 3 + 4 + (nothing) does not make รวม 10 -> both findings
    ex = clean_extraction()
    find(ex, "1.2", "kpi").weight = None
    fs = validate(ex, AS_OF)
    assert codes(fs) == [("WEIGHT_MISSING", "1.2"), ("WEIGHT_SUM_MISMATCH", "9")]
    assert fs[1].value == "1 + – + 4 = 5 ≠ รวม 10"


def test_weight_missing_on_form72():
    ex = clean_extraction()
    find(ex, "2", "kpi").weight = None
    assert codes(validate(ex, AS_OF)) == [("WEIGHT_MISSING", "2")]


def test_weight_not_required_of_a_kpi_report_or_a_parent_of_weighted_subs():
    ex = clean_extraction()
    assert find(ex, "7", "kpi").weight is None
    find(ex, "9", "kpi").weight = None
    assert validate(ex, AS_OF) == []


def test_weight_missing_on_a_standalone_ladder_indicator():
    ex = clean_extraction()
    find(ex, "3.2", "kpi").weight = None
    assert codes(validate(ex, AS_OF)) == [("WEIGHT_MISSING", "3.2")]


def test_weight_sum_value_names_the_figures():
    ex = clean_extraction()
    t_weight_sum_mismatch(ex)
    (f,) = validate(ex, AS_OF)
    assert f.value == "1 + 5 + 3 = 9 ≠ รวม 10"


def test_weight_sum_mismatch_without_a_parent_record_uses_the_group_location():
    ex = clean_extraction()
    t_weight_sum_mismatch(ex)
    ex.records.remove(find(ex, "9", "kpi"))
    (f,) = validate(ex, AS_OF)
    assert (f.code, f.item_no, f.table) == ("WEIGHT_SUM_MISMATCH", "9", 5)


def test_budget_items_that_are_not_amounts_count_as_zero():
    ex = clean_extraction()
    a = find(ex, "3", "activity")
    a.budget_thb, a.budget_raw = None, "ในม."
    ex.budget_groups[0].total_thb = 100000
    find(ex, "2", "activity").budget_thb = 100000
    assert validate(ex, AS_OF) == []


def test_budget_groups_numbered_alike_in_two_plans_use_their_own_items():
    ex = clean_extraction()
    ex.records.append(rec("activity", form="activity_plan", table=8, row=1, item_no="2",
                          row_kind="group", name="อีกแผนหนึ่ง", budget_thb=30000))
    for i in (1, 2, 3):
        ex.records.append(rec("activity", form="activity_plan", table=8, row=1 + i,
                              item_no=str(i), parent_item="2", name=f"ย่อย {i}", start="2010-01",
                              end="2010-01", duration_months=1, budget_thb=10000))
    ex.budget_groups.append(BudgetGroup("2", "อีกแผนหนึ่ง", Location(table=8, row=1), 30000,
                                        "30,000 บาท", ["1", "2", "3"]))
    assert validate(ex, AS_OF) == []
    ex.budget_groups[-1].total_thb = 35000
    (f,) = validate(ex, AS_OF)
    assert (f.code, f.table, f.value) == ("BUDGET_SUM_MISMATCH", 8, "35,000 ≠ 30,000")


def test_budget_sum_value():
    ex = clean_extraction()
    t_budget_sum_mismatch(ex)
    (f,) = validate(ex, AS_OF)
    assert f.value == "150,000 ≠ 200,000"


@pytest.mark.parametrize("change,expect", [
    (lambda m: m.levels.pop(5), "ระดับ 5"),
    (lambda m: m.levels.__setitem__(4, [1, 2, 3, 6]), "ขั้นตอนที่ 6"),
    (lambda m: m.levels.__setitem__(2, [2]), "ขั้นตอนที่ 1"),
])
def test_milestone_missing_variants(change, expect):
    ex = clean_extraction()
    change(ex.matrices[0])
    fs = validate(ex, AS_OF)
    assert codes(fs) == [("MILESTONE_MISSING", "7")]
    assert expect in fs[0].value


def test_deadline_missed_not_done_past_deadline():
    ex = clean_extraction()
    m = find(ex, "4", "milestone")
    m.deadline = "2010-09-30"                       # past as of 2010-10-15, status not_done
    fs = validate(ex, AS_OF)
    assert codes(fs) == [("DEADLINE_MISSED", "4")]
    assert fs[0].record_type == "milestone"


def test_unknown_completion_past_deadline_is_not_an_error():
    ex = clean_extraction()
    m = find(ex, "4", "milestone")
    m.deadline, m.status = "2010-09-30", "unknown"
    a = find(ex, "1", "activity")                   # ended in August, nothing reported
    assert a.deadline < AS_OF.isoformat() and not a.completed
    assert validate(ex, AS_OF) == []


def test_activity_completed_late():
    ex = clean_extraction()
    a = find(ex, "1", "activity")
    a.completed = "2010-09-02"                      # due 2010-08-31
    assert codes(validate(ex, AS_OF)) == [("DEADLINE_MISSED", "1")]


def test_not_done_before_deadline_is_fine():
    ex = clean_extraction()
    assert find(ex, "5", "milestone").status == "not_done"
    assert validate(ex, date(2010, 12, 31)) == []
    assert codes(validate(ex, date(2011, 1, 1))) == [("DEADLINE_MISSED", "4"),
                                                      ("DEADLINE_MISSED", "5")]


def test_unsigned_without_signatory():
    ex = clean_extraction()
    ex.approvals[0].signatory = ""
    (f,) = validate(ex, AS_OF)
    assert f.code == "UNSIGNED" and f.value == "ลงนาม นายสุพจน์ ใจดี"


def test_dimension_empty_is_info_and_names_the_dimension():
    ex = clean_extraction()
    t_dimension_empty(ex)
    (f,) = validate(ex, AS_OF)
    assert (f.severity, f.value, f.table, f.row) == ("info", "7.4", 1, 9)
    assert "7.4" in f.message and "ด้านการพัฒนาองค์การ" in f.message


# --- flags, order, scores --------------------------------------------------------------------

def test_flags_join_codes_in_finding_order_and_validate_is_repeatable():
    ex = clean_extraction()
    t_ladder_duplicate(ex)
    t_direction_mismatch(ex)
    find(ex, "1", "kpi").weight = None
    first = validate(ex, AS_OF)
    k = find(ex, "1", "kpi")
    assert k.flags == "LADDER_DUPLICATE;DIRECTION_MISMATCH;WEIGHT_MISSING"
    again = validate(ex, AS_OF)
    assert again == first and k.flags == "LADDER_DUPLICATE;DIRECTION_MISMATCH;WEIGHT_MISSING"


def test_finding_order_is_deterministic():
    def run():
        ex = clean_extraction()
        for t in TRIGGERS.values():
            t(ex)
        return [(f.code, f.item_no, f.value) for f in validate(ex, AS_OF)]
    assert run() == run()


def test_findings_carry_agency_and_fiscal_year():
    ex = clean_extraction()
    t_unsigned(ex)
    t_ladder_duplicate(ex)
    for f in validate(ex, AS_OF):
        assert (f.agency, f.fiscal_year) == (AGENCY, 2553)


def test_milestone_kpi_score_empty_when_nothing_reported():
    ex = clean_extraction()
    for r in ex.records:
        if r.record_type == "milestone" and r.kpi_no == "7":
            r.status, r.completed = "unknown", ""
    validate(ex, AS_OF)
    assert find(ex, "7", "kpi").score is None


def test_a_result_reported_as_a_level_is_the_score():
    ex = clean_extraction()
    k = find(ex, "1.1", "kpi")                      # ระดับความสำเร็จ, reported as level 4
    for i in range(1, 6):
        setattr(k, f"level_{i}", None)
    k.ladder_levels_raw, k.unit, k.actual = [], "ระดับ", 4
    validate(ex, AS_OF)
    assert k.score == 4
    assert find(ex, "9").score == pytest.approx((1 * 4 + 5 * 3.5 + 4 * 4) / 10)


def test_milestone_kpi_score_stops_at_first_unfinished_level():
    ex = clean_extraction()
    find(ex, "2", "milestone", "kpi_report").status = "not_done"
    find(ex, "2", "milestone", "kpi_report").completed = ""
    validate(ex, AS_OF)
    assert find(ex, "7", "kpi").score == 1


def test_milestone_kpi_score_without_a_matrix_uses_step_levels():
    ex = clean_extraction()
    ex.matrices.clear()
    validate(ex, AS_OF)
    assert find(ex, "7", "kpi").score == 3


def test_milestone_kpi_score_empty_when_nothing_says_what_a_level_needs():
    ex = clean_extraction()
    ex.matrices.clear()
    for r in ex.records:
        if r.record_type == "milestone" and r.kpi_no == "7":
            r.level = None
    validate(ex, AS_OF)
    assert find(ex, "7", "kpi").score is None


def test_parent_score_empty_when_a_sub_indicator_is_unreported():
    ex = clean_extraction()
    find(ex, "1.3", "kpi").actual = None
    validate(ex, AS_OF)
    assert find(ex, "9", "kpi").score is None
    assert find(ex, "1.2", "kpi").score == 3.5


def test_parent_score_from_the_group_that_reports():
    ex = clean_extraction()
    for no, w in (("2.1", 3), ("2.2", 4), ("2.3", 3)):
        ex.records.append(rec("kpi", form="kpi_ladder", table=5, item_no=no, parent_item="9",
                              plan="กลุ่มที่ 2", weight=w, name=f"ตัวชี้วัดย่อย {no}",
                              **ladder(60, 70, 80, 90, 100)))
    validate(ex, AS_OF)
    assert find(ex, "9", "kpi").score == pytest.approx(3.85)


def test_best_service_late_step_deducts_working_days():
    ex = clean_extraction()
    m = find(ex, "2", "milestone", "kpi_ladder")
    # due Sun 2014-11-30; done Fri 2014-12-05; working days late: 1-4 Dec (5 Dec, วันพ่อ, is a
    # public holiday) -> 0.5 + 4 × 0.01 = 0.54 points off a weight of 5 -> 0.108 off the score
    m.deadline, m.completed = "2014-11-30", "2014-12-05"
    fs = validate(ex, AS_OF)
    assert codes(fs) == [("DEADLINE_MISSED", "2")]
    assert find(ex, "3.2", "kpi").score == pytest.approx(4 - 0.54 / 5)


def test_best_service_step_not_done_deducts_to_as_of():
    ex = clean_extraction()
    m = find(ex, "2", "milestone", "kpi_ladder")
    m.deadline, m.completed, m.status = "2010-10-08", "", "not_done"   # Fri
    validate(ex, date(2010, 10, 12))   # Mon 11 and Tue 12 Oct: 2 working days late
    assert find(ex, "3.2", "kpi").score == pytest.approx(4 - (0.5 + 2 * 0.01) / 5)


def test_records_are_not_mutated_beyond_flags_and_score():
    ex = clean_extraction()
    t_budget_sum_mismatch(ex)
    before = copy.deepcopy(ex.records)
    validate(ex, AS_OF)
    for a, b in zip(before, ex.records):
        a.flags, a.score = b.flags, b.score
        assert a == b
