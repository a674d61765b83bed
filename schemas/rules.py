"""Rule data kept as readable JSON files in schemas/rules/, so a rule change is a data change."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).parent / "rules"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Load ``schemas/rules/<name>.json``. Keys starting with ``_`` are comments."""
    with open(RULES_DIR / f"{name}.json", encoding="utf-8") as f:
        data = json.load(f)
    return {k: v for k, v in data.items() if not k.startswith("_")} if isinstance(data, dict) else data


def severity(code: str) -> str:
    return load("findings")[code]["severity"]
