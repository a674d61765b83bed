"""Building findings: severity and bilingual message come from schemas/rules/findings.json."""
from __future__ import annotations

from typing import Optional

from schemas import Finding, Record
from schemas import rules


class _Blank(dict):
    def __missing__(self, key):  # a template field nobody filled stays visible, not a crash
        return "{" + key + "}"


def make_finding(code: str, source_file: str, *, page: Optional[int] = None,
                 table: Optional[int] = None, record_type: str = "", item_no: str = "",
                 name: str = "", value: str = "", detail_th: str = "", detail_en: str = "",
                 row: Optional[int] = None, agency: str = "", fiscal_year: Optional[int] = None,
                 **fields) -> Finding:
    """A finding of ``code``. The message is the rule's Thai sentence then its English one,
    filled from ``value`` and ``fields``; ``detail_th``/``detail_en`` add specifics to each."""
    rule = rules.load("findings")[code]
    fill = _Blank(value=value, **fields)
    th = rule["th"].format_map(fill)
    en = rule["en"].format_map(fill)
    if detail_th:
        th = f"{th} ({detail_th})"
    if detail_en:
        en = en.rstrip(".") + f" ({detail_en})."
    return Finding(source_file=source_file, page=page, table=table, record_type=record_type,
                   item_no=item_no, name=name, severity=rule["severity"], code=code,
                   message=f"{th} {en}", value=value, row=row, agency=agency,
                   fiscal_year=fiscal_year)


def finding_for(record: Record, code: str, value: str = "", **kw) -> Finding:
    """A finding located at ``record`` (file, page, table, row, item)."""
    return make_finding(code, record.source_file, page=record.page, table=record.table,
                        record_type=record.record_type, item_no=record.item_no,
                        name=record.name, value=value, row=record.row, agency=record.agency,
                        fiscal_year=record.fiscal_year, **kw)
