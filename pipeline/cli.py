"""``thaiforms`` command line: run, text, dates. Exit codes: 0 all files read, 1 a file failed
(or ``text`` could not read its file), 2 bad usage."""
from __future__ import annotations

import argparse
import gc
import io
import sys
from datetime import date
from pathlib import Path
from typing import Optional

USAGE_ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own exit, as an exception main() turns into 2
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}")


def _fiscal_year(text: str) -> int:
    try:
        year = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a year: {text!r}")
    if not 2400 <= year <= 2700:
        hint = f" (did you mean {year + 543}?)" if 1857 <= year <= 2157 else ""
        raise argparse.ArgumentTypeError(
            f"fiscal year must be in the Buddhist Era, e.g. 2553{hint}")
    return year


def _positive_int(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {n}")
    return n


def _seconds(text: str) -> float:
    try:
        s = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    if not s > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0: {text}")
    return s


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="thaiforms", description="Read Thai performance-agreement submissions "
                "into consolidated, checked CSV files.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    r = sub.add_parser("run", help="read every file under INPUT_DIR and write the CSVs")
    r.add_argument("input_dir", metavar="INPUT_DIR", type=Path)
    r.add_argument("-o", "--out", dest="out_dir", metavar="OUT_DIR", type=Path, required=True)
    r.add_argument("--jobs", type=_positive_int, default=1, metavar="N",
                   help="files read in parallel (default 1)")
    r.add_argument("--fiscal-year", type=_fiscal_year, metavar="BE",
                   help="fiscal year (Buddhist Era) for documents that state none")
    r.add_argument("--as-of", type=_iso_date, metavar="YYYY-MM-DD",
                   help="date deadlines are judged against (default: today)")
    c = r.add_mutually_exclusive_group()
    c.add_argument("--cache", type=Path, metavar="DIR",
                   help="keep the results cache in DIR (default: OUT_DIR)")
    c.add_argument("--no-cache", action="store_true", help="read every file afresh")
    r.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local worker processes (default) or a dask cluster")
    r.add_argument("--scheduler", metavar="tcp://HOST:PORT",
                   help="dask scheduler address (with --executor dask; default: a local cluster)")
    r.add_argument("--max-bytes", type=_positive_int, metavar="N",
                   help="files larger than this fail as over size (default 50 MiB)")
    r.add_argument("--timeout", type=_seconds, metavar="SECONDS",
                   help="time limit for reading one file (default 120)")
    r.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bar on stderr (default: when stderr is a terminal)")

    t = sub.add_parser("text", help="print a file's repaired text in reading order")
    t.add_argument("file", metavar="FILE", type=Path)

    d = sub.add_parser("dates", help="normalise date texts, one per stdin line, to TSV")
    d.add_argument("--fiscal-year", type=_fiscal_year, metavar="BE")
    return p


def _utf8_stdout() -> None:
    for stream in (sys.stdout, sys.stderr):
        enc = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def _err(message: str) -> None:
    print(f"thaiforms: {message}", file=sys.stderr)


def cmd_run(args) -> int:
    from .batch import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, Settings, run
    if not args.input_dir.is_dir():
        _err(f"INPUT_DIR {args.input_dir} is not a folder")
        return USAGE_ERROR
    if args.scheduler and args.executor != "dask":
        _err("--scheduler needs --executor dask")
        return USAGE_ERROR
    if args.executor == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            _err("--executor dask needs dask[distributed]: pip install 'thaiforms[dask]'")
            return USAGE_ERROR
    if args.out_dir.exists() and not args.out_dir.is_dir():
        _err(f"OUT_DIR {args.out_dir} exists and is not a folder")
        return USAGE_ERROR
    settings = Settings(
        fiscal_year=args.fiscal_year, as_of=args.as_of or date.today(), jobs=args.jobs,
        max_bytes=args.max_bytes or DEFAULT_MAX_BYTES, timeout=args.timeout or DEFAULT_TIMEOUT,
        use_cache=not args.no_cache, cache_dir=args.cache, executor=args.executor,
        scheduler=args.scheduler, progress=args.progress)
    try:
        result = run(args.input_dir, args.out_dir, settings)
    except OSError as e:
        _err(f"cannot write to {args.out_dir}: {e}")
        return 1
    for warning in result.warnings:
        _err(warning)
    if result.failures:
        _err(f"{len(result.failures)} of {result.files} files could not be read "
             f"(see files.csv):")
        for rel, error in result.failures[:20]:
            print(f"  {rel}: {error}", file=sys.stderr)
        if len(result.failures) > 20:
            print(f"  ... and {len(result.failures) - 20} more", file=sys.stderr)
    if result.summary_error:
        _err(f"summary.csv was not written: {result.summary_error}")
    else:
        from .summary import format_summary
        print(format_summary(result.summary))
    print(f"{result.files} files: {result.ok} read, {result.failed} failed, "
          f"{result.skipped} skipped; {result.records} records, {result.findings} findings"
          f"{f'; {result.cache_hits} from cache' if result.cache_hits else ''}"
          f" -> {args.out_dir}", file=sys.stderr)
    return result.exit_code


def cmd_text(args) -> int:
    from .readers import ReadError, read_document
    from .render import render_text
    if not args.file.is_file():
        _err(f"{args.file}: no such file")
        return USAGE_ERROR
    try:
        doc = read_document(args.file)
    except ReadError as e:
        _err(f"{args.file}: {getattr(e, 'message', '') or e}")
        return 1
    text = render_text(doc)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    return 0


def cmd_dates(args) -> int:
    from .normalize import dates_tsv
    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace",
                             newline=None) if hasattr(sys.stdin, "buffer") else sys.stdin
    lines = (line.rstrip("\r\n") for line in stdin)
    for out in dates_tsv(lines, args.fiscal_year):
        sys.stdout.write(out if out.endswith("\n") else out + "\n")
    return 0


def main(argv: Optional[list[str]] = None) -> int:
    _utf8_stdout()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as e:
        print(e, file=sys.stderr)
        return USAGE_ERROR
    except SystemExit as e:  # --help
        return int(e.code or 0) if not isinstance(e.code, str) else USAGE_ERROR
    try:
        return {"run": cmd_run, "text": cmd_text, "dates": cmd_dates}[args.command](args)
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:  # e.g. `thaiforms text f | head`
        return 0


def entry() -> None:
    """The ``thaiforms`` command: main(), then exit. Python does not promise to finalise what
    still exists at exit, and the run closed and renamed its outputs before main() returned, so
    the interpreter's last full garbage collection over everything the run imported (≈19 M
    instructions, 3.5% of a cached re-run) is skipped by freezing those objects first."""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    entry()
