"""What extractors hand to the validator: records plus the structures the rules need to see.

Extractors (extractors/*.py) are functions ``Document, ExtractContext -> Extraction``; the
validator (pipeline/validate.py) reads an Extraction and writes findings, flags and scores.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from .records import Record


@dataclass
class ExtractContext:
    """What an extractor is told beside the document."""
    source_file: str                      # relative to INPUT_DIR, "/" separators
    fiscal_year: Optional[int] = None     # --fiscal-year: used only if the document states none
    agency_fallback: str = ""             # first folder under INPUT_DIR, else ""


@dataclass
class Location:
    """Where a value was found: page, table and row."""
    page: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None


@dataclass
class MilestoneMatrix:
    """A kpi_report's levels × steps matrix (seed 000)."""
    kpi_no: str
    loc: Location
    levels: dict[int, list[int]] = field(default_factory=dict)   # level -> steps ticked
    steps_defined: list[int] = field(default_factory=list)      # steps described (ขั้นตอนที่ N :)
    n_levels: int = 5                                           # levels the ladder should have


@dataclass
class BudgetGroup:
    """An activity-plan group row (``กิจกรรมที่ 2 … 150,000 บาท``) and the items under it."""
    item_no: str
    name: str
    loc: Location
    total_thb: Optional[int] = None
    total_raw: str = ""
    member_items: list[str] = field(default_factory=list)        # item_no of its records
    # a plan's `รวม` row (no number of its own): (table, row) of the records whose amounts make
    # its total, found by place rather than number (items numbered alike under each project)
    member_rows: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Approval:
    """The approval block under an activity plan (พิจารณาเห็นชอบ … ลงนาม … ตำแหน่ง … วันที่)."""
    loc: Location
    signatory: str = ""
    position: str = ""
    date: str = ""            # YYYY-MM-DD when a date is given
    date_raw: str = ""
    raw: str = ""             # the block's text as written


@dataclass
class DimensionRow:
    """A form72 dimension row (7.1–7.4), kept even when it holds no indicator."""
    dimension: str            # "7.1"
    label: str                # "ด้านประสิทธิผล"
    plan: str
    loc: Location
    indicator_count: int = 0


@dataclass
class DeductionRule:
    """Best Service style deductions (seed 002): points off the indicator's weight for a late step."""
    step: str                 # item_no of the step
    points: float = 0.0       # points deducted once when late
    per_day: float = 0.0      # further points per working day late
    deadline_raw: str = ""
    working_days: Optional[int] = None   # "ภายใน 7 วันทำการ"
    loc: Location = field(default_factory=Location)


@dataclass
class WeightGroup:
    """Sub-indicators whose weights should add up to a stated total (seed 003: 1 + 5 + 4 = 10)."""
    parent_item: str
    stated_total: Optional[float]
    stated_raw: str
    member_items: list[str]
    loc: Location = field(default_factory=Location)
    # a form's `รวม` row (no parent): the tables its top-level indicators stand in, so that a
    # document holding two forms numbered alike checks each total against its own form
    member_tables: list[int] = field(default_factory=list)


@dataclass
class Extraction:
    """Everything the extractors found in one document, before validation."""
    source_file: str
    agency: str = ""
    fiscal_year: Optional[int] = None
    forms: list[str] = field(default_factory=list)            # forms recognised, in order
    records: list[Record] = field(default_factory=list)
    matrices: list[MilestoneMatrix] = field(default_factory=list)
    budget_groups: list[BudgetGroup] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)
    dimensions: list[DimensionRow] = field(default_factory=list)
    deductions: list[DeductionRule] = field(default_factory=list)
    weight_groups: list[WeightGroup] = field(default_factory=list)

    def extend(self, other: "Extraction") -> None:
        for name in ("forms", "records", "matrices", "budget_groups", "approvals",
                     "dimensions", "deductions", "weight_groups"):
            getattr(self, name).extend(getattr(other, name))
