"""Plan tables written as real files for the activity-plan tests: rows of cell texts, `U` for a
cell merged with the one above, saved as XLSX, DOCX (real merged cells) or a text export (merged
cells blank), then read, extracted and validated as a run would."""
from __future__ import annotations

from datetime import date

from extractors import extract
from extract_helpers import ctx
from pipeline.readers import read_document
from pipeline.validate import validate

M = ["ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย."]
AS_OF = date(2026, 11, 22)
U = "^^"        # merged with the cell above


def marks(spec, mark="✓"):
    """The twelve month cells of a row: `spec` the months marked (0 = ต.ค.) or {month: text}."""
    if isinstance(spec, dict):
        return [spec.get(i, "") for i in range(12)]
    return [mark if i in spec else "" for i in range(12)]


def merges_down(rows):
    """(r0, c0, r1, c1) of every cell merged down over `U` cells."""
    out = []
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v == U:
                continue
            r2 = r
            while r2 + 1 < len(rows) and c < len(rows[r2 + 1]) and rows[r2 + 1][c] == U:
                r2 += 1
            if r2 != r:
                out.append((r, c, r2, c))
    return out


def plan_xlsx(path, paras, rows, hmerges=()):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    for i, p in enumerate(paras):
        ws.cell(row=1 + i, column=1, value=p)
    top = len(paras) + 2
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v and v != U:
                ws.cell(row=top + r, column=1 + c, value=v)
    for r0, c0, r1, c1 in merges_down(rows) + list(hmerges):
        ws.merge_cells(start_row=top + r0, start_column=1 + c0, end_row=top + r1, end_column=1 + c1)
    wb.save(path)
    return path


def plan_docx(path, paras, rows, hmerges=()):
    import docx
    d = docx.Document()
    for p in paras:
        d.add_paragraph(p)
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v != U:
                t.cell(r, c).text = v
    for r0, c0, r1, c1 in merges_down(rows) + list(hmerges):
        text = t.cell(r0, c0).text
        t.cell(r0, c0).merge(t.cell(r1, c1)).text = text
    d.save(path)
    return path


def plan_tsv(path, paras, rows):
    lines = list(paras) + [""] + ["\t".join("" if v == U else v for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_plan(path, as_of=AS_OF):
    """(the activity records, sorted (item_no, code) of the findings) of a plan file."""
    doc = read_document(path)
    ex = extract(doc, ctx(name=path.name, agency=""))
    acts = [r for r in ex.records if r.record_type == "activity"]
    return acts, sorted((f.item_no, f.code) for f in validate(ex, as_of))


PLAN_HEAD = ["ลำดับ", "กิจกรรม/ขั้นตอนการดำเนินงาน", "ระยะเวลา", "เริ่มต้น", "สิ้นสุด", "งบประมาณ (บาท)",
             "ผู้รับผิดชอบ"]


def extract_titled_plan(tmp_path, paras, items):
    """The extraction of a one-table plan DOCX under the title ``paras``: one row per
    (activity, responsible unit) of ``items`` (the agency tests)."""
    months = ["ต.ค. 67", "พ.ย. 67", "ธ.ค. 67"]
    rows = [PLAN_HEAD] + [[str(k + 1), name, "1 เดือน", months[k % 3], months[k % 3], "10,000", unit]
                          for k, (name, unit) in enumerate(items)]
    path = plan_docx(tmp_path / "plan.docx", paras, rows)
    return extract(read_document(path), ctx(name=path.name, agency=""))


def closing_unsigned(tmp_path, name, closing_lines) -> bool:
    """Whether a one-activity plan DOCX closing with ``closing_lines`` (an approval block) is
    UNSIGNED."""
    import docx
    rows = [PLAN_HEAD, ["1", "อบรมเจ้าหน้าที่", "1 เดือน", "ต.ค. 67", "ต.ค. 67", "10,000", "กองแผนงาน"]]
    path = plan_docx(tmp_path / f"{name}.docx", ["แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. 2568"], rows)
    d = docx.Document(path)
    for line in closing_lines:
        d.add_paragraph(line)
    d.save(path)
    return ("", "UNSIGNED") in run_plan(path)[1]

