"""Results cache for incremental re-runs, in one SQLite file.

An entry is keyed by what decides the extraction: the file's content hash, its path relative to
INPUT_DIR (records carry it, and the first folder names the agency), the default fiscal year, the
read limits and the code version (a hash of the pipeline, extractors and rule files). It holds the
extraction before validation, so a run with another ``--as-of`` re-validates without re-reading,
and the validated outcome for the ``--as-of`` it was last validated against.

Beside the entries, the cache remembers each file's content hash under its stat signature
(device, inode, size, modification and change times), as git's index does, so an unchanged
folder is not read through again only to find its hashes unchanged. Any write to a file changes
its change time, which no program can set back; a hash is remembered only when both times are
older than :data:`SETTLED_SECONDS`, so a write within the same clock tick cannot go unseen.
"""
from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from functools import lru_cache
from pathlib import Path
from typing import Optional

CACHE_FILE = "thaiforms-cache.sqlite"
SCHEMA_VERSION = "2"  # the format of cached outcomes; a change makes every entry miss
# Coarser than any file system's time stamps (FAT keeps two seconds).
SETTLED_SECONDS = 3.0

_PACKAGES = ("pipeline", "extractors", "schemas")
# Modules that only orchestrate and write: changing them does not change any file's results.
_NOT_EXTRACTION = {"batch.py", "cache.py", "cli.py", "api.py", "export.py", "executors.py",
                   "render.py", "summary.py"}


@lru_cache(maxsize=None)
def code_version() -> str:
    """Hash of the source and rule files that decide a file's records and findings."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(SCHEMA_VERSION.encode())
    for pkg in _PACKAGES:
        base = root / pkg
        files = sorted(p for p in base.rglob("*") if p.suffix in (".py", ".json", ".toml", ".yaml")
                       and "__pycache__" not in p.parts)
        for p in files:
            if pkg == "pipeline" and p.parent == base and p.name in _NOT_EXTRACTION:
                continue
            h.update(str(p.relative_to(root)).encode())
            h.update(b"\0")
            h.update(p.read_bytes())
            h.update(b"\0")
    return h.hexdigest()[:16]


def entry_key(sha256: str, source_file: str, settings_key: str) -> str:
    return hashlib.sha256(
        f"{sha256}\0{source_file}\0{settings_key}\0{code_version()}".encode()).hexdigest()


def stat_signature(st: os.stat_result) -> str:
    """What the hash memo compares: device, inode, size, modification and change times. A short
    string, kept per file for the whole run in place of the stat result (≈0.6 kB)."""
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"


def _changed_ns(signature: str) -> int:
    """The later of the modification and change times in a stat signature."""
    mtime, ctime = signature.rsplit(":", 2)[1:]
    return max(int(mtime), int(ctime))


class Cache:
    """``get``/``put`` pickled blobs by key. Safe to share between runs; writes are batched and
    committed by :meth:`flush` (also on close). A cache file that cannot be used (damaged, not
    SQLite, locked for too long) turns the cache off for the run: ``error`` says why."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._pending: list[tuple] = []
        self._pending_hashes: list[tuple] = []
        self.hits = self.misses = 0
        self.error = ""
        self._db = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, extraction BLOB,"
                " as_of TEXT, outcome BLOB, used REAL)")
            self._db.execute("CREATE TABLE IF NOT EXISTS hashes (path TEXT PRIMARY KEY,"
                             " signature TEXT, sha256 TEXT)")
        except (sqlite3.Error, OSError) as e:
            self._broken(e)

    def _broken(self, e: Exception) -> None:
        self.error = f"cache {self.path} not used: {type(e).__name__}: {e}"
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        self._pending.clear()
        self._pending_hashes.clear()

    def get(self, key: str, as_of: str) -> Optional[tuple[Optional[bytes], Optional[bytes]]]:
        """None on a miss; else (outcome, None) when the entry was validated as of ``as_of``
        (or holds no extraction: a file that could not be read), or (None, extraction) when it
        must be validated again."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT as_of, outcome, extraction IS NULL FROM entries"
                                   " WHERE key=?", (key,)).fetchone()
            if row is None:
                self.misses += 1
                return None
            if row[0] == as_of or row[2]:
                self.hits += 1
                return row[1], None
            (extraction,) = self._db.execute("SELECT extraction FROM entries WHERE key=?",
                                             (key,)).fetchone()
        except sqlite3.Error as e:
            self._broken(e)
            return None
        self.hits += 1
        return None, extraction

    def known_sha256(self, path: str, signature: str) -> Optional[str]:
        """The content hash remembered for ``path`` if its stat signature is unchanged."""
        if self._db is None:
            return None
        try:
            row = self._db.execute("SELECT signature, sha256 FROM hashes WHERE path=?",
                                   (os.path.abspath(path),)).fetchone()
        except sqlite3.Error as e:
            self._broken(e)
            return None
        return row[1] if row is not None and row[0] == signature else None

    def remember_sha256(self, path: str, signature: str, sha256: str) -> None:
        """Remember ``sha256`` as the content of ``path`` as it was when its ``signature`` was
        taken, if the file had been left alone long enough before (see the module's notes)."""
        if self._db is None:
            return
        settled = time.time_ns() - int(SETTLED_SECONDS * 1e9)
        if _changed_ns(signature) < settled:
            self._pending_hashes.append((os.path.abspath(path), signature, sha256))

    def put(self, key: str, extraction: Optional[bytes], as_of: str, outcome: bytes) -> None:
        if self._db is None:
            return
        self._pending.append((key, extraction, as_of, outcome, time.time()))
        if len(self._pending) >= 64:
            self.flush()

    def flush(self) -> None:
        if not (self._pending or self._pending_hashes) or self._db is None:
            return
        try:
            self._db.execute("BEGIN")
            self._db.executemany("INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?)",
                                 self._pending)
            self._db.executemany("INSERT OR REPLACE INTO hashes VALUES (?,?,?)",
                                 self._pending_hashes)
            self._db.execute("COMMIT")
            self._pending.clear()
            self._pending_hashes.clear()
        except sqlite3.Error as e:
            self._broken(e)

    def close(self) -> None:
        try:
            self.flush()
        finally:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
