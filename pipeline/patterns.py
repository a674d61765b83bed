"""Regular expressions compiled once per installation instead of once per process.

re compiles a pattern anew in every process, with a parser and compiler written in Python;
thaiforms' ≈270 module-level patterns (long Thai alternations, month and header vocabularies)
took ≈110 ms of the ≈0.3 s a run spends before its first file (bench/README, fifteenth round).
``python -m pipeline.patterns`` (run by the Makefile after installing) stores what re's compiler
produces for each of them in a file beside the bytecode; ``compile`` hands that back to the
regular-expression engine exactly as ``re.compile`` does at its end (re/_compiler.py), and the
result is the same Pattern (``==`` compares the engine code). A pattern not in the file, a file
written by another Python, or any error while reading it: the pattern is compiled by re as
usual, so the file only ever saves time.
"""
from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

try:  # the engine re itself builds patterns with; absent on Pythons without CPython's re
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = None

TABLE = Path(__file__).with_name("__pycache__") / f"patterns.{sys.implementation.cache_tag}.marshal"
# what the stored engine code depends on: the interpreter's exact version and the engine's
_STAMP = (sys.hexversion, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))

_compiled: dict[tuple, re.Pattern] = {}   # every pattern compile() gave out, for save()


def _read(path: Path) -> dict:
    try:
        stamp, parts = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if tuple(stamp) != _STAMP:
        return {}
    return {(p[0], p[1]): p[2:] for p in parts}


_stored: dict = _read(TABLE) if _sre is not None else {}


def compile(pattern, flags=0) -> re.Pattern:   # noqa: A001 -- the name re uses
    """``re.compile(pattern, flags)``, from the stored engine code when there is some."""
    key = (pattern, int(flags))
    got = _stored.get(key)
    rx = None
    if got is not None:
        try:
            rx = _sre.compile(pattern, *got)
        except Exception:  # a table from a different engine build: compile it as re would
            rx = None
    if rx is None:
        rx = re.compile(pattern, flags)
    _compiled[key] = rx
    return rx


def _engine_parts(pattern, flags: int):
    """What re._compiler.compile passes to _sre.compile after the pattern itself: final flags,
    code, number of groups, group index and group names (its own steps, without re's cache)."""
    tree = _parser.parse(pattern, flags)
    code = [int(x) for x in _compiler._code(tree, flags)]
    groupindex = dict(tree.state.groupdict)
    indexgroup = [None] * tree.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, tuple(indexgroup)


def save(path: Path = TABLE) -> int:
    """Write the engine code of every pattern compiled so far to ``path`` (atomically); only
    patterns whose stored form gives back the very Pattern re compiles. Returns how many."""
    parts = []
    for (pattern, flags), rx in _compiled.items():
        try:
            got = _engine_parts(pattern, flags)
            if _sre.compile(pattern, *got) != rx:
                continue
        except Exception:
            continue
        parts.append((pattern, flags, *got))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps((_STAMP, parts)))
        os.chmod(tmp, 0o644)   # readable by every user of the installation, as bytecode is
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(parts)


def main() -> int:
    """Import everything a run can use, then store the patterns their imports compiled."""
    if _sre is None:  # pragma: no cover
        print("thaiforms: this Python has no sre engine to store patterns for", file=sys.stderr)
        return 0
    import pipeline.cli  # noqa: F401
    from pipeline.batch import preload
    preload()
    n = save()
    print(f"thaiforms: {n} compiled patterns stored in {TABLE}")
    return 0


if __name__ == "__main__":
    # run with -m this file is __main__, a module apart from the pipeline.patterns the
    # project's modules compile with
    from pipeline.patterns import main as _main
    sys.exit(_main())
