"""The environment one run happens in, set up before the program starts and undone after.

- stdout and stderr go into the trace;
- time.time/monotonic/perf_counter read the virtual clock, and time.sleep blocks the loop: the
  clock advances while the party holding control keeps it (the first thing a beginner must see);
- asyncio makes virtual-clock loops; Pyodide's own running loop is set aside meanwhile;
- `import aiohttp` / `import requests` give the simulated modules; `js`, `pyodide` and friends
  cannot be imported, so a program cannot reach the page, the network or storage;
- input() and os._exit() fail or exit cleanly instead of blocking or killing the interpreter.
"""
import asyncio
import builtins
import contextlib
import datetime
import importlib.abc
import importlib.machinery
import importlib.util
import io
import linecache
import os
import sys
import time
import warnings
from asyncio import events

from . import loop as vloop
from . import clock, recorder, threads

FILE = "main.py"
EPOCH = 1_767_225_600.0  # 2026-01-01 00:00:00 UTC: time.time() is virtual and reproducible
BLOCKED = ("js", "pyodide", "pyodide_js", "micropip", "_pyodide", "pyodide_http")
SHIMS = ("aiohttp", "requests")


class _Stream(io.TextIOBase):
    def __init__(self, err):
        self._err = err
        self.name = "<stderr>" if err else "<stdout>"

    @property
    def encoding(self):
        return "utf-8"

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s" % type(s).__name__)
        if threads.current is not None:
            threads.write(s, self._err)
        else:
            recorder.write(s, self._err)
        return len(s)

    def writable(self):
        return True

    def isatty(self):
        return False

    def flush(self):
        pass


def block(seconds, by):
    """A blocking call: in a thread only its clock moves; in the main thread everything waits."""
    if threads.current is not None:
        threads.sleep(seconds, by)
        return
    recorder.advance_to(recorder.now + seconds, "block")
    recorder.emit({"k": "block", "t": recorder.holder, "at": recorder.now, "by": by})
    threads.apply_due()  # what threads print meanwhile appears while the main thread blocks


def virtual_sleep(secs):
    if isinstance(secs, bool) or not isinstance(secs, (int, float)):
        raise TypeError("'%s' object cannot be interpreted as an integer or float"
                        % type(secs).__name__)
    if secs < 0:
        raise ValueError("sleep length must be non-negative")
    if recorder.active:
        block(float(secs), "time.sleep(%s)" % format(secs, "g"))
    elif threads.current is not None:
        threads.current.now += float(secs)
    else:
        recorder.now += float(secs)


def _input(prompt=""):
    sys.stdout.write(str(prompt))
    raise EOFError("input() cannot read anything here: Event Loop Lab programs have no "
                   "keyboard. Put the value in a variable instead.")


def _os_exit(code):
    raise SystemExit(code)


class _Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Blocks the modules that reach the page; serves the simulated network modules."""

    def find_spec(self, name, path=None, target=None):
        root = name.partition(".")[0]
        if root in BLOCKED:
            raise ImportError(
                "No module named %r here: programs in Event Loop Lab cannot reach the page, "
                "the network or storage." % name, name=name)
        if name in SHIMS:
            return importlib.machinery.ModuleSpec(name, self, origin="simulated %s" % name)
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        name = module.__name__
        spec = importlib.util.find_spec("eventlooplab.shims.%s" % name)
        source = spec.loader.get_source(spec.name)
        module.__file__ = spec.origin
        exec(compile(source, spec.origin, "exec"), module.__dict__)
        if name not in recorder.simulated:
            recorder.simulated.append(name)


def wall():
    """The virtual wall clock: EPOCH plus the virtual seconds since the run started."""
    return EPOCH + clock.read()


_real = {n: getattr(time, n) for n in ("gmtime", "localtime", "ctime", "asctime", "strftime")}


def _gmtime(secs=None):
    return _real["gmtime"](wall() if secs is None else secs)


def _localtime(secs=None):
    return _real["localtime"](wall() if secs is None else secs)


def _ctime(secs=None):
    return _real["ctime"](wall() if secs is None else secs)


def _asctime(*t):
    return _real["asctime"](*t) if t else _real["asctime"](_localtime())


def _strftime(format, *t):
    return _real["strftime"](format, *t) if t else _real["strftime"](format, _localtime())


_TIME_FUNCS = {
    "time": wall,
    "time_ns": lambda: int(wall() * 1e9),
    "monotonic": clock.read,
    "monotonic_ns": lambda: int(clock.read() * 1e9),
    "perf_counter": clock.read,
    "perf_counter_ns": lambda: int(clock.read() * 1e9),
    "sleep": virtual_sleep,
    # Without a time argument these read "now": the virtual wall clock too.
    "gmtime": _gmtime,
    "localtime": _localtime,
    "ctime": _ctime,
    "asctime": _asctime,
    "strftime": _strftime,
}


class _VirtualDatetime(datetime.datetime):
    """datetime.datetime whose now() and utcnow() read the virtual wall clock. (date.today()
    and datetime.today() already go through time.time(); now() reads the system clock in C.)"""

    __slots__ = ()

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(time.time(), tz)

    @classmethod
    def utcnow(cls):
        warnings.warn(
            "datetime.datetime.utcnow() is deprecated and scheduled for removal in a future "
            "version. Use timezone-aware objects to represent datetimes in UTC: "
            "datetime.datetime.now(datetime.UTC).", DeprecationWarning, stacklevel=2)
        return cls.fromtimestamp(time.time(), datetime.timezone.utc).replace(tzinfo=None)

    def __repr__(self):
        # A subclass's repr says its bare name; the program must read `datetime.datetime(...)`.
        return "datetime." + super().__repr__()


_VirtualDatetime.__name__ = _VirtualDatetime.__qualname__ = "datetime"
_VirtualDatetime.__module__ = "datetime"


def _located_like_cpython(show):
    """A warning raised while the tracer cleans up (a coroutine never awaited, freed when the
    run ends) is where CPython would report it at interpreter exit: `sys:1`."""

    def showwarnmsg(msg):
        if "/eventlooplab/" in (msg.filename or ""):
            msg.filename, msg.lineno, msg.line = "sys", 1, None
        show(msg)

    return showwarnmsg


def _all_tasks_in_creation_order(original):
    """asyncio.run cancels leftover tasks in the order of a set, which depends on memory
    addresses: any order is CPython's, but a trace must not change from run to run. asyncio's
    runner reads `asyncio.tasks.all_tasks` (the program's `asyncio.all_tasks` is a separate
    binding and stays the real one)."""

    def all_tasks(loop=None):
        return sorted(original(loop), key=recorder.task_id)

    return all_tasks


# Modules a program may patch (asyncio.sleep = ..., builtins.print = ...): restored after each
# run, so that the next program in the same interpreter starts from the standard library.
_RESTORED = ("asyncio", "builtins", "time", "random", "functools", "itertools", "collections",
             "threading", "concurrent", "contextlib", "warnings", "math", "json", "types")


def _snapshot_modules():
    return {name: dict(mod.__dict__) for name, mod in list(sys.modules.items())
            if mod is not None and name.partition(".")[0] in _RESTORED}


def _restore_modules(saved, names_before):
    for name, old in saved.items():
        mod = sys.modules.get(name)
        if mod is None:
            continue
        d = mod.__dict__
        for key in [k for k in d if k not in old]:
            del d[key]
        for key, value in old.items():
            if d.get(key, _MISSING) is not value:
                d[key] = value
    # Modules the program made or imported from elsewhere go; standard-library modules imported
    # during the run stay (asyncio's lazily imported parts must keep one identity).
    for name in [n for n in sys.modules if n not in names_before]:
        origin = getattr(getattr(sys.modules[name], "__spec__", None), "origin", None) or ""
        if not name.startswith("eventlooplab") and not origin.startswith(_STDLIB):
            del sys.modules[name]


_MISSING = object()
_STDLIB = os.path.dirname(os.path.dirname(asyncio.__file__))


def _getpolicy():
    get = getattr(events, "_get_event_loop_policy", None) or events.get_event_loop_policy
    return get()


def _setpolicy(p):
    (getattr(events, "_set_event_loop_policy", None) or events.set_event_loop_policy)(p)


@contextlib.contextmanager
def environment(source):
    names_before = set(sys.modules)
    clock.reset()
    saved_dicts = _snapshot_modules()
    threads.install()
    saved_limit = sys.getrecursionlimit()
    saved_modules = {n: m for n, m in sys.modules.items() if n.partition(".")[0] in BLOCKED + SHIMS}
    for n in saved_modules:
        del sys.modules[n]
    finder = _Finder()
    sys.meta_path.insert(0, finder)
    saved_time = {n: getattr(time, n) for n in _TIME_FUNCS}
    for n, f in _TIME_FUNCS.items():
        setattr(time, n, f)
    saved_datetime = datetime.datetime
    datetime.datetime = _VirtualDatetime
    saved_io = (sys.stdout, sys.stderr, builtins.input, os._exit)
    sys.stdout, sys.stderr = _Stream(False), _Stream(True)
    builtins.input = _input
    os._exit = _os_exit
    # Pyodide replaces asyncio.run with its own (for its browser loop): put CPython's back.
    saved_loops = (asyncio.EventLoop, asyncio.SelectorEventLoop, asyncio.run)
    asyncio.EventLoop = asyncio.SelectorEventLoop = vloop.VirtualLoop
    asyncio.run = asyncio.runners.run
    saved_all_tasks = asyncio.tasks.all_tasks
    asyncio.tasks.all_tasks = _all_tasks_in_creation_order(saved_all_tasks)
    saved_policy = _getpolicy()
    _setpolicy(vloop.Policy())
    wmod = warnings  # 3.14's _py_warnings calls back into warnings._showwarnmsg_impl
    saved_show = wmod._showwarnmsg_impl
    wmod._showwarnmsg_impl = _located_like_cpython(saved_show)
    saved_running = events._get_running_loop()
    events._set_running_loop(None)
    saved_main = sys.modules.get("__main__")
    main_module = type(sys)("__main__")
    main_module.__file__ = FILE
    sys.modules["__main__"] = main_module
    linecache.cache[FILE] = (len(source), None, source.splitlines(True), FILE)
    saved_argv = sys.argv
    sys.argv = [FILE]
    try:
        yield main_module.__dict__
    finally:
        threads.uninstall()
        sys.setrecursionlimit(saved_limit)
        sys.argv = saved_argv
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
        events._set_running_loop(saved_running)
        wmod._showwarnmsg_impl = saved_show
        _setpolicy(saved_policy)
        asyncio.EventLoop, asyncio.SelectorEventLoop, asyncio.run = saved_loops
        asyncio.tasks.all_tasks = saved_all_tasks
        sys.stdout, sys.stderr, builtins.input, os._exit = saved_io
        for n, f in saved_time.items():
            setattr(time, n, f)
        datetime.datetime = saved_datetime
        if finder in sys.meta_path:
            sys.meta_path.remove(finder)
        for n in [n for n in sys.modules if n.partition(".")[0] in BLOCKED + SHIMS]:
            del sys.modules[n]
        sys.modules.update(saved_modules)
        _restore_modules(saved_dicts, names_before)
