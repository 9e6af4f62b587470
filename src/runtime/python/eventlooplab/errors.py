"""Exceptions as CPython prints them, without Event Loop Lab's own frames."""
import traceback

from . import sandbox

_OURS = "/eventlooplab/"


def _prune(te, seen):
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = traceback.StackSummary.from_list(
        [fs for fs in te.stack if _OURS not in (fs.filename or "")])
    _prune(te.__cause__, seen)
    _prune(te.__context__, seen)
    for sub in te.exceptions or ():
        _prune(sub, seen)


def format_exception(exc):
    te = traceback.TracebackException(type(exc), exc, exc.__traceback__, compact=True)
    _prune(te, set())
    return "".join(te.format())


def program_line(exc):
    """The program line where the exception was raised: the innermost frame of main.py."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == sandbox.FILE:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def describe(exc):
    info = {"type": type(exc).__name__, "message": str(exc), "line": program_line(exc),
            "traceback": format_exception(exc)}
    if isinstance(exc, SyntaxError) and exc.filename == sandbox.FILE:
        info["line"] = exc.lineno
        info["column"] = exc.offset
        info["message"] = exc.msg
    return info
