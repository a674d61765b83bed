"""Thai repair: the damage PDF/Word extraction does to Thai text, and what repair makes of it."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.repair import (PUA_MAP, collapse_spaces, join_wrapped, order_marks_by_position,
                             repair_thai)

SEEDS = Path("/work/shared/seeds")


@pytest.mark.parametrize("damaged, repaired", [
    ("ตัวชวี้ ัด", "ตัวชี้วัด"),            # marks on the wrong base, one split off by a space
    ("สำาเร็จ", "สำเร็จ"),                  # sara am followed by a stray sara aa
    ("นำ้าหนัก", "น้ำหนัก"),                # tone after sara am, plus stray sara aa
    ("น\u0e4d\u0e49\u0e32หนัก", "น้ำหนัก"),  # nikhahit + tone + sara aa (decomposed sara am)
    ("ทํา", "ทำ"),                          # nikhahit + sara aa
    ("ไตรมาสที ่ 3", "ไตรมาสที่ 3"),         # tone split off by a space (pythainlp drops it)
    ("เเผนงาน", "แผนงาน"),                  # sara e typed twice for sara ae
    ("ก้ี", "กี้"),                           # tone stored before the vowel above
    ("ดีี", "ดี"),                           # doubled mark
])
def test_repairs_known_damage(damaged, repaired):
    assert repair_thai(damaged) == repaired


def test_pua_forms_map_back_to_standard_code_points():
    # shaping forms from fonts like TH SarabunPSK (HarfBuzz's Thai PUA tables)
    assert repair_thai("ก\uf70aา") == "ก่า"          # MAI EK shifted down (Windows PUA)
    assert repair_thai("ป\uf701") == "ปิ"             # SARA I shifted left
    assert repair_thai("ป\uf885") == "ปิ"             # the same, Mac PUA
    assert repair_thai("ค\uf718") == "คุ"             # SARA U shifted down
    assert repair_thai("\uf700\u0e38") == "ฐุ"        # THO THAN without descender
    assert repair_thai("\uf70f\u0e39") == "ญู"        # YO YING without descender
    assert all(0x0E00 <= ord(v) <= 0x0E7F for v in PUA_MAP.values())
    assert {k for k in PUA_MAP if 0xF700 <= k <= 0xF71A} == set(range(0xF700, 0xF71B))
    assert {k for k in PUA_MAP if 0xF884 <= k <= 0xF89E} == set(range(0xF884, 0xF89F))


def test_never_decomposes_sara_am_and_keeps_tone_marks():
    text = "น้ำหนักคะแนน ไตรมาสที่ 3 ดำเนินการ"
    assert repair_thai(text) == text
    assert "\u0e4d" not in repair_thai("ทำ")


def test_seed_documents_are_left_unchanged():
    lines = [ln for f in sorted(SEEDS.glob("*.txt")) for ln in f.read_text("utf-8").splitlines()]
    if not lines:
        pytest.skip("seed documents not available")
    changed = [ln for ln in lines if repair_thai(ln) != ln]
    assert changed == []


THAI_CHARS = [chr(c) for c in range(0x0E01, 0x0E5C) if chr(c).isprintable()]
PUA_CHARS = [chr(c) for c in PUA_MAP]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(THAI_CHARS + PUA_CHARS + list(" \u00a0abc123.%\n")),
               max_size=40))
def test_repair_is_idempotent(text):
    once = repair_thai(text)
    assert repair_thai(once) == once


CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
# well-formed syllables: consonant, optional vowel above/below, optional tone, optional tail
SYLLABLE = st.builds(
    lambda lead, c, v, t, tail: lead + c + v + t + tail,
    st.sampled_from(["", "เ", "แ", "โ", "ไ", "ใ"]), st.sampled_from(CONSONANTS),
    st.sampled_from(["", "ิ", "ี", "ึ", "ื", "ุ", "ู", "ั"]), st.sampled_from(["", "่", "้", "๊", "๋"]),
    st.sampled_from(["", "า", "ำ", "น", "ง", "ม", "ย", "ว", "ะ"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(SYLLABLE, min_size=1, max_size=8), st.sampled_from(["", " "]))
def test_clean_text_is_unchanged(syllables, sep):
    text = sep.join(syllables)
    assert repair_thai(text) == text


def test_order_marks_by_position_moves_a_mark_to_the_base_it_is_drawn_on():
    # "เรียนรู้" as LibreOffice's PDF stores it: sara uu at the end of the line
    chars = [("เ", 57.0, 59.1), ("ร", 59.8, 64.1), ("ี", 59.1, 64.0), ("ย", 65.5, 70.1),
             ("น", 71.3, 77.3), ("ร", 78.3, 82.6), ("้", 78.6, 82.1), ("ค", 83.7, 88.8),
             (" ", 141.7, 141.7), ("ู", 79.3, 83.5)]
    order = order_marks_by_position(chars)
    assert repair_thai("".join(chars[i][0] for i in order)) == "เรียนรู้ค"


def test_join_wrapped_lines():
    assert join_wrapped(["การพัฒนาการวาง", "แผนเชิงยุทธศาสตร์"]) == "การพัฒนาการวางแผนเชิงยุทธศาสตร์"
    assert join_wrapped(["ของ customer", "profile และ"]) == "ของ customer profile และ"
    assert join_wrapped(["ปีงบประมาณ", "2553"]) == "ปีงบประมาณ 2553"
    assert collapse_spaces("  ก  \t ข ") == "ก ข"


def test_mark_at_the_edge_of_its_base_stays_with_it():
    """``ทั้งนี้ได้`` in LibreOffice's Laksaman: the tone mark of นี is drawn at นี's right edge,
    0.2 pt from where ไ begins; it stays on นี (the base it is stored after and drawn inside),
    not on ไ (``นีไ้``)."""
    chars = [("น", 462.16, 471.00), ("ี", 463.56, 470.66), ("้", 468.07, 473.54),
             ("ไ", 471.00, 477.24), ("ด", 478.48, 485.78), ("้", 481.49, 487.57)]
    order = order_marks_by_position(chars)
    assert "".join(chars[i][0] for i in order) == "นี้ได้"
