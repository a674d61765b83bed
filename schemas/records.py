"""Records, findings and per-file results: the rows of the three output CSVs.

Field order is the column order of ../shared/CONTRACT.md. Columns after the contract's are
additions (raw text beside normalised values, locators); fields marked ``export=False`` travel
between stages but are not written.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Optional

Num = Optional[float]


def _internal(default=None, factory=None):
    if factory is not None:
        return field(default_factory=factory, metadata={"export": False})
    return field(default=default, metadata={"export": False})


@dataclass
class Record:
    """One KPI, activity or milestone: a row of records.csv (contract columns first)."""
    # --- contract columns, in contract order ---
    record_type: str                      # kpi | activity | milestone
    source_file: str = ""
    page: Optional[int] = None
    table: Optional[int] = None
    agency: str = ""
    fiscal_year: Optional[int] = None     # Buddhist Era
    form: str = ""                        # form72 | activity_plan | kpi_report | kpi_ladder
    plan: str = ""
    item_no: str = ""
    name: str = ""
    dimension: str = ""
    baseline: Num = None
    target: Num = None
    unit: str = ""
    weight: Num = None
    level_1: Num = None
    level_2: Num = None
    level_3: Num = None
    level_4: Num = None
    level_5: Num = None
    direction: str = ""                   # higher | lower
    actual: Num = None
    score: Num = None
    duration_months: Num = None
    start: str = ""                       # YYYY-MM (CE)
    end: str = ""
    start_raw: str = ""
    end_raw: str = ""
    level: Optional[int] = None           # milestone: first level requiring the step
    deadline: str = ""                    # YYYY-MM-DD
    completed: str = ""                   # YYYY-MM-DD
    status: str = ""                      # done | not_done | unknown (milestone; activity when
                                          # the plan reports results)
    budget_thb: Optional[int] = None
    budget_raw: str = ""
    responsible: str = ""
    flags: str = ""
    # --- additions (after the contract's columns) ---
    related: str = ""                     # ผู้เกี่ยวข้อง, ditto marks resolved
    output: str = ""                      # ผลผลิต / ดัชนีความก้าวหน้า
    parent_item: str = ""                 # the group or indicator this item belongs to
    row_kind: str = ""                    # "group": an activity-plan group row carrying a total
    kpi_no: str = ""                      # milestone rows: the indicator's number
    row: Optional[int] = None             # 0-based row of the table the record starts on
    baseline_raw: str = ""
    target_raw: str = ""
    weight_raw: str = ""
    ladder_raw: str = ""                  # thresholds as written, " | " between levels
    actual_raw: str = ""
    duration_raw: str = ""
    deadline_raw: str = ""
    completed_raw: str = ""
    planned_months: str = ""              # Gantt months ticked, "YYYY-MM;YYYY-MM"
    supervisor: str = ""                  # kpi_report: ผู้กำกับดูแลตัวชี้วัด
    data_collector: str = ""              # kpi_report: ผู้จัดเก็บข้อมูล
    phones: str = ""
    description: str = ""
    spent_thb: Optional[int] = None       # activity: money its ผล row reports spent (แผน/ผล pairs)
    spent_raw: str = ""                   # that cell as written
    # --- between stages only ---
    start_status: str = _internal("")     # DateValue.status of start/end/deadline reading
    end_status: str = _internal("")
    deadline_status: str = _internal("")
    date_notes: list = _internal(factory=list)    # (field, raw, fixed, note) for corrected dates
    ladder_levels_raw: list = _internal(factory=list)  # [(level, raw text)] as found, incl. repeats
    required_steps: list = _internal(factory=list)     # kpi_report kpi: steps needed per level
    reported_as_of: str = _internal("")   # kpi_report: YYYY-MM-DD the report covers (รอบ 12 เดือน, ข้อมูล ณ …)

    @property
    def ladder(self) -> list[Num]:
        return [self.level_1, self.level_2, self.level_3, self.level_4, self.level_5]


@dataclass
class Finding:
    """One rule a record breaks, or a note on it: a row of findings.csv."""
    source_file: str
    page: Optional[int]
    table: Optional[int]
    record_type: str
    item_no: str
    name: str
    severity: str          # error | warning | info
    code: str
    message: str           # Thai sentence, then English sentence
    value: str = ""
    # additions
    row: Optional[int] = None
    agency: str = ""
    fiscal_year: Optional[int] = None


@dataclass
class FileResult:
    """What became of one input file: a row of files.csv."""
    source_file: str
    format: str = ""
    status: str = "ok"     # ok | failed | skipped
    error: str = ""
    pages: Optional[int] = None
    tables: Optional[int] = None
    records: int = 0
    findings: int = 0
    sha256: str = ""
    seconds: float = 0.0
    # additions
    size_bytes: Optional[int] = None
    encoding: str = ""
    forms: str = ""                      # ";"-joined forms recognised
    agency: str = ""
    fiscal_year: Optional[int] = None
    pages_without_text: str = ""         # ";"-joined page numbers to send to OCR
    warnings: str = ""                   # the reader's notes ("; "-joined): formula cells without
                                         # a saved result, damaged bytes, pages it could not read


def columns(cls) -> list[str]:
    return [f.name for f in fields(cls) if f.metadata.get("export", True)]


CONSOLIDATED_COLUMNS = columns(Record)
FINDINGS_COLUMNS = columns(Finding)
FILES_COLUMNS = columns(FileResult)
