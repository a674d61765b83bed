"""The document model's table views (schemas.document.Table) and the constant-time cell lookup
the extractors build on them (extractors.common.CellAt), checked against Table.cell's scan."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.common import CellAt
from schemas.document import Cell, Table


@st.composite
def tables(draw) -> Table:
    """Tables as readers make them, and worse: merged cells, cells overlapping or reaching
    past the grid, rows and columns with no cell."""
    n_rows = draw(st.integers(0, 7))
    n_cols = draw(st.integers(0, 6))
    cells = [Cell(row=draw(st.integers(0, n_rows + 1)), col=draw(st.integers(0, n_cols + 1)),
                  text=f"t{i}", rowspan=draw(st.integers(1, 3)), colspan=draw(st.integers(1, 3)))
             for i in range(draw(st.integers(0, 14)))]
    return Table(cells=cells, n_rows=n_rows, n_cols=n_cols)


@settings(max_examples=300, deadline=None)
@given(tables(), st.integers(-1, 9), st.booleans())
def test_limited_views_are_the_top_rows_of_the_whole(table, limit, fill_merged):
    assert table.grid(fill_merged, limit=limit) == table.grid(fill_merged)[:max(0, limit)]
    assert table.rows(limit=limit) == table.rows()[:max(0, limit)]
    assert table.rows(limit=None) == table.rows()


@settings(max_examples=300, deadline=None)
@given(tables())
def test_cell_at_finds_what_the_scan_finds(table):
    at = CellAt(table)
    for r in range(table.n_rows):
        for c in range(table.n_cols):
            assert at(r, c) is table.cell(r, c)
    assert at(table.n_rows, 0) is None and at(0, table.n_cols) is None


def test_merged_cell_covers_its_span_in_grid_and_lookup():
    head = Cell(row=0, col=0, text="ระยะเวลา", colspan=2)
    t = Table(cells=[head, Cell(row=1, col=0, text="เริ่ม"), Cell(row=1, col=1, text="สิ้นสุด")],
              n_rows=2, n_cols=2)
    assert t.grid() == [["ระยะเวลา", ""], ["เริ่ม", "สิ้นสุด"]]
    assert t.grid(fill_merged=True, limit=1) == [["ระยะเวลา", "ระยะเวลา"]]
    assert t.rows(limit=1) == [[head, None]]
    assert CellAt(t)(0, 1) is head
