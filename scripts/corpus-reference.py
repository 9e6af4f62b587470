#!/usr/bin/env python3
# size: one file on purpose: each subprocess imports this very file (as corpus_reference) to run a program untraced
"""Reference results for the fidelity corpus (tests/corpus/*.py), from real, untraced CPython.

    python3 scripts/corpus-reference.py              regenerate tests/corpus/expected/*.json
    python3 scripts/corpus-reference.py --check      regenerate in memory, compare, write nothing
    python3 scripts/corpus-reference.py --cross      also run every program on CPython 3.14
                                                     (Pyodide) and report where it differs
    python3 scripts/corpus-reference.py 04 11-gather   only the programs whose names start so
    --repeat N                                       run each program N times; differing runs
                                                     mean the program is not robust in real time
    --python PATH                                    the CPython to run programs on (3.13+)

Run it on an idle machine: the programs run in real time, and a loop held up for a tenth of a
second by other work can fire two timers in one iteration (then --repeat 3 tells noise from a
real difference).

The fidelity rule: a traced run prints exactly what the same program prints under plain
`asyncio.run` on CPython, and the loop hands control to the program's tasks in the same order.
`src/runtime/corpus.test.ts` traces every corpus program and compares it with these files.

How a program is run
--------------------
Each program runs in a fresh subprocess of CPython 3.13 or newer (the closest real CPython to
Pyodide's 3.14; the development machine has 3.13.0 under pyenv, while its default `python3` is
3.11). The script finds one itself: `--python PATH`, else the interpreter running it if it is
3.13+, else the first of `python3.14`, `python3.13` on PATH and `~/.pyenv/versions/3.1[34]*`;
the programs run on that interpreter (the driver itself runs on any Python 3), and it stops with
a sentence saying how to get one if there is none. Programs run with real time and the stock event loop, copied into a temporary folder as `main.py` (the name the
tracer gives it; tracebacks and `co_filename` say `main.py`), standard input empty (/dev/null),
and `tests/corpus/reference_shims/` on `sys.path`. Those shims stand in for Event Loop Lab's
simulated `aiohttp` and `requests`, which real CPython does not have: same API, same latency rule
(`?delay=<s>`, else 0.1 + (sum of the URL's UTF-8 bytes % 10) / 10), waiting with the real
`asyncio.sleep` / `time.sleep`, so the reference is still real asyncio.

The subprocess is this very file, `--run-one main.py RESULT.json`: it makes a fresh `__main__`
module (`__name__ == "__main__"`, `__file__ == "main.py"`), compiles and execs the program in it
with no other change, and reports the exit code, the escaping exception (type and the innermost
program line, as the trace's `error.line`), and the handoffs. Stdout is the process's real stdout.

How handoffs are recorded without changing behaviour
----------------------------------------------------
A handoff is the loop running a handle that steps a task: that is exactly when the tracer writes a
`resume` event. Every such step goes through `asyncio.events.Handle._run` (a Python method in
every CPython version, for the C Task and the pure-Python one alike): the loop pops the handle and
calls `self._callback`, which is the task's step (`TaskStepMethWrapper`) or wakeup (`task_wakeup`)
method, bound to the task (`__self__`). So a `sys.setprofile` hook (profiling, not tracing: a
program that calls `sys.settrace` itself does not disturb it) watches for calls of
`Handle._run`'s code object, reads the handle's callback and its `__self__`, and notes the task if
the task's coroutine is the program's own code (`cr_code.co_filename == "main.py"`): only those
tasks matter (the trace's `user: true`). The hook holds tasks only through weak references (a
strong one would delay "Task exception was never retrieved"), creates nothing the program can see,
schedules nothing and changes no state; it only makes calls slower. Names are each task's name at
the end of the run (as the trace's `tasks[].name`), or its last name seen if it was collected
earlier; consecutive duplicates are collapsed. As a cross-check the hook also notes, per handoff,
whether the task's own coroutine frame was entered (the profile `call` event of `cr_frame`). A
step that never enters it is still a handoff, as in a trace: a task cancelled before it started,
or a cancellation thrown into a task whose innermost awaiting coroutine is library code that
handles it (coroutine.throw() goes straight to the innermost delegate: in 21-taskgroup-error,
TaskGroup.__aexit__ absorbs the cancellation and waits on, and main's frame never resumes).

CPython 3.13 versus 3.14
------------------------
Pyodide runs 3.14; the real CPython here is 3.13. Where the two differ for a program, the
reference comes from CPython 3.14 itself: `--pyodide` programs (PYODIDE_REFERENCE below) run in
Pyodide from node_modules, untraced, with the stock asyncio machinery on `RealTimeLoop` below (a
plain `BaseEventLoop` whose selector only sleeps: the same loop code as any CPython, real time),
installed as the event loop policy's factory as `asyncio.run` would find it. `--cross` runs every
program there as well and lists the differences, which is how the entries below were found.

Hand-written expectations
-------------------------
Programs that have no finite real reference (a deadlock, infinite loops, a print flood, the
virtual-time limit) have expectations written by hand, with `"cpython": null` and a `"why"`;
this script never overwrites those, and `--check` only verifies that they are well formed.

Expectation fields (tests/corpus/expected/NN-topic.json)
--------------------------------------------------------
program, cpython ("3.13.0", "3.14.2" or null), why (reason for a 3.14 or hand-written one),
status ("completed" | "error" | "limit"), stdout (exact) or stdoutPrefix, handoffs (exact, task
names) or handoffsPrefix, exit (the process's exit code; sys.exit counts as "completed"),
error (null or {type, line}, and column for a syntax error), limit (null or {kind}), stderrIncludes (strings the trace's stderr
must contain), simulated (simulated modules imported), options (trace options for the test).
"""
import argparse
import difflib
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "corpus")
EXPECTED = os.path.join(CORPUS, "expected")
SHIMS = os.path.join(CORPUS, "reference_shims")
PYODIDE_DIR = os.path.join(ROOT, "node_modules", "pyodide")
FILE = "main.py"
TIMEOUT = 30

# Programs whose reference must come from CPython 3.14 (Pyodide) because 3.13 behaves otherwise
# (`--cross` lists every difference; the real-time-only ones of the threads and streams programs,
# which Pyodide cannot run untraced, are not differences of the language).
PYODIDE_REFERENCE = {
    "59-get-event-loop-module-level": (
        "asyncio.get_event_loop() with no loop set raises RuntimeError in 3.14; 3.13 only emits a "
        "DeprecationWarning and creates a loop."),
    "69-old-style-run-until-complete": (
        "asyncio.get_event_loop() with no loop set raises RuntimeError in 3.14; 3.13 only emits a "
        "DeprecationWarning and creates a loop."),
}
# The oldest CPython whose asyncio behaves as 3.14's for the rest of the corpus (3.12 changed
# wait_for, 3.13 added asyncio.EventLoop).
MIN_REFERENCE = (3, 13)

# Extra expectations that the run itself does not produce.
EXTRA = {
    "44-exception-escapes": {"stderrIncludes": ["ValueError: something went wrong"]},
    "45-task-exception-never-retrieved": {"stderrIncludes": [
        "Task exception was never retrieved",
        "RuntimeError: nobody looks at this task's result"]},
    "46-never-awaited": {"stderrIncludes": ["RuntimeWarning: coroutine 'work' was never awaited"]},
    "47-exception-in-callback": {"stderrIncludes": [
        "Exception in callback", "ZeroDivisionError: division by zero"]},
    "54-recursion-error": {"stderrIncludes": ["RecursionError: maximum recursion depth exceeded"]},
    "55-syntax-error": {"stderrIncludes": ["SyntaxError: '(' was never closed"]},
    "56-input": {"stderrIncludes": ["EOFError"]},
    "65-threads-and-loop": {"stderrIncludes": [
        "Exception in thread Thread-2 (boom):", "ValueError: a thread failed"]},
    "59-get-event-loop-module-level": {"stderrIncludes": [
        "RuntimeError: There is no current event loop in thread 'MainThread'."]},
    "69-old-style-run-until-complete": {"stderrIncludes": [
        "RuntimeError: There is no current event loop in thread 'MainThread'."]},
    "70-main-never-run": {"stderrIncludes": ["RuntimeWarning: coroutine 'main' was never awaited"]},
    "72-task-destroyed-pending": {"stderrIncludes": ["Task was destroyed but it is pending!"]},
    "74-module-not-found": {"stderrIncludes": ["ModuleNotFoundError: No module named 'fastapi'"]},
    "77-run-in-running-loop": {"stderrIncludes": [
        "RuntimeError: asyncio.run() cannot be called from a running event loop",
        "RuntimeWarning: coroutine 'helper' was never awaited"]},
    "78-await-outside-async": {"stderrIncludes": ["'await' outside async function"]},
}

_SIMULATED = re.compile(r"^\s*(?:import|from)\s+(aiohttp|requests)\b", re.M)


# --------------------------------------------------------------------------------------------
# The subprocess side: run one program untraced and note the handoffs.
# --------------------------------------------------------------------------------------------

def _run_one(filename, result_path=None, in_process=False):
    """Runs `filename` as `__main__`; writes (or returns) {python, exit, error, handoffs}."""
    import asyncio
    import builtins
    import types
    import weakref
    from asyncio import events

    with open(filename, encoding="utf-8") as f:
        source = f.read()
    result = {"python": platform.python_version(), "exit": 0, "error": None}

    keys = weakref.WeakKeyDictionary()  # task -> key
    refs = {}  # key -> weakref to the task
    names = {}  # key -> the task's name when last seen
    order = []  # one key per handoff
    entered = set()  # handoff indexes whose step entered the task's own coroutine frame
    run_code = events.Handle._run.__code__

    def profile(frame, event, arg):
        if event != "call":
            return
        try:
            code = frame.f_code
            if code is run_code:
                callback = frame.f_locals["self"]._callback
                task = getattr(callback, "__self__", None)
                if not (isinstance(task, asyncio.Future) and hasattr(task, "get_coro")):
                    return
                coro = task.get_coro()
                cr_code = getattr(coro, "cr_code", None)
                if cr_code is None or cr_code.co_filename != filename:
                    return
                key = keys.get(task)
                if key is None:
                    key = keys[task] = len(refs)
                    refs[key] = weakref.ref(task)
                names[key] = task.get_name()
                order.append(key)
            elif code.co_filename == filename and order:
                loop = events._get_running_loop()
                task = asyncio.current_task(loop) if loop is not None else None
                if task is not None and getattr(task.get_coro(), "cr_frame", None) is frame:
                    entered.add(len(order) - 1)
        except Exception:  # noqa: BLE001 — the hook must never disturb the program
            pass

    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__builtins__ = builtins
    sys.modules["__main__"] = main
    sys.argv = [filename]
    # As for `python3 main.py`: the program's folder first (not this script's), then the shims.
    sys.path[0:0 if in_process else 1] = [os.getcwd(), SHIMS_AT_RUN or SHIMS]

    def fail(exc, tb):
        line = getattr(exc, "lineno", None) if isinstance(exc, SyntaxError) else None
        t = tb
        while t is not None:
            if t.tb_frame.f_code.co_filename == filename:
                line = t.tb_lineno
            t = t.tb_next
        result["error"] = {"type": type(exc).__name__, "line": line}
        if isinstance(exc, SyntaxError) and exc.offset:
            result["error"]["column"] = exc.offset
        result["exit"] = 1
        sys.excepthook(type(exc), exc, tb)

    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as exc:
        code = None
        fail(exc, None)
    if code is not None:
        sys.setprofile(profile)
        try:
            exec(code, main.__dict__)
        except SystemExit as exc:
            sys.setprofile(None)
            if exc.code is None:
                result["exit"] = 0
            elif isinstance(exc.code, int):
                result["exit"] = exc.code
            else:
                print(exc.code, file=sys.stderr)
                result["exit"] = 1
        except BaseException as exc:  # noqa: BLE001 — the program's own exception
            sys.setprofile(None)
            fail(exc, exc.__traceback__.tb_next)
        finally:
            sys.setprofile(None)

    for key, ref in refs.items():
        task = ref()
        if task is not None:
            names[key] = task.get_name()
    handoffs = []
    for key in order:
        if not handoffs or handoffs[-1] != names[key]:
            handoffs.append(names[key])
    result["handoffs"] = handoffs
    result["notEntered"] = sorted({names[order[i]] for i in range(len(order)) if i not in entered})
    sys.stdout.flush()
    sys.stderr.flush()
    if in_process:
        return result
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump(result, f)
    sys.exit(result["exit"])


SHIMS_AT_RUN = None  # Pyodide sets this to where it put the shims


def install_realtime_loop():
    """For CPython 3.14 in Pyodide: make asyncio's default loop a stock, real-time BaseEventLoop.

    Pyodide's own WebLoop cannot block; this loop is BaseEventLoop unchanged except that its
    selector only sleeps until the next timer (as a selector with no file descriptors would).
    Pyodide also marks its WebLoop as running and replaces asyncio.run and time.sleep: undone.
    asyncio.EventLoop and SelectorEventLoop (loop factories) make this loop as well.
    """
    import asyncio
    import time
    from asyncio import base_events, events, runners

    asyncio.run = runners.run
    try:
        from pyodide import webloop
        time.sleep = webloop._orig_sleep
    except ImportError:
        pass
    events._set_running_loop(None)

    class _SleepSelector:
        def select(self, timeout):
            if timeout is None:
                raise RuntimeError("deadlock: nothing is ready and no timer is scheduled")
            if timeout > 0:
                time.sleep(timeout)
            return []

        def close(self):
            pass

    class RealTimeLoop(base_events.BaseEventLoop):
        def __init__(self, selector=None):  # as SelectorEventLoop(selector): nothing to select
            super().__init__()
            self._selector = _SleepSelector()

        def _process_events(self, event_list):
            pass

        def _write_to_self(self):
            pass

    class Policy(events._BaseDefaultEventLoopPolicy):
        _loop_factory = RealTimeLoop

    # Loop factories a program names (asyncio.run(..., loop_factory=asyncio.EventLoop)) make it
    # too: Pyodide's selector loop cannot wait on its selector.
    asyncio.EventLoop = asyncio.SelectorEventLoop = RealTimeLoop

    setter = getattr(events, "_set_event_loop_policy", None) or events.set_event_loop_policy
    setter(Policy())


# --------------------------------------------------------------------------------------------
# The driver side.
# --------------------------------------------------------------------------------------------

def programs(selected):
    names = sorted(f[:-3] for f in os.listdir(CORPUS) if re.match(r"\d\d-.*\.py$", f))
    if selected:
        names = [n for n in names if any(n.startswith(s) for s in selected)]
    return names


def source_of(name):
    with open(os.path.join(CORPUS, name + ".py"), encoding="utf-8") as f:
        return f.read()


def load_expected(name):
    path = os.path.join(EXPECTED, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def _version_of(python):
    """(major, minor) of the interpreter at `python`, or None if it does not run (a pyenv shim
    for a version that is not selected fails)."""
    try:
        out = subprocess.run([python, "-c", "import sys; print(*sys.version_info[:2])"],
                             capture_output=True, timeout=20, stdin=subprocess.DEVNULL)
        return tuple(int(x) for x in out.stdout.split()) if out.returncode == 0 else None
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None


def reference_python(requested=None):
    """The CPython to run the programs on (see "How a program is run")."""
    if requested:
        version = _version_of(requested)
        if version is None or version < MIN_REFERENCE:
            raise SystemExit(f"--python {requested}: not a CPython {MIN_REFERENCE[0]}."
                             f"{MIN_REFERENCE[1]} or newer (it says {version})")
        return requested
    if sys.version_info[:2] >= MIN_REFERENCE:
        return sys.executable
    pyenv = os.path.expanduser("~/.pyenv/versions")
    candidates = [shutil.which("python3.14"), shutil.which("python3.13")] + sorted(
        glob.glob(os.path.join(pyenv, "3.1[34]*", "bin", "python3")), reverse=True)
    for python in candidates:
        version = _version_of(python) if python else None
        if version is not None and version >= MIN_REFERENCE:
            return python
    raise SystemExit(
        "No CPython 3.13 or newer found (this is %s): the references must come from one. Install "
        "one (`pyenv install 3.13`) or pass --python PATH." % platform.python_version())


PYTHON = sys.executable  # main() sets the reference interpreter


def run_cpython(name):
    """Runs one program on the reference CPython; returns (stdout, stderr, result)."""
    with tempfile.TemporaryDirectory(prefix="corpus-") as tmp:
        shutil.copy(os.path.join(CORPUS, name + ".py"), os.path.join(tmp, FILE))
        result_path = os.path.join(tmp, "result.json")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONIOENCODING"] = "utf-8"
        proc = subprocess.run(
            [PYTHON, os.path.abspath(__file__), "--run-one", FILE, result_path],
            cwd=tmp, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
        stdout = proc.stdout.decode("utf-8")
        stderr = proc.stderr.decode("utf-8")
        if not os.path.exists(result_path):
            raise RuntimeError(f"{name}: the harness wrote no result\n{stderr}")
        with open(result_path, encoding="utf-8") as f:
            result = json.load(f)
        if result["exit"] != proc.returncode:
            raise RuntimeError(f"{name}: exit {proc.returncode}, harness said {result['exit']}")
        return stdout, stderr, result


_NODE_DRIVER = r"""
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const job = JSON.parse(readFileSync(0, 'utf8'));
const { loadPyodide } = await import(pathToFileURL(job.pyodide + '/pyodide.mjs').href);
for (const program of job.programs) {
  const out = [], err = [];
  const sink = (list) => ({ write: (buf) => { list.push(Buffer.from(buf)); return buf.length; } });
  const py = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  py.setStdout(sink(out));
  py.setStderr(sink(err));
  py.setStdin({ stdin: () => null });
  py.FS.mkdirTree('/ref/shims');
  py.FS.mkdirTree('/run');
  py.FS.writeFile('/ref/corpus_reference.py', job.harness);
  for (const [n, text] of Object.entries(job.shims)) py.FS.writeFile('/ref/shims/' + n, text);
  py.FS.writeFile('/run/main.py', program.source);
  let result;
  try {
    result = py.runPython(`
import os, sys, json
os.chdir('/run')
sys.path.insert(0, '/ref')
import corpus_reference as h
h.SHIMS_AT_RUN = '/ref/shims'
h.install_realtime_loop()
json.dumps(h._run_one('main.py', in_process=True))
`);
  } catch (e) {
    result = JSON.stringify({ python: null, exit: null, error: { type: 'HarnessError', line: null }, handoffs: [], crash: String(e) });
  }
  process.stdout.write(JSON.stringify({
    name: program.name,
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    result: JSON.parse(result),
  }) + '\n');
}
"""


def run_pyodide(names):
    """Runs programs on CPython 3.14 in Pyodide (one fresh interpreter each); yields results."""
    if not os.path.exists(os.path.join(PYODIDE_DIR, "pyodide.mjs")):
        raise SystemExit("node_modules/pyodide is missing: run `npm ci` first")
    with open(os.path.abspath(__file__), encoding="utf-8") as f:
        harness = f.read()
    shims = {}
    for n in sorted(os.listdir(SHIMS)):
        if n.endswith(".py"):
            with open(os.path.join(SHIMS, n), encoding="utf-8") as f:
                shims[n] = f.read()
    job = {"pyodide": PYODIDE_DIR, "harness": harness, "shims": shims,
           "programs": [{"name": n, "source": source_of(n)} for n in names]}
    with tempfile.TemporaryDirectory(prefix="corpus-node-") as tmp:
        driver = os.path.join(tmp, "driver.mjs")
        with open(driver, "w", encoding="utf-8") as f:
            f.write(_NODE_DRIVER)
        proc = subprocess.run(["node", driver], input=json.dumps(job).encode(), cwd=ROOT,
                              capture_output=True, timeout=TIMEOUT * max(1, len(names)))
    if proc.returncode != 0:
        raise RuntimeError("the Pyodide driver failed:\n" + proc.stderr.decode()[-3000:])
    found = {}
    for line in proc.stdout.decode("utf-8").splitlines():
        if line.startswith("{"):
            item = json.loads(line)
            found[item["name"]] = (item["stdout"], item["stderr"], item["result"])
    return found


def expectation(name, stdout, stderr, result, why=None, check_stderr=True):
    exp = {"program": name + ".py", "cpython": result["python"]}
    if why:
        exp["why"] = why
    error = result["error"]
    exp["status"] = "error" if error else "completed"
    exp["stdout"] = stdout
    exp["handoffs"] = result["handoffs"]
    exp["exit"] = result["exit"]
    exp["error"] = error
    exp["limit"] = None
    exp.update(EXTRA.get(name, {}))
    for text in exp.get("stderrIncludes", []) if check_stderr else []:
        if text not in stderr:
            raise RuntimeError(f"{name}: stderr lacks {text!r}:\n{stderr}")
    simulated = sorted(set(_SIMULATED.findall(source_of(name))))
    if simulated:
        exp["simulated"] = simulated
    return exp


def dump(exp):
    return json.dumps(exp, indent=2, ensure_ascii=False) + "\n"


def compare(label, a, b):
    """Differences between two expectations, as lines (nothing if they agree)."""
    out = []
    for key in ("status", "stdout", "handoffs", "exit", "error"):
        if a.get(key) != b.get(key):
            if key == "stdout":
                diff = difflib.unified_diff(str(a.get(key)).splitlines(), str(b.get(key)).splitlines(),
                                            "a", "b", lineterm="", n=1)
                out.append(f"  {label} {key}:\n    " + "\n    ".join(list(diff)[2:]))
            else:
                out.append(f"  {label} {key}: {a.get(key)!r} != {b.get(key)!r}")
    return out


def check_handwritten(name, exp):
    problems = []
    if exp.get("cpython") is not None:
        problems.append("hand-written expectations have cpython null")
    if not exp.get("why"):
        problems.append("says no why")
    if exp.get("status") not in ("completed", "error", "limit"):
        problems.append("has no valid status")
    if "stdout" not in exp and "stdoutPrefix" not in exp:
        problems.append("has neither stdout nor stdoutPrefix")
    if exp.get("status") == "limit" and not (exp.get("limit") or {}).get("kind"):
        problems.append("stops at a limit but says no limit.kind")
    return [f"{name}: {p}" for p in problems]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="program name prefixes (default: all)")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    parser.add_argument("--cross", action="store_true", help="also run on 3.14 and compare")
    parser.add_argument("--repeat", type=int, default=1, help="runs per program (robustness)")
    parser.add_argument("--python", help="the CPython 3.13+ to run the programs on")
    args = parser.parse_args(argv)
    global PYTHON
    PYTHON = reference_python(args.python)
    print(f"programs run on {PYTHON}", flush=True)
    os.makedirs(EXPECTED, exist_ok=True)

    names = programs(args.names)
    problems, written, notes = [], 0, []
    handwritten = {n for n in names if (load_expected(n) or {}).get("cpython", "x") is None}
    generated = [n for n in names if n not in handwritten]
    on_pyodide = [n for n in generated if n in PYODIDE_REFERENCE]
    cross = run_pyodide(generated) if args.cross else (run_pyodide(on_pyodide) if on_pyodide else {})

    for name in names:
        old = load_expected(name)
        if name in handwritten:
            problems += check_handwritten(name, old)
            continue
        on_314 = name in PYODIDE_REFERENCE
        runs = []
        for i in range(max(1, args.repeat)):
            if on_314:
                runs.append(cross[name] if i == 0 else run_pyodide([name])[name])
            else:
                runs.append(run_cpython(name))
        exps = [expectation(name, *r, why=PYODIDE_REFERENCE.get(name)) for r in runs]
        exp = exps[0]
        for other in exps[1:]:
            for line in compare("first run vs a later run", exp, other):
                problems.append(f"{name}: not robust in real time:\n{line}")
        if runs[0][2].get("crash"):
            problems.append(f"{name}: the harness crashed: {runs[0][2]['crash']}")
        if runs[0][2].get("notEntered"):
            notes.append(f"{name}: a step of {runs[0][2]['notEntered']} never entered the "
                         "task's coroutine (still a handoff)")
        if args.cross:
            other = expectation(name, *(run_cpython(name) if on_314 else cross[name]),
                                check_stderr=False)
            lines = compare(f"{exp['cpython']} vs {other['cpython']}", exp, other)
            if lines:
                notes.append(f"{name}: differs between versions"
                             + (" (known: PYODIDE_REFERENCE)" if on_314 else "")
                             + "\n" + "\n".join(lines))
        text = dump(exp)
        path = os.path.join(EXPECTED, name + ".json")
        if old is None or dump(old) != text:
            if args.check:
                problems.append(f"{name}: expected/{name}.json is "
                                + ("missing" if old is None else "out of date:\n"
                                   + "\n".join(compare("file vs run", old, exp))))
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                written += 1
        print(f"{name}: {exp['status']}, {len(exp['handoffs'])} handoffs"
              + (f", error {exp['error']['type']}" if exp["error"] else ""), flush=True)

    for name in sorted(set(os.listdir(EXPECTED))):
        if name.endswith(".json") and not os.path.exists(os.path.join(CORPUS, name[:-5] + ".py")):
            problems.append(f"expected/{name} has no program")
    for note in notes:
        print("note:", note)
    if not args.check:
        print(f"{written} expectation file(s) written")
    for p in problems:
        print("problem:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--run-one":
        _run_one(sys.argv[2], sys.argv[3])
    else:
        sys.exit(main(sys.argv[1:]))
