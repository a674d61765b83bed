"""Data passed between thaiforms' stages: the document model, records, extraction results, rules."""
from importlib import import_module
from typing import TYPE_CHECKING

from .records import (CONSOLIDATED_COLUMNS, FILES_COLUMNS, FINDINGS_COLUMNS, FileResult, Finding,
                      Record)
from .values import Amount, DateValue, Duration

# The document model and the extraction results load on first use (PEP 562): a re-run that takes
# every file from the cache reads no document, and importing them (14 dataclasses) was 7% of such
# a run's instructions (300 files: 502 M, 466 M without).
_LAZY = {
    **dict.fromkeys(("Block", "Cell", "Document", "Page", "Paragraph", "Table"), "document"),
    **dict.fromkeys(("Approval", "BudgetGroup", "DeductionRule", "DimensionRow", "ExtractContext",
                     "Extraction", "Location", "MilestoneMatrix", "WeightGroup"), "extraction"),
}

if TYPE_CHECKING:  # the same names, for type checkers and editors
    from .document import Block, Cell, Document, Page, Paragraph, Table
    from .extraction import (Approval, BudgetGroup, DeductionRule, DimensionRow, ExtractContext,
                             Extraction, Location, MilestoneMatrix, WeightGroup)


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
