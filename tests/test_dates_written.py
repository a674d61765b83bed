"""Hand-written readings of date texts from Thai plans, KPI reports and Gantt headers
(agencies and years 2555-2572 the other tables do not use), and properties of the
rules they led to. Each row: text | fiscal year (BE, optional) | start | end | granularity |
status (alternatives joined by "|"). Every text goes through parse_date and the CLI's TSV.
"""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalize import dates_tsv, parse_date, quarter_bounds
from pipeline.normalize.calendar import fiscal_year_bounds, month_end
from pipeline.normalize.months import ABBR, MONTHS

TABLE = """
# --- full month names, 2- and 4-digit BE years (2555-2572, 2561-2567)
มกราคม 2570 |  | 2027-01-01 | 2027-01-31 | month | ok
กุมภาพันธ์ 2571 |  | 2028-02-01 | 2028-02-29 | month | ok
มีนาคม 2564 |  | 2021-03-01 | 2021-03-31 | month | ok
เมษายน 2563 |  | 2020-04-01 | 2020-04-30 | month | ok
พฤษภาคม 2562 |  | 2019-05-01 | 2019-05-31 | month | ok
มิถุนายน 2561 |  | 2018-06-01 | 2018-06-30 | month | ok
กรกฎาคม 2560 |  | 2017-07-01 | 2017-07-31 | month | ok
สิงหาคม 2556 |  | 2013-08-01 | 2013-08-31 | month | ok
กันยายน 2555 |  | 2012-09-01 | 2012-09-30 | month | ok
ตุลาคม 2572 |  | 2029-10-01 | 2029-10-31 | month | ok
พฤศจิกายน 2565 |  | 2022-11-01 | 2022-11-30 | month | ok
ธันวาคม 2566 |  | 2023-12-01 | 2023-12-31 | month | ok
เดือนธันวาคม 2561 |  | 2018-12-01 | 2018-12-31 | month | ok
มกราคม 64 |  | 2021-01-01 | 2021-01-31 | month | ok
สิงหาคม 72 |  | 2029-08-01 | 2029-08-31 | month | ok
# --- abbreviations: dotted, no trailing dot, no dots, spaced
ม.ค. 66 |  | 2023-01-01 | 2023-01-31 | month | ok
ม.ค 66 |  | 2023-01-01 | 2023-01-31 | month | ok
มค. 66 |  | 2023-01-01 | 2023-01-31 | month | ok
มค 66 |  | 2023-01-01 | 2023-01-31 | month | ok
ม. ค. 66 |  | 2023-01-01 | 2023-01-31 | month | ok
ก. พ. 2564 |  | 2021-02-01 | 2021-02-28 | month | ok
กพ 2564 |  | 2021-02-01 | 2021-02-28 | month | ok
มี.ค 2562 |  | 2019-03-01 | 2019-03-31 | month | ok
มีค. 62 |  | 2019-03-01 | 2019-03-31 | month | ok
มี. ค. 62 |  | 2019-03-01 | 2019-03-31 | month | ok
เม.ย. 61 |  | 2018-04-01 | 2018-04-30 | month | ok
เมย 61 |  | 2018-04-01 | 2018-04-30 | month | ok
เมย. 2561 |  | 2018-04-01 | 2018-04-30 | month | ok
เม. ย. 61 |  | 2018-04-01 | 2018-04-30 | month | ok
พ.ค. 2560 |  | 2017-05-01 | 2017-05-31 | month | ok
พ. ค. 60 |  | 2017-05-01 | 2017-05-31 | month | ok
มิ.ย. 63 |  | 2020-06-01 | 2020-06-30 | month | ok
มิย. 63 |  | 2020-06-01 | 2020-06-30 | month | ok
มิ.ย 63 |  | 2020-06-01 | 2020-06-30 | month | ok
มิย 2563 |  | 2020-06-01 | 2020-06-30 | month | ok
ก.ค. 65 |  | 2022-07-01 | 2022-07-31 | month | ok
กค. 65 |  | 2022-07-01 | 2022-07-31 | month | ok
ส.ค 65 |  | 2022-08-01 | 2022-08-31 | month | ok
สค. 2565 |  | 2022-08-01 | 2022-08-31 | month | ok
ก.ย. 56 |  | 2013-09-01 | 2013-09-30 | month | ok
ก. ย. 56 |  | 2013-09-01 | 2013-09-30 | month | ok
ต.ค.64 |  | 2021-10-01 | 2021-10-31 | month | ok
ตค. 64 |  | 2021-10-01 | 2021-10-31 | month | ok
พ.ย. 2555 |  | 2012-11-01 | 2012-11-30 | month | ok
พย 55 |  | 2012-11-01 | 2012-11-30 | month | ok
ธ.ค 2567 |  | 2024-12-01 | 2024-12-31 | month | ok
ธ. ค. 67 |  | 2024-12-01 | 2024-12-31 | month | ok
# --- Gantt headers without a year (fiscal year given)
ต.ค. | 2564 | 2020-10-01 | 2020-10-31 | month | ok
พ.ย | 2564 | 2020-11-01 | 2020-11-30 | month | ok
ธค | 2564 | 2020-12-01 | 2020-12-31 | month | ok
ม.ค. | 2564 | 2021-01-01 | 2021-01-31 | month | ok
กพ. | 2564 | 2021-02-01 | 2021-02-28 | month | ok
มิ.ย | 2564 | 2021-06-01 | 2021-06-30 | month | ok
ก.ย. | 2564 | 2021-09-01 | 2021-09-30 | month | ok
เม.ย. |  |  |  |  | invalid
# --- misspellings and PDF damage
พฤษภคม 2566 |  | 2023-05-01 | 2023-05-31 | month | corrected
พฤษภาคม 2566 |  | 2023-05-01 | 2023-05-31 | month | ok
กรกฏาคม 2566 |  | 2023-07-01 | 2023-07-31 | month | corrected
กรกฎาคม 2566 |  | 2023-07-01 | 2023-07-31 | month | ok
กุมภาพันธ 2565 |  | 2022-02-01 | 2022-02-28 | month | corrected
กุมภาพนัธ์ 2565 |  | 2022-02-01 | 2022-02-28 | month | corrected
กุมภาพัน์ธ 2565 |  | 2022-02-01 | 2022-02-28 | month | corrected
มกาคม 2565 |  | 2022-01-01 | 2022-01-31 | month | corrected
มีนาคาม 2565 |  | 2022-03-01 | 2022-03-31 | month | corrected
เมษายม 2565 |  | 2022-04-01 | 2022-04-30 | month | corrected
มิถุนายม 2565 |  | 2022-06-01 | 2022-06-30 | month | corrected
สิงหาคาม 2565 |  | 2022-08-01 | 2022-08-31 | month | corrected
กันยายม 2565 |  | 2022-09-01 | 2022-09-30 | month | corrected
ตุลาคาม 2564 |  | 2021-10-01 | 2021-10-31 | month | corrected
พฤศจิกายม 2564 |  | 2021-11-01 | 2021-11-30 | month | corrected
ธันวาคน 2564 |  | 2021-12-01 | 2021-12-31 | month | corrected
พฤศจิ กายน 2564 |  | 2021-11-01 | 2021-11-30 | month | ok|corrected
กรกฏาคม 66 |  | 2023-07-01 | 2023-07-31 | month | corrected
ประจำาเดือนมีนาคม 2566 |  | 2023-03-01 | 2023-03-31 | month | ok|corrected
วันท่ี 15 มกราคม 2566 |  | 2023-01-15 | 2023-01-15 | day | ok|corrected
ภายในวันท่ี 30 ก.ย. 66 |  | 2023-09-30 | 2023-09-30 | day | ok|corrected
กำาหนดส่ง 31 มี.ค. 66 |  | 2023-03-31 | 2023-03-31 | day | ok|corrected
ประจำาปีงบประมาณ 2566 |  | 2022-10-01 | 2023-09-30 | year | ok|corrected
ประจําปีงบประมาณ พ.ศ. 2566 |  | 2022-10-01 | 2023-09-30 | year | ok
ไตรมาสท่ี 2/2566 |  | 2023-01-01 | 2023-03-31 | quarter | ok|corrected
ไตรมาสท่ี 3 ปีงบประมาณ 2564 |  | 2021-04-01 | 2021-06-30 | quarter | ok|corrected
# --- Thai digits
๓๐ ก.ย. ๒๕๖๖ |  | 2023-09-30 | 2023-09-30 | day | ok
วันที่ ๑๕ เดือน พฤศจิกายน พ.ศ. ๒๕๖๕ |  | 2022-11-15 | 2022-11-15 | day | ok
ธ.ค.๖๗-ม.ค.๖๘ |  | 2024-12-01 | 2025-01-31 | range | ok
ต.ค.๖๕ – ก.ย.๖๖ |  | 2022-10-01 | 2023-09-30 | range | ok
๓๐/๐๙/๒๕๖๖ |  | 2023-09-30 | 2023-09-30 | day | ok
ไตรมาสที่ ๒/๒๕๖๗ |  | 2024-01-01 | 2024-03-31 | quarter | ok
# --- CE years
มกราคม 2025 |  | 2025-01-01 | 2025-01-31 | month | ok
ม.ค. 2025 |  | 2025-01-01 | 2025-01-31 | month | ok
ธันวาคม ค.ศ. 2024 |  | 2024-12-01 | 2024-12-31 | month | ok
ค.ศ. 2025 |  | 2025-01-01 | 2025-12-31 | year | ok
# --- พ.ศ. variants
มีนาคม พ.ศ.2564 |  | 2021-03-01 | 2021-03-31 | month | ok
มีนาคม พ.ศ. 2564 |  | 2021-03-01 | 2021-03-31 | month | ok
มีนาคม พ.ศ 2564 |  | 2021-03-01 | 2021-03-31 | month | ok
มีนาคม พศ. 2564 |  | 2021-03-01 | 2021-03-31 | month | ok
มีนาคม พศ 2564 |  | 2021-03-01 | 2021-03-31 | month | ok
มีนาคม พ. ศ. 2564 |  | 2021-03-01 | 2021-03-31 | month | ok
มี.ค.พ.ศ.2564 |  | 2021-03-01 | 2021-03-31 | month | ok
31 มีนาคม พ.ศ.2564 |  | 2021-03-31 | 2021-03-31 | day | ok
พ.ศ. 2564 |  | 2021-01-01 | 2021-12-31 | year | ok
# --- ranges across the calendar-year boundary
ต.ค. 67 - มี.ค. 68 |  | 2024-10-01 | 2025-03-31 | range | ok
ต.ค. 67 – มี.ค. 68 |  | 2024-10-01 | 2025-03-31 | range | ok
พฤศจิกายน 2567 - มกราคม 2568 |  | 2024-11-01 | 2025-01-31 | range | ok
พ.ย. 66 - ก.พ. 67 |  | 2023-11-01 | 2024-02-29 | range | ok
ต.ค. - ธ.ค. 66 |  | 2023-10-01 | 2023-12-31 | range | ok
ธ.ค. 64 - ม.ค. 65 |  | 2021-12-01 | 2022-01-31 | range | ok
ธ.ค.64-ก.พ.65 |  | 2021-12-01 | 2022-02-28 | range | ok
ต.ค.65-ก.ย.66 |  | 2022-10-01 | 2023-09-30 | range | ok
ต.ค. 63 - ก.ย. 64 |  | 2020-10-01 | 2021-09-30 | range | ok
ต.ค. 2563 - ก.ย. 2564 |  | 2020-10-01 | 2021-09-30 | range | ok
ตุลาคม 2561 – กันยายน 2562 |  | 2018-10-01 | 2019-09-30 | range | ok
ม.ค.-มี.ค. 66 |  | 2023-01-01 | 2023-03-31 | range | ok
ระหว่างเดือน ม.ค. - มี.ค. 2562 |  | 2019-01-01 | 2019-03-31 | range | ok
เม.ย. - มิ.ย. | 2563 | 2020-04-01 | 2020-06-30 | range | ok
ต.ค. - ก.ย. | 2570 | 2026-10-01 | 2027-09-30 | range | ok
พ.ย. - ม.ค. | 2570 | 2026-11-01 | 2027-01-31 | range | ok
ธ.ค. 67 ถึง ก.พ. 68 |  | 2024-12-01 | 2025-02-28 | range | ok
มกราคม - มีนาคม 2565 |  | 2022-01-01 | 2022-03-31 | range | ok
มิถุนายน-สิงหาคม 2555 |  | 2012-06-01 | 2012-08-31 | range | ok
# --- day ranges
1-15 ต.ค. 67 |  | 2024-10-01 | 2024-10-15 | range | ok
15 ต.ค. - 30 พ.ย. 67 |  | 2024-10-15 | 2024-11-30 | range | ok
1 ต.ค. 63 - 30 ก.ย. 64 |  | 2020-10-01 | 2021-09-30 | range | ok
ตั้งแต่ 1 พ.ย. 2564 ถึง 31 ม.ค. 2565 |  | 2021-11-01 | 2022-01-31 | range | ok
ระหว่างวันที่ 5-9 ก.พ. 2561 |  | 2018-02-05 | 2018-02-09 | range | ok
20 ธ.ค. 66 - 10 ม.ค. 67 |  | 2023-12-20 | 2024-01-10 | range | ok
1 - 31 มีนาคม 2562 |  | 2019-03-01 | 2019-03-31 | range | ok
15-30 มิ.ย. | 2563 | 2020-06-15 | 2020-06-30 | range | ok
# --- single days
15 ต.ค. 2567 |  | 2024-10-15 | 2024-10-15 | day | ok
29 ก.พ. 2567 |  | 2024-02-29 | 2024-02-29 | day | ok
29 ก.พ. 2566 |  | 2023-02-28 | 2023-02-28 | day | corrected
31 เม.ย. 66 |  | 2023-04-30 | 2023-04-30 | day | corrected
วันที่ 1 ต.ค. 2564 |  | 2021-10-01 | 2021-10-01 | day | ok
ลงวันที่ 9 สิงหาคม 2560 |  | 2017-08-09 | 2017-08-09 | day | ok
30 ก.ย. 66 เวลา 16.30 น. |  | 2023-09-30 | 2023-09-30 | day | ok
วันศุกร์ที่ 15 ธันวาคม 2566 |  | 2023-12-15 | 2023-12-15 | day | ok
# --- quarters, halves, rounds, fiscal years
ไตรมาส 1/2568 |  | 2024-10-01 | 2024-12-31 | quarter | ok
ไตรมาสที่ 2 ปีงบประมาณ 2568 |  | 2025-01-01 | 2025-03-31 | quarter | ok
ไตรมาสที่ 2 ปีงบประมาณ พ.ศ. 2565 |  | 2022-01-01 | 2022-03-31 | quarter | ok
ไตรมาส 3 ปี 66 |  | 2023-04-01 | 2023-06-30 | quarter | ok
ไตรมาสที่ 4/66 |  | 2023-07-01 | 2023-09-30 | quarter | ok
ไตรมาส 4 ปีงบ 2562 |  | 2019-07-01 | 2019-09-30 | quarter | ok
Q3/68 |  | 2025-04-01 | 2025-06-30 | quarter | ok
Q1/2566 |  | 2022-10-01 | 2022-12-31 | quarter | ok
Q2 2567 |  | 2024-01-01 | 2024-03-31 | quarter | ok
q4/61 |  | 2018-07-01 | 2018-09-30 | quarter | ok
ไตรมาส 1-2/2566 |  | 2022-10-01 | 2023-03-31 | range | ok
ไตรมาสที่ 3 และ 4 ปีงบประมาณ 2564 |  | 2021-04-01 | 2021-09-30 | range | ok
ไตรมาสแรก ปีงบประมาณ 2567 |  | 2023-10-01 | 2023-12-31 | quarter | ok
ไตรมาสสุดท้าย ปีงบ 2567 |  | 2024-07-01 | 2024-09-30 | quarter | ok
ไตรมาส 2 (ม.ค.-มี.ค. 2566) |  | 2023-01-01 | 2023-03-31 | range | ok
ไตรมาสที่ 3 | 2571 | 2028-04-01 | 2028-06-30 | quarter | ok
ไตรมาสที่ 5/2566 |  |  |  |  | invalid
ครึ่งปีแรก | 2566 | 2022-10-01 | 2023-03-31 | range | ok
ครึ่งปีหลัง ปีงบประมาณ 2563 |  | 2020-04-01 | 2020-09-30 | range | ok
ครึ่งปีงบประมาณแรก | 2570 | 2026-10-01 | 2027-03-31 | range | ok
รอบ 6 เดือน | 2566 | 2022-10-01 | 2023-03-31 | range | ok
รอบ 12 เดือน ปีงบประมาณ 2565 |  | 2021-10-01 | 2022-09-30 | range | ok
รอบ 9 เดือน | 2562 | 2018-10-01 | 2019-06-30 | range | ok
ตลอดปีงบประมาณ | 2571 | 2027-10-01 | 2028-09-30 | year | ok
ทั้งปี | 2561 | 2017-10-01 | 2018-09-30 | year | ok
ปีงบฯ 68 |  | 2024-10-01 | 2025-09-30 | year | ok
ปีงบประมาณ 2570 |  | 2026-10-01 | 2027-09-30 | year | ok
ปีงบประมาณ พ.ศ. 2570 |  | 2026-10-01 | 2027-09-30 | year | ok
ปีงบประมาณ พ.ศ.2562 |  | 2018-10-01 | 2019-09-30 | year | ok
ปีงบ 66 |  | 2022-10-01 | 2023-09-30 | year | ok
ปีงบ. 2566 |  | 2022-10-01 | 2023-09-30 | year | ok
ปีงปม. 2566 |  | 2022-10-01 | 2023-09-30 | year | ok
ปีงบประมาณ 2565-2567 |  | 2021-10-01 | 2024-09-30 | range | ok
ปีงบประมาณ 2566 - 2570 |  | 2022-10-01 | 2027-09-30 | range | ok
ต.ค. 67 - ก.ย. 68 |  | 2024-10-01 | 2025-09-30 | range | ok
ต.ค. ปีงบประมาณ 2566 |  | 2022-10-01 | 2022-10-31 | month | ok
# --- deadlines
ภายใน 31 ธ.ค. 67 |  | 2024-12-31 | 2024-12-31 | day | ok
ภายในเดือนมีนาคม 2568 |  | 2025-03-01 | 2025-03-31 | month | ok
ภายในเดือน ก.ย. 2565 |  | 2022-09-01 | 2022-09-30 | month | ok
ส่งภายในวันที่ 15 พ.ย. 2562 |  | 2019-11-15 | 2019-11-15 | day | ok
แล้วเสร็จภายใน มิ.ย. 64 |  | 2021-06-01 | 2021-06-30 | month | ok
ก่อน 30 ก.ย. 2564 |  | 2021-09-30 | 2021-09-30 | day | ok
# --- numeric dates
15/10/2567 |  | 2024-10-15 | 2024-10-15 | day | ok
15.10.67 |  | 2024-10-15 | 2024-10-15 | day | ok
2024-10-15 |  | 2024-10-15 | 2024-10-15 | day | ok
15-10-2567 |  | 2024-10-15 | 2024-10-15 | day | ok
01/10/2565 |  | 2022-10-01 | 2022-10-01 | day | ok
30/09/66 |  | 2023-09-30 | 2023-09-30 | day | ok
1/4/2562 |  | 2019-04-01 | 2019-04-01 | day | ok
15 / 10 / 2567 |  | 2024-10-15 | 2024-10-15 | day | ok
10/15/2024 |  | 2024-10-15 | 2024-10-15 | day | corrected
2567-10-15 |  | 2024-10-15 | 2024-10-15 | day | ok
01/10/2565 - 31/03/2566 |  | 2022-10-01 | 2023-03-31 | range | ok
10/2566 |  | 2023-10-01 | 2023-10-31 | month | ok
# --- English
Oct 2024 |  | 2024-10-01 | 2024-10-31 | month | ok
October 2024 |  | 2024-10-01 | 2024-10-31 | month | ok
15 October 2024 |  | 2024-10-15 | 2024-10-15 | day | ok
15 Oct 2024 |  | 2024-10-15 | 2024-10-15 | day | ok
October 15, 2024 |  | 2024-10-15 | 2024-10-15 | day | ok
Oct-Dec 2024 |  | 2024-10-01 | 2024-12-31 | range | ok
Oct 2024 - Mar 2025 |  | 2024-10-01 | 2025-03-31 | range | ok
Sept 2023 |  | 2023-09-01 | 2023-09-30 | month | ok
Q1 FY2025 |  | 2024-10-01 | 2024-12-31 | quarter | ok
FY 2024 |  | 2023-10-01 | 2024-09-30 | year | ok
1st Oct 2024 |  | 2024-10-01 | 2024-10-01 | day | ok
# --- not dates (fiscal year given, to tempt the parser)
1,500,000 บาท | 2566 |  |  |  | invalid
1,500,000 | 2566 |  |  |  | invalid
3 เดือน | 2566 |  |  |  | invalid
6 เดือน |  |  |  |  | invalid
15 วัน | 2566 |  |  |  | invalid
1.2 | 2566 |  |  |  | invalid
2.1 | 2566 |  |  |  | invalid
3.1.2 | 2566 |  |  |  | invalid
ข้อ 2.1.10 | 2566 |  |  |  | invalid
ตัวชี้วัดที่ 1.2.15 | 2566 |  |  |  | invalid
ร้อยละ 80 | 2566 |  |  |  | invalid
ร้อยละ 100 |  |  |  |  | invalid
80% | 2566 |  |  |  | invalid
25% | 2566 |  |  |  | invalid
12 แห่ง | 2566 |  |  |  | invalid
100 คน | 2566 |  |  |  | invalid
2.50 ล้านบาท | 2566 |  |  |  | invalid
0.75 | 2566 |  |  |  | invalid
10 | 2566 |  |  |  | invalid
ไม่ระบุ | 2566 |  |  |  | invalid
- | 2566 |  |  |  | invalid
N/A | 2566 |  |  |  | invalid
ต่อเนื่อง | 2566 |  |  |  | invalid
ทุกเดือน | 2566 |  |  |  | invalid
ไตรมาส | 2566 |  |  |  | invalid
4 ไตรมาส | 2566 |  |  |  | invalid
12 เดือน | 2566 |  |  |  | invalid
1-2 เดือน | 2566 |  |  |  | invalid
2 ปี | 2566 |  |  |  | invalid
ปีละ 2 ครั้ง | 2566 |  |  |  | invalid
จำนวน 12 ครั้ง/ปี | 2566 |  |  |  | invalid
ครั้งที่ 1/2566 |  |  |  |  | invalid
โทร. 02-141-4567 |  |  |  |  | invalid
สำนักงาน ก.พ.ร. | 2566 |  |  |  | invalid
ISO 9001:2015 |  |  |  |  | invalid
ม.ค.-ธ.ค. |  |  |  |  | invalid
5 วันทำการ | 2566 |  |  |  | invalid
ร้อยละ 80 ภายใน ธ.ค. 67 |  | 2024-12-01 | 2024-12-31 | month | ok
# --- batch 2: spacing, run-on text, Excel-style headers, more damage
ต.ค.67-มี.ค.68 |  | 2024-10-01 | 2025-03-31 | range | ok
ต.ค.2567-มี.ค.2568 |  | 2024-10-01 | 2025-03-31 | range | ok
ต.ค.67 ถึง มี.ค.68 |  | 2024-10-01 | 2025-03-31 | range | ok
ต.ค. 67 – ก.ย. 68 (12 เดือน) |  | 2024-10-01 | 2025-09-30 | range | ok
1 ต.ค. 2567 – 30 ก.ย. 2568 |  | 2024-10-01 | 2025-09-30 | range | ok
1 ต.ค.67 - 30 ก.ย.68 |  | 2024-10-01 | 2025-09-30 | range | ok
01 ต.ค. 67 |  | 2024-10-01 | 2024-10-01 | day | ok
1ต.ค.67 |  | 2024-10-01 | 2024-10-01 | day | ok
15ต.ค.2567 |  | 2024-10-15 | 2024-10-15 | day | ok
ต.ค.-ธ.ค.๖๗ |  | 2024-10-01 | 2024-12-31 | range | ok
ธันวาคม 2567 - กุมภาพันธ์ 2568 |  | 2024-12-01 | 2025-02-28 | range | ok
ธันวาคม 67 - กุมภาพันธ์ 68 |  | 2024-12-01 | 2025-02-28 | range | ok
ธค.67-กพ.68 |  | 2024-12-01 | 2025-02-28 | range | ok
ธค 67 - กพ 68 |  | 2024-12-01 | 2025-02-28 | range | ok
ต.ค.67 - มี.ค. 68 |  | 2024-10-01 | 2025-03-31 | range | ok
ม.ค.-มี.ค.68 |  | 2025-01-01 | 2025-03-31 | range | ok
เม.ย.–มิ.ย. ๖๘ |  | 2025-04-01 | 2025-06-30 | range | ok
มกรา 68 |  | 2025-01-01 | 2025-01-31 | month | ok
ม .ค. 68 |  | 2025-01-01 | 2025-01-31 | month | ok
ส.ค .67 |  | 2024-08-01 | 2024-08-31 | month | ok
พ.ย.. 67 |  | 2024-11-01 | 2024-11-30 | month | ok|corrected
มิ.ค. 68 |  | 2025-03-01 | 2025-03-31 | month | ambiguous
งบประมาณ พ.ศ. 2568 |  | 2024-10-01 | 2025-09-30 | year | ok
ปีงบประมาณ 68 |  | 2024-10-01 | 2025-09-30 | year | ok
ปีงบ ๖๘ |  | 2024-10-01 | 2025-09-30 | year | ok
ปีงบประมาณ พ.ศ. ๒๕๖๘ |  | 2024-10-01 | 2025-09-30 | year | ok
FY68 |  | 2024-10-01 | 2025-09-30 | year | ok
FY2568 |  | 2024-10-01 | 2025-09-30 | year | ok
ภายในปีงบประมาณ 2568 |  | 2024-10-01 | 2025-09-30 | year | ok
ภายในไตรมาส 2 | 2568 | 2025-01-01 | 2025-03-31 | quarter | ok
ภายในไตรมาสที่ 2/2568 |  | 2025-01-01 | 2025-03-31 | quarter | ok
ไตรมาส1/68 |  | 2024-10-01 | 2024-12-31 | quarter | ok
ไตรมาสที่1 ปีงบประมาณ2568 |  | 2024-10-01 | 2024-12-31 | quarter | ok
ไตรมาส ๔ ปีงบประมาณ ๒๕๖๗ |  | 2024-07-01 | 2024-09-30 | quarter | ok
ไตรมาสที่ 1 - 4 | 2568 | 2024-10-01 | 2025-09-30 | range | ok
Q1-Q2/2568 |  | 2024-10-01 | 2025-03-31 | range | ok
Q1 - Q4 2567 |  | 2023-10-01 | 2024-09-30 | range | ok
ไตรมาส 3/2568 (เม.ย.-มิ.ย.) |  | 2025-04-01 | 2025-06-30 | range | ok
ไตรมาส 2/68 (ม.ค.-มี.ค. 68) |  | 2025-01-01 | 2025-03-31 | range | ok
Q2/2568 (Jan-Mar 2025) |  | 2025-01-01 | 2025-03-31 | range | ok
ครึ่งปีแรก (ต.ค. 67 - มี.ค. 68) |  | 2024-10-01 | 2025-03-31 | range | ok
ครึ่งปีแรก ปีงบประมาณ 2568 |  | 2024-10-01 | 2025-03-31 | range | ok
ครึ่งปีแรกของปีงบประมาณ 2568 |  | 2024-10-01 | 2025-03-31 | range | ok
รอบ 6 เดือน (1 ต.ค. 67 - 31 มี.ค. 68) |  | 2024-10-01 | 2025-03-31 | range | ok
รอบ 6 เดือนแรก | 2568 | 2024-10-01 | 2025-03-31 | range | ok
ตลอดปี | 2568 | 2024-10-01 | 2025-09-30 | year | ok
ทั้งปีงบประมาณ 2568 |  | 2024-10-01 | 2025-09-30 | year | ok
ตลอดปีงบประมาณ พ.ศ. 2568 |  | 2024-10-01 | 2025-09-30 | year | ok
พฤศจกิายน 2565 |  | 2022-11-01 | 2022-11-30 | month | corrected
มถิุนายน 2565 |  | 2022-06-01 | 2022-06-30 | month | corrected
สงิหาคม 2565 |  | 2022-08-01 | 2022-08-31 | month | corrected
พฤษาคม 2565 |  | 2022-05-01 | 2022-05-31 | month | corrected
ธัันวาคม 2565 |  | 2022-12-01 | 2022-12-31 | month | corrected
กุมภาพัณธ์ 2565 |  | 2022-02-01 | 2022-02-28 | month | corrected
กุมภาพันธ์์ 2565 |  | 2022-02-01 | 2022-02-28 | month | ok|corrected
เมษา ยน 2565 |  | 2022-04-01 | 2022-04-30 | month | ok|corrected
ประจำเดือนตุลาคม 2566 |  | 2023-10-01 | 2023-10-31 | month | ok
1/10/67 |  | 2024-10-01 | 2024-10-01 | day | ok
01.10.2567 |  | 2024-10-01 | 2024-10-01 | day | ok
31-12-2567 |  | 2024-12-31 | 2024-12-31 | day | ok
2025-03-31 |  | 2025-03-31 | 2025-03-31 | day | ok
31/03/2025 |  | 2025-03-31 | 2025-03-31 | day | ok
1/10/2567 - 31/3/2568 |  | 2024-10-01 | 2025-03-31 | range | ok
03/2568 |  | 2025-03-01 | 2025-03-31 | month | ok
15/10/67 เวลา 09.00 น. |  | 2024-10-15 | 2024-10-15 | day | ok
OCT 2024 |  | 2024-10-01 | 2024-10-31 | month | ok
Oct. 2024 |  | 2024-10-01 | 2024-10-31 | month | ok
1 Oct 2024 - 31 Mar 2025 |  | 2024-10-01 | 2025-03-31 | range | ok
Oct-24 |  | 2024-10-01 | 2024-10-31 | month | ok
Jan-25 | 2568 | 2025-01-01 | 2025-01-31 | month | ok
Sep-2025 |  | 2025-09-01 | 2025-09-30 | month | ok
ต.ค.-67 |  | 2024-10-01 | 2024-10-31 | month | ok
ม.ค.-2568 |  | 2025-01-01 | 2025-01-31 | month | ok
15-Oct-24 |  | 2024-10-15 | 2024-10-15 | day | ok
80% ภายใน ธ.ค. 67 |  | 2024-12-01 | 2024-12-31 | month | ok
ระดับ 5 ภายใน 30 ก.ย. 68 |  | 2025-09-30 | 2025-09-30 | day | ok
เป้าหมาย 100 คน ภายใน มี.ค. 68 |  | 2025-03-01 | 2025-03-31 | month | ok
ข้อ 1.1.12 | 2568 |  |  |  | invalid
3.2.1 | 2568 |  |  |  | invalid
1.1.1.1 | 2568 |  |  |  | invalid
2,568 | 2568 |  |  |  | invalid
5,000 บาท/เดือน | 2568 |  |  |  | invalid
3 เดือน/ครั้ง | 2568 |  |  |  | invalid
ร้อยละ 12 | 2568 |  |  |  | invalid
12.5 | 2568 |  |  |  | invalid
ชั้น 12 | 2568 |  |  |  | invalid
ม.6 | 2568 |  |  |  | invalid
ส.ค.ส. | 2568 |  |  |  | invalid
# --- batch 3
ปีงบประมาณ 2568 (ต.ค. 67 - ก.ย. 68) |  | 2024-10-01 | 2025-09-30 | range | ok
ต.ค.67-ก.ย.68 (ปีงบประมาณ 2568) |  | 2024-10-01 | 2025-09-30 | range | ok
ไตรมาสที่ 1 (ต.ค.-ธ.ค.) | 2568 | 2024-10-01 | 2024-12-31 | range | ok
ไตรมาส 1 และ 2 | 2568 | 2024-10-01 | 2025-03-31 | range | ok
ไตรมาส 2-3/2568 |  | 2025-01-01 | 2025-06-30 | range | ok
ปีงบประมาณ 2568 ไตรมาสที่ 3 |  | 2025-04-01 | 2025-06-30 | quarter | ok
ปีงบประมาณ พ.ศ. 2565 ไตรมาส 2 |  | 2022-01-01 | 2022-03-31 | quarter | ok
FY2025 Q3 |  | 2025-04-01 | 2025-06-30 | quarter | ok
ภายในวันที่ 10 ของเดือนถัดไป | 2568 |  |  |  | invalid
ภายใน 30 วัน | 2568 |  |  |  | invalid
ภายในเดือนถัดไป | 2568 |  |  |  | invalid
ก.ย. 68 เป็นต้นไป |  | 2025-09-01 | 2025-09-30 | month | ok
๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘ |  | 2024-10-01 | 2025-09-30 | range | ok
วันที่ 1 - 5 ธันวาคม 2567 |  | 2024-12-01 | 2024-12-05 | range | ok
ระหว่างวันที่ 1 ต.ค. 67 ถึงวันที่ 31 มี.ค. 68 |  | 2024-10-01 | 2025-03-31 | range | ok
1-31 ต.ค.67 |  | 2024-10-01 | 2024-10-31 | range | ok
มกราคม พ.ศ. ๒๕๖๘ |  | 2025-01-01 | 2025-01-31 | month | ok
พ.ศ.๒๕๖๘ |  | 2025-01-01 | 2025-12-31 | year | ok
ปี 2568 |  | 2025-01-01 | 2025-12-31 | year | ok
ปีงบประมาณ 2567-68 |  | 2023-10-01 | 2025-09-30 | range | ok
ปีงบประมาณ 68-70 |  | 2024-10-01 | 2027-09-30 | range | ok
มกราคม – มิถุนายน ๒๕๖๘ |  | 2025-01-01 | 2025-06-30 | range | ok
ก.พ. 68 ถึง เม.ย. 68 |  | 2025-02-01 | 2025-04-30 | range | ok
ต.ค.–ธ.ค. | 2568 | 2024-10-01 | 2024-12-31 | range | ok
ตค.-ธค. | 2568 | 2024-10-01 | 2024-12-31 | range | ok
ตค-ธค | 2568 | 2024-10-01 | 2024-12-31 | range | ok
มค - มีค 68 |  | 2025-01-01 | 2025-03-31 | range | ok
ต.ค. 67 -มี.ค. 68 |  | 2024-10-01 | 2025-03-31 | range | ok
ต.ค. 67- มี.ค. 68 |  | 2024-10-01 | 2025-03-31 | range | ok
ต.ค. 67 ~ มี.ค. 68 |  | 2024-10-01 | 2025-03-31 | range | ok
ต.ค. 67 จนถึง มี.ค. 68 |  | 2024-10-01 | 2025-03-31 | range | ok
(ต.ค. 67 - มี.ค. 68) |  | 2024-10-01 | 2025-03-31 | range | ok
10/67 |  | 2024-10-01 | 2024-10-31 | month | ok
13/2568 |  |  |  |  | invalid
๖ เดือน (ต.ค. ๖๗ - มี.ค. ๖๘) |  | 2024-10-01 | 2025-03-31 | range | ok
เดือนที่ 1-3 | 2568 |  |  |  | invalid
ปลายเดือน ต.ค. 67 |  | 2024-10-01 | 2024-10-31 | month | ok
Oct 1, 2024 |  | 2024-10-01 | 2024-10-01 | day | ok
1-15 Oct 2024 |  | 2024-10-01 | 2024-10-15 | range | ok
October 2024 – March 2025 |  | 2024-10-01 | 2025-03-31 | range | ok
มี.ค. 68 และ ก.ย. 68 |  | 2025-03-01 | 2025-09-30 | range | ok
ปีงบประมาณ 2568 ไตรมาสที่ 3 | 2566 | 2025-04-01 | 2025-06-30 | quarter | ok
ผลการดำเนินงาน ปีงบประมาณ พ.ศ. 2567 ไตรมาสที่ 2 |  | 2024-01-01 | 2024-03-31 | quarter | ok
# written after the fixes, to check they generalise and break nothing near them
Nov-24 - Mar-25 |  | 2024-11-01 | 2025-03-31 | range | ok
ต.ค.-67 - มี.ค.-68 |  | 2024-10-01 | 2025-03-31 | range | ok
01-Oct-24 |  | 2024-10-01 | 2024-10-01 | day | ok
Dec-67 |  | 2024-12-01 | 2024-12-31 | month | ok
Dec 67 |  | 2024-12-01 | 2024-12-31 | month | ok
1 ม.ค.-15 ก.พ. 68 |  | 2025-01-01 | 2025-02-15 | range | ok
ระดับ 3 | 2568 |  |  |  | invalid
ข้อ 3 | 2568 |  |  |  | invalid
ชั้น 2 ภายใน 15 ม.ค. 68 |  | 2025-01-15 | 2025-01-15 | day | ok
ร้อยละ 100 ภายในไตรมาส 4 | 2568 | 2025-07-01 | 2025-09-30 | quarter | ok
ไม่เกิน 31 มี.ค. 68 |  | 2025-03-31 | 2025-03-31 | day | ok
งบประมาณ พ.ศ.2567 |  | 2023-10-01 | 2024-09-30 | year | ok
โครงการตามงบประมาณ พ.ศ. 2566 |  | 2022-10-01 | 2023-09-30 | year | ok
งบประมาณ 500,000 บาท | 2568 |  |  |  | invalid
งบประมาณ 2.5 ล้านบาท | 2568 |  |  |  | invalid
ปีงบประมาณ 2567 ไตรมาส 1-2 |  | 2023-10-01 | 2024-03-31 | range | ok
FY2568 Q4 |  | 2025-07-01 | 2025-09-30 | quarter | ok
ปีงบประมาณ 2568 ไตรมาส 2/2567 |  |  |  |  | invalid
15.10.39 |  |  |  |  | invalid
15.10.40 |  | 1997-10-15 | 1997-10-15 | day | ok
1.1.25 | 2568 |  |  |  | invalid
ต.ค. ~ ธ.ค. 67 |  | 2024-10-01 | 2024-12-31 | range | ok
50% ของแผน | 2568 |  |  |  | invalid
ระยะที่ 2 (ม.ค.-มี.ค. 68) |  | 2025-01-01 | 2025-03-31 | range | ok
ร้อยละ 80 ของงบประมาณ | 2568 |  |  |  | invalid
10 % | 2568 |  |  |  | invalid
ภายใน 31 ธ.ค. 67 (ร้อยละ 50) |  | 2024-12-31 | 2024-12-31 | day | ok
"""


def _rows() -> list[tuple]:
    out = []
    for no, line in enumerate(TABLE.split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split(" | ")]
        cells += [""] * (6 - len(cells))
        text, fy, start, end, gran, status = cells
        out.append((no, line.split(" | ")[0], int(fy) if fy else None,
                    date.fromisoformat(start) if start else None,
                    date.fromisoformat(end) if end else None, gran, tuple(status.split("|"))))
    return out


ROWS = _rows()


def test_table_is_large_and_varied():
    assert len(ROWS) >= 150
    assert {r[5] for r in ROWS if r[5]} == {"day", "month", "quarter", "year", "range"}
    assert sum(r[3] is None for r in ROWS) >= 40          # texts that are not dates


@pytest.mark.parametrize("row", ROWS, ids=[f"L{r[0]}:{r[1]}" for r in ROWS])
def test_reading(row):
    _, text, fy, start, end, gran, statuses = row
    v = parse_date(text, fy)
    assert (v.start, v.end, v.granularity if v.start else "") == (start, end, gran), v
    assert v.status in statuses, v
    if start is None:
        assert v.status == "invalid" and v.note, v


def test_cli_tsv_agrees_with_parse_date():
    by_fy: dict = {}
    for r in ROWS:
        by_fy.setdefault(r[2], []).append(r)
    for fy, rows in by_fy.items():
        lines = list(dates_tsv([r[1] for r in rows], fy))[1:]
        for r, line in zip(rows, lines):
            _, start, end, gran, status, _note = line.split("\t")[:6]
            assert start == (r[3].isoformat() if r[3] else ""), (r, line)
            assert end == (r[4].isoformat() if r[4] else ""), (r, line)
            assert status in r[6], (r, line)


# --- properties of the rules ------------------------------------------------------------

SETTINGS = settings(max_examples=150, deadline=None)
fiscal_years = st.integers(min_value=2555, max_value=2572)
EN = {m: max(v["en"], key=len)[:3].capitalize() for m, v in MONTHS.items()}


@SETTINGS
@given(fiscal_years, st.integers(1, 4), st.sampled_from(["ปีงบประมาณ {fy} ไตรมาสที่ {q}",
                                                         "ปีงบประมาณ พ.ศ. {fy} ไตรมาส {q}",
                                                         "FY{fy} Q{q}", "ปีงบฯ {yy} ไตรมาส {q}"]),
       st.one_of(st.none(), fiscal_years))
def test_fiscal_year_written_before_the_quarter_wins(fy, q, style, cli_fy):
    text = style.format(fy=fy, yy=fy % 100, q=q)
    v = parse_date(text, cli_fy)
    assert (v.start, v.end, v.granularity, v.status) == (*quarter_bounds(fy, q), "quarter", "ok"), v


@SETTINGS
@given(st.integers(1, 12), st.integers(0, 42), st.one_of(st.none(), st.integers(1, 28)))
def test_dashed_english_month_with_two_digit_year_is_common_era(month, yy, day):
    text = (f"{day:02d}-" if day else "") + f"{EN[month]}-{yy:02d}"
    v = parse_date(text)
    y = 2000 + yy
    want = (date(y, month, day), date(y, month, day)) if day else (date(y, month, 1), month_end(y, month))
    assert (v.start, v.end, v.status) == (*want, "ok"), v


@SETTINGS
@given(st.integers(1, 12), st.integers(55, 72), st.sampled_from(["-", "."]))
def test_dashed_thai_month_with_two_digit_year_is_buddhist_era(month, yy, dot):
    abbr = ABBR[month] if dot == "." else ABBR[month].replace(".", "")
    v = parse_date(f"{abbr}-{yy}")
    y = 2500 + yy - 543
    assert (v.start, v.end, v.granularity) == (date(y, month, 1), month_end(y, month), "month"), v


@SETTINGS
@given(st.sampled_from(["ร้อยละ", "ระดับ", "ข้อ", "คะแนน", "ชั้น"]), st.integers(1, 100),
       st.sampled_from(["31 ธ.ค. 67", "ก.ย. 2568", "15 มีนาคม 2566", "30/09/2570", "ไตรมาส 2/2569"]),
       st.booleans())
def test_a_number_after_a_quantity_word_is_not_part_of_the_date(word, n, when, percent):
    alone = parse_date(when)
    text = f"{word} {n}{'%' if percent else ''} ภายใน {when}"
    v = parse_date(text)
    assert (v.start, v.end, v.granularity, v.status) == \
        (alone.start, alone.end, alone.granularity, alone.status), v
    assert parse_date(f"{word} {n}", 2568).status == "invalid"


@SETTINGS
@given(st.integers(1, 12), st.integers(1, 12), st.integers(10, 39), st.one_of(st.none(), fiscal_years),
       st.sampled_from(["", "ข้อ ", "ตัวชี้วัดที่ ", "ตัวชี้วัด "]))
def test_dotted_outline_numbers_are_not_dates(a, b, c, fy, lead):
    v = parse_date(f"{lead}{a}.{b}.{c}", fy)
    assert v.status == "invalid" and v.start is None, v
    # the same digits with a recent two-digit year are a date
    w = parse_date(f"{a}.{b}.{c + 50}")
    assert (w.start, w.end, w.status) == (date(2500 + c + 50 - 543, b, a),) * 2 + ("ok",), w


@SETTINGS
@given(fiscal_years)
def test_budget_year_without_pi_is_the_fiscal_year(fy):
    v = parse_date(f"งบประมาณ พ.ศ. {fy}")
    assert (v.start, v.end, v.granularity) == (*fiscal_year_bounds(fy), "year"), v
    assert parse_date(f"งบประมาณ {fy % 100 * 1000:,} บาท", fy).status == "invalid"
