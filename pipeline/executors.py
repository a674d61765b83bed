"""Executors run the unit of work (one file -> FileOutcome) in parallel.

``LocalExecutor``: a small process pool of its own, because a file that hangs must be stopped
without stopping the batch: each worker runs one file at a time, and one that passes the time
limit (or dies) is killed and replaced. ``DaskExecutor``: the same tasks on a dask.distributed
cluster (``pip install 'thaiforms[dask]'``).
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from multiprocessing.connection import wait
from typing import Callable, Iterable, Iterator, Optional

# Work function and outcome builders come from pipeline.batch; passed in to keep this module
# free of pipeline imports (it is also what a dask worker unpickles).
WorkFn = Callable  # (task, settings) -> outcome
FailFn = Callable  # (task, reason, message, message_th) -> outcome


def _mp_context():
    # fork: workers start in milliseconds with everything already imported. Elsewhere spawn.
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _worker_main(conn, work: WorkFn, settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        out = work(task, settings)
        try:
            conn.send(out)
        except Exception as e:  # an unpicklable result must not kill the worker silently
            conn.send(("send-error", f"{type(e).__name__}: {e}"))


def _rss(pid: int) -> Optional[int]:
    """Resident memory of a process in bytes (Linux); None where /proc is not available."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


class _Queue:
    """Tasks pulled from an iterator as needed, with room to put unstarted ones back."""

    def __init__(self, tasks: Iterable):
        self._it = iter(tasks)
        self._front: deque = deque()

    def __bool__(self) -> bool:
        if not self._front:
            try:
                self._front.append(next(self._it))
            except StopIteration:
                return False
        return True

    def popleft(self):
        return self._front.popleft() if self._front else next(self._it)

    def appendleft(self, task) -> None:
        self._front.appendleft(task)


class _Worker:
    """One worker process and the tasks sent to it, oldest first. The oldest is the one running;
    the next waits in the pipe so that the worker never idles while the parent handles a result."""

    def __init__(self, ctx, work: WorkFn, settings):
        parent, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(target=_worker_main, args=(child, work, settings), daemon=True)
        self.proc.start()
        child.close()
        self.conn = parent
        self.tasks: deque = deque()
        self.started = 0.0      # when the oldest task started
        self.last = 1.0         # seconds the last task took (unknown: assume slow)
        self.done = 0
        self.base_rss: Optional[int] = None   # after its first file

    def give(self, task) -> None:
        if not self.tasks:
            self.started = time.monotonic()
        self.tasks.append(task)
        self.conn.send(task)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.proc.kill()
        self.proc.join(timeout=5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


class LocalExecutor:
    """Process pool with per-file time limit; yields outcomes as they finish."""

    # A second task waits in a worker's pipe only while its files take little time: then the
    # round trip through the parent matters; for slow files it would only unbalance the end.
    PREFETCH_BELOW = 0.05  # seconds

    def __init__(self, work: WorkFn, fail: FailFn, settings, jobs: int = 1,
                 timeout: Optional[float] = 120.0, max_tasks_per_worker: int = 200,
                 prepare: Optional[Callable[[], None]] = None,
                 max_growth_bytes: int = 32 * 1024 * 1024):
        self.work, self.fail, self.settings = work, fail, settings
        self.prepare = prepare  # run once before the first worker starts, when there is work
        self.jobs = max(1, jobs)
        self.timeout = timeout if timeout and timeout > 0 else None
        # A worker is replaced after this many files, or once its memory grew this much over
        # what it held after its first file: bounds what libraries keep (caches, leaks), so a
        # run of 3,000 files peaks where a run of 300 does. Cheap: workers are forked from a
        # parent that already imported everything.
        self.max_tasks = max_tasks_per_worker
        self.max_growth = max_growth_bytes

    def run(self, tasks: Iterable) -> Iterator:
        ctx = _mp_context()
        pending = _Queue(tasks)
        if not pending:
            return
        if self.prepare is not None and ctx.get_start_method() == "fork":
            # The collector would run ~40 times over the objects the imports create, none of
            # them garbage worth the walk; frozen afterwards, they are skipped by every later
            # collection in the parent and in the workers forked from it (6% of a DOCX run's
            # start-up in instructions, bench/README eleventh round).
            gc.disable()
            try:
                self.prepare()
            finally:
                gc.freeze()
                gc.enable()
        new = lambda: _Worker(ctx, self.work, self.settings)  # noqa: E731
        workers = [new() for _ in range(self.jobs)]

        def replace_worker(i: int) -> None:
            """Kill worker i; its tasks that had not started go back to the queue."""
            w = workers[i]
            w.stop(kill=True)
            for t in reversed(list(w.tasks)[1:]):
                pending.appendleft(t)
            workers[i] = new()

        try:
            while pending or any(w.tasks for w in workers):
                for i, w in enumerate(workers):
                    if not w.tasks and (w.done >= self.max_tasks or not w.proc.is_alive()):
                        w.stop()
                        workers[i] = w = new()
                    depth = 2 if w.last < self.PREFETCH_BELOW else 1
                    while pending and len(w.tasks) < depth and \
                            w.done + len(w.tasks) < self.max_tasks:
                        w.give(pending.popleft())
                busy = [w for w in workers if w.tasks]
                wait_for = None
                if self.timeout is not None:
                    wait_for = max(0.0, min(w.started for w in busy) + self.timeout
                                   - time.monotonic())
                ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                                 wait_for))
                now = time.monotonic()
                for i, w in enumerate(workers):
                    if not w.tasks:
                        continue
                    if w.conn in ready or w.proc.sentinel in ready:
                        try:
                            msg = w.conn.recv()
                        except (EOFError, OSError):
                            w.proc.join(timeout=5)
                            yield self.fail(w.tasks[0], "crashed",
                                            f"the process reading it stopped unexpectedly "
                                            f"(exit code {w.proc.exitcode})",
                                            "โปรแกรมอ่านไฟล์หยุดทำงานกะทันหัน")
                            replace_worker(i)
                            continue
                        task = w.tasks.popleft()
                        w.last = now - w.started
                        w.started = now
                        w.done += 1
                        rss = _rss(w.proc.pid)
                        if rss is not None:
                            if w.base_rss is None:
                                w.base_rss = rss
                            elif rss - w.base_rss > self.max_growth:
                                w.done = max(w.done, self.max_tasks)  # replace when idle
                        if isinstance(msg, tuple) and msg and msg[0] == "send-error":
                            yield self.fail(task, "internal error",
                                            f"its result could not be passed back ({msg[1]})",
                                            "ส่งผลการอ่านไฟล์กลับไม่ได้")
                        else:
                            yield msg
                    elif self.timeout is not None and now - w.started >= self.timeout:
                        task = w.tasks[0]
                        replace_worker(i)
                        yield self.fail(task, "timeout",
                                        f"reading took longer than the time limit of "
                                        f"{self.timeout:g} s",
                                        f"ใช้เวลาอ่านเกินกำหนด {self.timeout:g} วินาที")
        finally:
            for w in workers:
                w.stop(kill=bool(w.tasks) or not w.proc.is_alive())


class DaskExecutor:
    """The same work on a dask.distributed cluster: ``scheduler`` is ``tcp://HOST:PORT``, or
    None to start a local cluster of ``jobs`` worker processes.

    At most one file per worker thread is in flight, so the time limit counts from when a file is
    handed out. Dask cannot stop a running task: a file past the limit is reported failed and the
    batch moves on, while that worker thread stays busy until the reader returns.
    """

    def __init__(self, work: WorkFn, fail: FailFn, settings, scheduler: Optional[str] = None,
                 jobs: int = 1, timeout: Optional[float] = 120.0, client=None):
        self.work, self.fail, self.settings = work, fail, settings
        self.scheduler, self.jobs = scheduler, max(1, jobs)
        self.timeout = timeout if timeout and timeout > 0 else None
        self.client = client

    def run(self, tasks: Iterable) -> Iterator:
        try:
            from distributed import Client, LocalCluster, wait as dwait
        except ImportError as e:  # pragma: no cover - depends on the install
            raise RuntimeError("the dask executor needs dask[distributed]: "
                               "pip install 'thaiforms[dask]'") from e
        pending = _Queue(tasks)
        if not pending:
            return
        own_client = own_cluster = None
        client = self.client
        if client is None:
            if self.scheduler:
                client = own_client = Client(self.scheduler)
            else:
                own_cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1,
                                           processes=True, dashboard_address=None)
                client = own_client = Client(own_cluster)
        try:
            slots = max(1, sum(client.nthreads().values()))
            inflight: dict = {}  # future -> (task, submitted at)
            seq = 0
            while pending or inflight:
                while pending and len(inflight) < slots:
                    task = pending.popleft()
                    seq += 1
                    fut = client.submit(self.work, task, self.settings, pure=False,
                                        key=f"thaiforms-file-{seq}-{os.getpid()}-{id(task)}")
                    inflight[fut] = (task, time.monotonic())
                wait_for = None
                if self.timeout is not None:
                    wait_for = max(0.05, min(t0 for _, t0 in inflight.values())
                                   + self.timeout - time.monotonic())
                try:
                    done, _ = dwait(list(inflight), timeout=wait_for, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    done = set()
                now = time.monotonic()
                for fut in list(inflight):
                    task, t0 = inflight[fut]
                    if fut in done or fut.done():
                        del inflight[fut]
                        try:
                            yield fut.result()
                        except Exception as e:
                            yield self.fail(task, "crashed",
                                            f"the dask worker failed: {type(e).__name__}: {e}",
                                            "เครื่องประมวลผลของ dask ทำงานผิดพลาด")
                    elif self.timeout is not None and now - t0 >= self.timeout:
                        del inflight[fut]
                        fut.cancel()
                        yield self.fail(task, "timeout",
                                        f"reading took longer than the time limit of "
                                        f"{self.timeout:g} s",
                                        f"ใช้เวลาอ่านเกินกำหนด {self.timeout:g} วินาที")
        finally:
            if own_client is not None:
                own_client.close()
            if own_cluster is not None:
                own_cluster.close()
