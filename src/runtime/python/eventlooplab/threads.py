# size: one simulation (threads, pools, their clocks and deferred effects) that only reads whole
"""Threads, simulated on the virtual clock: the browser has none.

A thread (threading.Thread.start, a ThreadPoolExecutor job, asyncio.to_thread, run_in_executor)
runs its whole function at once, the moment it starts, on a clock of its own: `time.sleep` inside
it advances only that clock. What it does that others can see takes effect later, at the virtual
time it would on CPython: its output, its result or exception (the future completes), and what it
hands to the loop (call_soon_threadsafe, run_coroutine_threadsafe). So a program whose threads do
not race prints what CPython prints, at the same virtual times. A pool's `max_workers` limits how
many jobs run at once: a job waits for a free worker, and its clock starts then.

Limits (docs/fidelity.md): shared state a thread changes changes at once; a thread cannot wait
for the event loop (the result() of a run_coroutine_threadsafe future) or for another thread's
lock or event.

Trace events (docs/trace-format.md): `thread` (declared), `thread-run` (a function starts on it, at
its own time `from`), `thread-sleep`, `thread-end` (the function returned, at `until`): the program
lines between `thread-run` and `thread-end` are the thread's; `thread-done` when the loop sees the
outcome (at the global time `until`).
"""
import concurrent.futures
import concurrent.futures.thread
import heapq
import itertools
import os
import threading
import weakref

from . import recorder, reprs
from .recorder import RunStopped

current = None  # the SimThread whose function is running, or None: the main thread
format_exception = None  # set by api: tracebacks without the tracer's frames
_pending = []  # heap of (virtual time, seq, daemon, effect)
_seq = itertools.count()
_threads = []  # SimThread by id - 1
_pools = itertools.count()
_real = {}  # what install() replaced
_last_job = [None]  # the thread of the last job submitted to a pool
# asyncio future of loop.run_in_executor -> the thread its job runs on, for the wait's words
jobs = weakref.WeakKeyDictionary()


class SimThread:
    __slots__ = ("id", "name", "obj", "now", "free_at", "busy", "daemon")

    def __init__(self, name, obj=None, daemon=False):
        self.id = len(_threads) + 1
        self.name = name
        self.obj = obj  # the threading.Thread the program sees as current_thread()
        self.now = 0.0
        self.free_at = 0.0
        self.busy = False
        self.daemon = daemon
        _threads.append(self)
        recorder.emit({"k": "thread", "th": self.id, "name": name, "by": recorder.holder})


def reset():
    global current, _seq, _pools
    current = None
    _pending.clear()
    _threads.clear()
    _seq = itertools.count()
    _pools = itertools.count()
    _last_job[0] = None
    jobs.clear()


def now():
    """The clock of whoever is running: a thread's own, or the global one."""
    return current.now if current is not None else recorder.now


# Running a function on a thread


def run(th, fn, args, kwargs, start):
    """Runs fn on `th` from virtual time `start` to its end; returns (outcome, end)."""
    global current
    saved = current, recorder.holder
    th.now = start
    th.busy = True
    recorder.emit({"k": "thread-run", "th": th.id, "fn": _label(fn), "from": start})
    current = th
    recorder.holder = None
    try:
        outcome = ("r", fn(*args, **kwargs))
    except RunStopped:
        raise
    except BaseException as exc:  # noqa: BLE001 — the thread's own exception, for its future
        outcome = ("x", exc)
    finally:
        current, recorder.holder = saved
        th.busy = False
    recorder.emit({"k": "thread-end", "th": th.id, "until": th.now})
    return outcome, th.now


def _label(fn):
    inner = getattr(fn, "func", None)  # functools.partial (to_thread: ctx.run, func, ...)
    if inner is not None:
        args = getattr(fn, "args", ())
        if getattr(inner, "__name__", "") == "run" and args:  # Context.run(func, ...)
            return _label(args[0])
        return _label(inner)
    return getattr(fn, "__qualname__", None) or getattr(fn, "__name__", None) or type(fn).__name__


def sleep(seconds, by):
    """time.sleep (or a blocking call) inside a thread: only the thread's clock moves."""
    th = current
    until = th.now + seconds
    if until > recorder.max_time:
        recorder.advance_to(until, "block")  # stops the run at the time limit
    recorder.emit({"k": "thread-sleep", "th": th.id, "from": th.now, "until": until, "by": by})
    th.now = until


def wait_until(t, timeout, by):
    """The caller blocks until virtual time t (a thread's end, a future's completion)."""
    if current is not None:
        limit = current.now + timeout if timeout is not None else t
        if min(t, limit) > current.now:
            sleep(min(t, limit) - current.now, by)
        return
    target = min(t, recorder.now + timeout) if timeout is not None else t
    if target > recorder.now:
        recorder.advance_to(target, "block")
        recorder.emit({"k": "block", "t": recorder.holder, "at": recorder.now, "by": by})
    apply_due()


# Effects at virtual times


def defer(at, effect, daemon=False):
    heapq.heappush(_pending, (at, next(_seq), daemon, effect))
    loop = _running_loop()
    if loop is not None:
        loop.call_at(at, from_thread)


def from_thread():
    """A loop timer: what threads did by now reaches the program."""
    apply_due()


def apply_due():
    while _pending and _pending[0][0] <= recorder.now + 1e-9:
        heapq.heappop(_pending)[3]()


def wake(loop):
    """A loop starts: it must wake for what threads will do meanwhile."""
    for at, _seq_, _daemon, _effect in sorted(_pending):
        loop.call_at(at, from_thread)


def at_exit():
    """As the interpreter joins non-daemon threads at exit; daemon threads just end."""
    while _pending:
        at, _s, daemon, effect = heapq.heappop(_pending)
        if daemon:
            continue
        if at > recorder.now:
            recorder.advance_to(at, "block")
            recorder.emit({"k": "block", "t": None, "at": recorder.now,
                           "by": "the interpreter waiting for threads at exit"})
        effect()


def _running_loop():
    from asyncio import events
    loop = events._get_running_loop()
    return loop if loop is not None and not loop.is_closed() else None


def write(text, err):
    """Output from a thread appears at the thread's time."""
    defer(current.now, lambda: recorder.write(text, err), current.daemon)


def _done(th, outcome):
    ev = {"k": "thread-done", "th": th.id}
    if outcome[0] == "r":
        ev["r"] = reprs.brepr(outcome[1])
    else:
        ev["x"] = reprs.brepr(outcome[1])
    recorder.emit(ev)


# threading.Thread


def _start(self):
    if not self._initialized:
        raise RuntimeError("thread.__init__() not called")
    if self._started.is_set():
        raise RuntimeError("threads can only be started once")
    self._started.set()
    th = SimThread(self.name, self, self.daemon)
    self._lab_thread = th
    self._lab_finished = False
    outcome, end = run(th, self.run, (), {}, now())
    if outcome[0] == "x" and not isinstance(outcome[1], SystemExit):
        text = "Exception in thread %s:\n%s" % (self.name, format_exception(outcome[1]))
        defer(end, lambda: recorder.write(text, True), th.daemon)

    def finished():
        self._lab_finished = True
        _done(th, outcome)

    defer(end, finished, th.daemon)


def _join(self, timeout=None):
    if not self._initialized:
        raise RuntimeError("Thread.__init__() not called")
    if not self._started.is_set():
        raise RuntimeError("cannot join thread before it is started")
    th = getattr(self, "_lab_thread", None)
    if th is None or th is current:
        raise RuntimeError("cannot join current thread")
    wait_until(th.now, timeout, "%s.join()" % self.name)


def _is_alive(self):
    return self._started.is_set() and not getattr(self, "_lab_finished", True)


def _current_thread():
    if current is not None:
        if current.obj is None:
            current.obj = threading.Thread(name=current.name, daemon=True)
        return current.obj
    return _real["current_thread"]()


# concurrent.futures


class SimFuture(concurrent.futures.Future):
    """A job's future: its outcome is known when the job runs, and reached at `_lab_at`."""

    def _lab_wait(self, timeout):
        if not self.done() and getattr(self, "_lab_at", None) is not None:
            if current is not None:  # another thread: its clock catches up, the outcome is known
                wait_until(self._lab_at, timeout, "future.result()")
                if timeout is None or current.now >= self._lab_at:
                    return self._lab_outcome
                raise TimeoutError()
            wait_until(self._lab_at, timeout, "future.result()")
        return None

    def result(self, timeout=None):
        outcome = self._lab_wait(timeout)
        if outcome is not None:
            if outcome[0] == "x":
                raise outcome[1]
            return outcome[1]
        return _future_result(self, timeout)

    def exception(self, timeout=None):
        outcome = self._lab_wait(timeout)
        if outcome is not None:
            return outcome[1] if outcome[0] == "x" else None
        return _future_exception(self, timeout)


def _cannot_wait(fut):
    if not fut.done():
        who = "a thread" if current is not None else "the program"
        raise RuntimeError(
            "%s would wait forever here: in Event Loop Lab a thread runs all its code the moment "
            "it starts, so it cannot wait for the event loop or for another thread (%r is not "
            "done yet)." % (who, fut))


def _future_result(self, timeout=None):
    if type(self) is not SimFuture:
        _cannot_wait(self)
    return _real["result"](self, timeout)


def _future_exception(self, timeout=None):
    if type(self) is not SimFuture:
        _cannot_wait(self)
    return _real["exception"](self, timeout)


class ThreadPoolExecutor(concurrent.futures.Executor):
    """concurrent.futures.ThreadPoolExecutor, simulated: at most max_workers jobs at once."""

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        if max_workers is None:
            cpus = getattr(os, "process_cpu_count", os.cpu_count)()
            max_workers = min(32, (cpus or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % next(_pools))
        self._initializer = initializer
        self._initargs = initargs
        self._workers = []
        self._shutdown = False

    def _worker(self, t):
        idle = [w for w in self._workers if not w.busy and w.free_at <= t]
        if idle:
            return min(idle, key=lambda w: w.free_at)
        if len(self._workers) < self._max_workers:
            w = SimThread("%s_%d" % (self._thread_name_prefix, len(self._workers)))
            self._workers.append(w)
            return w
        free = [w for w in self._workers if not w.busy] or self._workers
        return min(free, key=lambda w: w.free_at)

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        t = now()
        w = self._worker(t)
        fresh = w.free_at == 0.0 and not w.busy and self._initializer is not None
        start = max(t, w.free_at)
        fut = SimFuture()
        if fresh:
            run(w, self._initializer, self._initargs, {}, start)
            start = w.now
        outcome, end = run(w, fn, args, kwargs, start)
        _last_job[0] = w.id
        w.free_at = end
        fut._lab_at = end
        fut._lab_outcome = outcome

        def settle():
            _done(w, outcome)
            if fut.cancelled():
                return
            if outcome[0] == "x":
                fut.set_exception(outcome[1])
            else:
                fut.set_result(outcome[1])

        defer(end, settle)
        return fut

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        if wait and self._workers:
            wait_until(max(w.free_at for w in self._workers), None, "executor.shutdown()")


class ProcessPoolExecutor:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError(
            "ProcessPoolExecutor cannot run here: the browser has no processes. Use a "
            "ThreadPoolExecutor or asyncio.to_thread (simulated threads) instead.")


def install():
    """Called as a run starts (sandbox.environment); `uninstall` undoes it."""
    reset()
    _real.update(start=threading.Thread.start, join=threading.Thread.join,
                 is_alive=threading.Thread.is_alive, current_thread=threading.current_thread,
                 result=concurrent.futures.Future.result,
                 exception=concurrent.futures.Future.exception)
    threading.Thread.start = _start
    threading.Thread.join = _join
    threading.Thread.is_alive = _is_alive
    threading.current_thread = _current_thread
    threading._counter = itertools.count(1).__next__  # Thread-1 in every run
    concurrent.futures.Future.result = _future_result
    concurrent.futures.Future.exception = _future_exception
    # Module dicts (threading, concurrent.*) are restored by the sandbox after the run.
    for mod in (concurrent.futures, concurrent.futures.thread):
        mod.ThreadPoolExecutor = ThreadPoolExecutor
    concurrent.futures.ProcessPoolExecutor = ProcessPoolExecutor


def note_job(fut):
    """`fut` (from loop.run_in_executor) completes when the job just submitted ends: a task
    awaiting it waits for that thread (waits.describe_future says so)."""
    if _last_job[0] is not None:
        jobs[fut] = _last_job[0]
        _last_job[0] = None
    return fut


def uninstall():
    if not _real:
        return
    threading.Thread.start = _real["start"]
    threading.Thread.join = _real["join"]
    threading.Thread.is_alive = _real["is_alive"]
    concurrent.futures.Future.result = _real["result"]
    concurrent.futures.Future.exception = _real["exception"]
    _real.clear()
    reset()
