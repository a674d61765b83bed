"""Notebook API: ``read_folder(path) -> (consolidated, findings, files)`` pandas DataFrames, with
the columns of the CSVs and typed values (numbers as numbers, empty as missing)."""
from __future__ import annotations

import tempfile
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import Optional, Union

from schemas import (CONSOLIDATED_COLUMNS, FILES_COLUMNS, FINDINGS_COLUMNS, FileResult, Finding,
                     Record)


def _frame(rows: list, columns: list[str], cls):
    import pandas as pd
    frame = pd.DataFrame.from_records(
        [[getattr(r, c) for c in columns] for r in rows], columns=columns)
    # Typed columns: Optional[int] -> nullable Int64, Optional[float] -> float, text -> str.
    for f in fields(cls):
        if f.name not in frame.columns:
            continue
        t = str(f.type)
        if "int" in t and "Optional" in t:
            frame[f.name] = frame[f.name].astype("Int64")
        elif t in ("int",):
            frame[f.name] = frame[f.name].astype("int64")
        elif "float" in t or t == "Num":
            frame[f.name] = frame[f.name].astype("float64")
        elif t == "str":
            frame[f.name] = frame[f.name].astype("object")
    return frame


def read_folder(path: Union[str, Path], *, fiscal_year: Optional[int] = None,
                as_of: Union[str, date, None] = None, jobs: int = 1,
                timeout: Optional[float] = None, max_bytes: Optional[int] = None):
    """Read every submission under ``path``; returns ``(consolidated, findings, files)``.

    The same processing as ``thaiforms run`` (no cache, no files written besides a temporary
    spool); rows are in the CSVs' order.
    """
    from .batch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Settings, Spool, process_folder
    if isinstance(as_of, str):
        as_of = date.fromisoformat(as_of)
    settings = Settings(fiscal_year=fiscal_year, as_of=as_of or date.today(), jobs=jobs,
                        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
                        timeout=timeout or DEFAULT_TIMEOUT, use_cache=False, progress=False,
                        keep_rows=True)
    path = Path(path)
    if not path.is_dir():
        raise NotADirectoryError(f"{path} is not a folder")
    records, findings, files = [], [], []
    with tempfile.TemporaryDirectory(prefix="thaiforms-") as tmp:
        spool = Spool(Path(tmp))
        try:
            process_folder(path, settings, spool, None)
            for o in spool.outcomes():
                records.extend(o.records)
                findings.extend(o.findings)
                files.append(o.file)
        finally:
            spool.close()
    return (_frame(records, CONSOLIDATED_COLUMNS, Record),
            _frame(findings, FINDINGS_COLUMNS, Finding),
            _frame(files, FILES_COLUMNS, FileResult))
