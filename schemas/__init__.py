"""Data passed between thaiforms' stages: the document model, records, extraction results, rules."""
from .document import Block, Cell, Document, Page, Paragraph, Table
from .extraction import (Approval, BudgetGroup, DeductionRule, DimensionRow, ExtractContext,
                         Extraction, Location, MilestoneMatrix, WeightGroup)
from .records import (CONSOLIDATED_COLUMNS, FILES_COLUMNS, FINDINGS_COLUMNS, FileResult, Finding,
                      Record)
from .values import Amount, DateValue, Duration
