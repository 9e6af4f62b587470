"""Entry points: trace a program (the browser worker, Node, tests) or run it untraced (benchmarks).

    trace_program(source, options_json="{}", on_chunk=None) -> str

With on_chunk, events stream out as JSON array texts while the program runs and the return value
is the trace without "events"; without it, the whole trace JSON is returned.
See docs/trace-format.md.
"""
import builtins
import gc
import json
import re
import sys

from . import errors, monitor, objects, recorder, sandbox, simnet, threads, waits
from .recorder import RunStopped
from .shims import network

VERSION = 2  # 2: no locals at suspends outside the detail window (docs/trace-format.md)
_PRAGMA = re.compile(r"#\s*lab:\s*(.*)")
_OPTION_NAMES = {"max-steps": "maxSteps", "max-time": "maxTime", "max-output": "maxOutput",
                 "detail-steps": "detailSteps", "detail-from": "detailFrom"}


def pragmas(source):
    """`# lab: max-steps=5000000` comments at the top of a program raise its limits."""
    found = {}
    for line in source.splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            break
        m = _PRAGMA.match(text)
        if m:
            for part in m.group(1).replace(",", " ").split():
                key, _, value = part.partition("=")
                name = _OPTION_NAMES.get(key.strip())
                if name:
                    try:
                        found[name] = float(value) if name == "maxTime" else int(value)
                    except ValueError:
                        pass
    return found


def _reset(options, on_chunk):
    # What an earlier run left (its loop, its tasks: a run stopped by a limit leaves them
    # pending) is let go and finalized now, before this run records anything.
    waits.reset()
    objects.reset()
    network.reset()
    threads.reset()
    simnet.reset()
    threads.format_exception = errors.format_exception
    recorder.active = False
    gc.collect()
    _forget_warnings_shown()
    recorder.reset(options, on_chunk)


def _forget_warnings_shown():
    # The `default` warning action shows a warning once per place, remembered in the module's
    # __warningregistry__. Each run is a fresh interpreter as far as the program can tell, so a
    # warning an earlier run showed (a coroutine never awaited, reported from the tracer's own
    # cleanup) must show again: otherwise the same program prints it only the first time.
    for module in list(sys.modules.values()):
        registry = getattr(module, "__warningregistry__", None)
        if isinstance(registry, dict):
            registry.clear()


def _options(options_json, source):
    asked = json.loads(options_json) if options_json else {}
    options = dict(asked)
    options.update(pragmas(source))
    if asked.get("stopAfterFocus") and "maxSteps" in asked:
        # A focus re-run writes more events than the run it focuses (locals at every line), so
        # the program's own step limit would stop it sooner: it ends with its window instead.
        options["maxSteps"] = asked["maxSteps"]
    return options


def trace_program(source, options_json="{}", on_chunk=None):
    options = _options(options_json, source)
    _reset(options, on_chunk)
    status, error, exit_code = "completed", None, None
    try:
        code = compile(source, sandbox.FILE, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as exc:
        if not isinstance(exc, SyntaxError):
            exc = SyntaxError(str(exc))
        status, error = "error", errors.describe(exc)
        recorder.write_part(error["traceback"], True)
        code = None
    if code is not None:
        monitor.install(code)
        try:
            with sandbox.environment(source) as g:
                g.update(__name__="__main__", __builtins__=builtins, __file__=sandbox.FILE)
                try:
                    exec(code, g)
                except RunStopped:
                    pass
                except SystemExit as exc:
                    exit_code = _exit(exc)
                except BaseException as exc:  # noqa: BLE001 — the program's own exception
                    if not recorder.stopped:
                        status, error = "error", errors.describe(exc)
                        recorder.write(error["traceback"], True)
                finally:
                    # As the interpreter does at exit: it waits for non-daemon threads.
                    if not recorder.stopped:
                        try:
                            threads.at_exit()
                        except RunStopped:
                            pass
                    g.clear()
                    del g
                    # As CPython does at exit: finalizers report unretrieved task exceptions.
                    try:
                        gc.collect()
                    except RunStopped:
                        pass
        except RunStopped:
            pass
        finally:
            monitor.uninstall()
    if recorder.stopped:
        status = "limit"
    recorder.active = False
    recorder.flush()
    header = {
        "format": "asyncio-trace",
        "version": VERSION,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "file": sandbox.FILE,
        "source": source,
        "status": status,
        "stdout": "".join(recorder.stdout_parts),
        "stderr": "".join(recorder.stderr_parts),
        "error": error,
        "limit": recorder.limit,
        "tasks": recorder.tasks,
        "objects": recorder.objects,
        "frames": recorder.frames,
        "simulated": recorder.simulated,
        "stats": _stats(exit_code),
    }
    # ASCII, as the event chunks are (recorder.encode): one non-ASCII character (a dash in a
    # comment of the source) would make Pyodide decode the whole returned text as UTF-8, which
    # for a trace of 200,000 events costs more than a second; as ASCII it crosses in ~10 ms.
    text = recorder.encode(header)
    if on_chunk is not None:
        return text
    inner = ",".join(c[1:-1] for c in recorder.chunks if len(c) > 2)
    recorder.chunks.clear()
    return text[:-1] + ',"events":[' + inner + "]}"


def _stats(exit_code):
    stats = {"steps": recorder.base, "lines": recorder.lines, "detailFrom": recorder.detail_from,
             "detailSteps": recorder.detail_until - recorder.detail_from, "exit": exit_code}
    if recorder.suspend_locals != (VERSION == 1):  # given only when not the version's way
        stats["suspendLocals"] = recorder.suspend_locals
    if recorder.focus_until > recorder.focus_from:
        # Where it began recording locals (the end, when no line came after its start).
        began = recorder.focus_began if recorder.focus_began is not None else recorder.base
        stats["focusFrom"] = began
        stats["focusSteps"] = max(0, recorder.focus_until - began)
    return stats


def _exit(exc):
    code = exc.code
    if code is None or isinstance(code, int):
        return code
    recorder.write(str(code) + "\n", True)
    return 1


def run_untraced(source):
    """Runs the program on the same virtual-clock loop with no tracing; returns its stdout."""
    _reset({}, None)
    recorder.active = False
    recorder.capture = True
    code = compile(source, sandbox.FILE, "exec", dont_inherit=True)
    try:
        with sandbox.environment(source) as g:
            g.update(__name__="__main__", __builtins__=builtins, __file__=sandbox.FILE)
            exec(code, g)
    finally:
        recorder.capture = False
    return "".join(recorder.stdout_parts)
