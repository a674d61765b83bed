"""Text clean-up shared by the normaliser's parsers."""
from __future__ import annotations

from pipeline import patterns

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
# Dashes of every width become "-": Word and PDFs write ranges with en/em dashes or minus signs.
_CLEAN = str.maketrans({
    **{c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"},
    **{c: None for c in "\u200b\u200c\u200d\u2060\ufeff\u00ad"},
    **{c: " " for c in "\u00a0\u2007\u202f\t\r\n\u3000"},
    **dict(zip(map(ord, "๐๑๒๓๔๕๖๗๘๙"), "0123456789")),
})
_SPACES = patterns.compile(r" {2,}")


def thai_digits(text: str) -> str:
    """Thai digits ๐–๙ to 0–9; everything else unchanged.

    Same result as pythainlp.util.thai_digit_to_arabic_digit (checked in the tests), done with
    one str.translate because the date parser calls it on every cell.
    """
    return text.translate(_THAI_DIGITS)


def clean(text: str) -> str:
    """Arabic digits, ASCII dashes, no zero-width characters, single spaces.

    Never NFKC: it splits sara am (ำ) into nikhahit + sara aa. The reverse, the decomposed
    pair that PDF extraction often produces, is composed back into ำ here.
    """
    text = text.translate(_CLEAN)
    if "\u0e4d\u0e32" in text:
        text = text.replace("\u0e4d\u0e32", "\u0e33")
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip()
