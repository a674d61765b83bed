"""read_folder: the batch as pandas DataFrames."""
from __future__ import annotations

import pandas as pd

from schemas import CONSOLIDATED_COLUMNS, FILES_COLUMNS, FINDINGS_COLUMNS
from test_batch import fakes, make_folder, write  # noqa: F401  (fixture)


def test_read_folder_returns_typed_frames(fakes, tmp_path):
    from pipeline import read_folder
    inp = make_folder(tmp_path / "in")
    write(inp / "bad" / "broken.txt", "BOOM\n")
    consolidated, findings, files = read_folder(inp, as_of="2010-10-15", jobs=2)
    assert list(consolidated.columns) == CONSOLIDATED_COLUMNS
    assert list(findings.columns) == FINDINGS_COLUMNS
    assert list(files.columns) == FILES_COLUMNS
    assert consolidated["item_no"].tolist() == ["1", "2", "10", "2"]   # text stays text
    assert consolidated["weight"].dtype == "float64"
    assert pd.isna(consolidated["weight"].iloc[1])
    assert str(consolidated["fiscal_year"].dtype) == "Int64"
    assert consolidated["name"].iloc[2] == '=HYPERLINK("x")'   # values, not spreadsheet cells
    assert files.set_index("source_file").loc["bad/broken.txt", "status"] == "failed"
    assert files["records"].dtype == "int64"
    assert "FILE_UNREADABLE" in set(findings["code"])
    assert not list(tmp_path.glob("in/**/*.sqlite"))   # nothing written into the folder


def test_read_folder_empty(tmp_path):
    from pipeline.api import read_folder
    (tmp_path / "empty").mkdir()
    c, f, files = read_folder(tmp_path / "empty")
    assert c.empty and f.empty and files.empty
    assert list(c.columns) == CONSOLIDATED_COLUMNS
