"""The event buffer of one run: ids, virtual time, limits and streaming.

This module sits under every line the program executes, so it is written for speed: module
globals (fast lookups), a plain list of events where a line event is a bare int, and one length
check per line. Events leave in JSON chunks (`flush`), so a run cut short keeps what it streamed.
"""
import json
import re
import time
import weakref

from . import reprs


class RunStopped(KeyboardInterrupt):
    """Raised into the program when a limit stops the run.

    A KeyboardInterrupt, because asyncio's Task re-raises KeyboardInterrupt and SystemExit instead
    of storing them as the task's exception: the stop leaves the loop at once.
    """


EV = []
_append = EV.append

# The chunk/limit bookkeeping runs when len(EV) reaches next_check (see checkpoint).
base = 0
next_check = 0
chunk_size = 65536
max_steps = 2_000_000
max_time = 86_400.0
max_output = 1_000_000
# Locals are recorded at every line inside the detail window [detail_from, detail_until) of
# steps and inside the focus window, if any, and elsewhere only at suspends (suspend_locals) or
# not at all. A later run of the same (deterministic) program with a focus window gives exact
# locals anywhere in a long run: until the focus window starts, its events are the very events
# of the first run (docs/trace-format.md, "Locals").
DEFAULT_DETAIL = 20_000
detail_from = 0
detail_until = DEFAULT_DETAIL
focus_from = 0
focus_until = 0
# The step at which the focus re-run began recording locals: a window opens at the first line
# at or past its start, and the locals of every frame alive then follow that line.
focus_began = 0
stop_after_focus = False  # a focus re-run needs nothing past its window
suspend_locals = False  # version 1 recorded them; a focus re-run gives them now
windows = ()  # the detail windows, (from, until) in order, none empty, none overlapping
_edges = ()  # their edges in order, where checkpoint turns detail on or off
_edge_i = 0  # the first edge checkpoint has not passed yet
_window_end = 0  # while recording locals, where the window doing so ends
detail = True

on_chunk = None
chunks = []
# One encoder for every chunk (json.dumps with options builds a new one per call). ASCII JSON:
# the C encoder's fastest path, and a pure-ASCII str crosses from Pyodide to JavaScript as
# Latin-1 bytes with no UTF-8 decoding. Non-ASCII text leaves as \uXXXX escapes, which
# JSON.parse reads back to the same characters: the trace is the same.
encode = json.JSONEncoder(ensure_ascii=True, separators=(",", ":")).encode
# Real time, read before the sandbox makes `time` virtual: events also leave at least every
# FLUSH_SECONDS, so a run that hangs inside one C call (and is killed) keeps what came before.
_wall = time.perf_counter
FLUSH_SECONDS = 0.1
_flushed_at = 0.0

active = False  # recording
capture = False  # untraced runs still collect stdout
lines = 0  # line events flushed so far
stopped = False  # a limit or a deadlock ended the run
limit = None
on_stop = None  # set by monitor: makes every further program line raise RunStopped
on_detail = None  # set by monitor: on_detail(True/False) starts or ends recording locals per line

now = 0.0  # the virtual clock, shared by every loop of the run
holder = None  # the task id holding control, or None
output_chars = 0
stdout_parts = []
stderr_parts = []
_last_out = None  # the last output event, to merge consecutive writes

tasks = []  # the trace's task table
# id(task) -> (weakref to the task, task id): a plain dict looked up by address and checked by
# identity, which is what a WeakKeyDictionary does in Python code at twice the cost (every
# resume and suspend looks a task up). The entry leaves when the task is freed.
_task_ids = {}
_task_refs = {}  # task id -> weakref, to notice set_name()
frames = []  # the trace's frame table
objects = []  # the trace's object table
simulated = []
next_handle = 1
run = 0  # which run handles belong to
creating = False  # inside VirtualLoop.create_task, which names tasks itself
_default_name = re.compile(r"Task-\d+")
task_counter = 0  # Task-N names, as CPython's counter would give them in a fresh interpreter


def reset(options, chunk_callback):
    global base, next_check, max_steps, max_time, max_output, detail_until, detail, on_chunk
    global detail_from, focus_from, focus_until, stop_after_focus, suspend_locals, windows
    global _edges, _edge_i, focus_began
    global active, stopped, limit, now, holder, output_chars, _last_out, next_handle, _task_ids
    global lines, run, task_counter, _flushed_at
    run += 1
    task_counter = 0
    EV.clear()
    chunks.clear()
    stdout_parts.clear()
    stderr_parts.clear()
    tasks.clear()
    _task_refs.clear()
    frames.clear()
    objects.clear()
    simulated.clear()
    _task_ids = {}
    base = 0
    lines = 0
    max_steps = int(options.get("maxSteps", 2_000_000))
    max_time = float(options.get("maxTime", 86_400.0))
    max_output = int(options.get("maxOutput", 1_000_000))
    detail_from = max(0, int(options.get("detailFrom", 0)))
    detail_until = detail_from + max(0, int(options.get("detailSteps", DEFAULT_DETAIL)))
    focus_from = max(0, int(options.get("focusFrom", 0)))
    focus_until = focus_from + max(0, int(options.get("focusSteps", 0)))
    # Already recording there when the focus window lies in the first one; else not yet.
    focus_began = focus_from if detail_from <= focus_from <= detail_until else None
    stop_after_focus = bool(options.get("stopAfterFocus", False)) and focus_until > focus_from
    suspend_locals = bool(options.get("suspendLocals", False))
    windows = _union((detail_from, detail_until), (focus_from, focus_until))
    # Where checkpoint must run: each window's edges, and the end of the focus window.
    _edges = tuple(sorted({x for w in windows for x in w} | (
        {focus_until} if stop_after_focus else set())))
    _edge_i = sum(1 for x in _edges if x <= 0)
    detail = _inside(0)
    _set_window_end(0)
    on_chunk = chunk_callback
    _flushed_at = _wall()
    active = True
    stopped = False
    limit = None
    now = 0.0
    holder = None
    output_chars = 0
    _last_out = None
    next_handle = 1
    _set_next_check()


def steps():
    return base + len(EV)


def _union(*spans):
    out = []
    for a, b in sorted(w for w in spans if w[1] > w[0]):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return tuple(out)


def _inside(step):
    for a, b in windows:
        if a <= step < b:
            return True
    return False


def _set_window_end(step):
    global _window_end
    _window_end = next((b for a, b in windows if a <= step < b), 0)


def _set_next_check():
    global next_check
    n = min(chunk_size, max_steps - base)
    if _edge_i < len(_edges):
        n = min(n, _edges[_edge_i] - base)
    next_check = max(n, len(EV) + 1)


def checkpoint():
    """Runs every few thousand events: the step limit, the detail windows, streaming."""
    global detail, _edge_i, focus_began
    total = base + len(EV)
    if total >= max_steps:
        stop("steps", "Stopped after %s steps, the step limit: the program may loop forever. "
             "If it is just long, add `# lab: max-steps=%d` as its first line."
             % (format(max_steps, ","), max_steps * 5))
    if stop_after_focus and total >= focus_until:
        stop("stopped", "Stopped at the end of the focus window (step %s)." % format(
            focus_until, ","))
    while _edge_i < len(_edges) and _edges[_edge_i] <= total:
        _edge_i += 1
    # A window that has ended ends even when the next one has begun by now (no line came in
    # between): a focus re-run must write what the first run did up to where its window opens.
    if detail and total >= _window_end:
        detail = False
        on_detail(False)
    if not detail and _inside(total):
        detail = True
        _set_window_end(total)
        if focus_began is None and focus_from <= total < focus_until:
            focus_began = total
        on_detail(True)
    if len(EV) >= chunk_size:
        flush()
    _set_next_check()


def flush():
    global base, _last_out, lines, _flushed_at
    _flushed_at = _wall()
    if not EV:
        return
    # Counted in C (map, list.count): a generator over every event cost ~6 ms per chunk.
    lines += list(map(type, EV)).count(int)
    text = encode(EV)
    base += len(EV)
    EV.clear()
    _last_out = None
    # The step-limit and detail-window checks are counted from the events still buffered: after
    # a flush on time (not on size) they must be counted afresh, or a slow stream of events
    # would never reach them and an endless program would never stop.
    _set_next_check()
    if on_chunk is None:
        chunks.append(text)
    else:
        on_chunk(text)


def stop(kind, message):
    """Ends the run: records why, stops recording, and raises RunStopped into the program."""
    global active, stopped, limit
    if not stopped:
        limit = {"kind": kind, "message": message}
        active = False
        stopped = True
        if on_stop is not None:
            on_stop()
    raise RunStopped(message)


def emit(ev):
    if active:
        _append(ev)
        if len(EV) >= next_check and not stopped:
            # No limit is raised from here: this may be the middle of the loop's own machinery.
            if len(EV) >= chunk_size:
                flush()
            _set_next_check()
        elif on_chunk is not None and ev is not _last_out and _wall() - _flushed_at > FLUSH_SECONDS:
            # Never right after an output event: the print's next write would no longer merge
            # into it, and the trace would depend on how busy the machine was (an extra step).
            flush()


# Tasks


def task_id(task):
    entry = _task_ids.get(id(task))
    if entry is not None and entry[0]() is task:
        return entry[1]
    return _register_task(task)


def _register_task(task):
    tid = len(tasks) + 1
    key = id(task)

    def gone(ref, ids=_task_ids, key=key):
        entry = ids.get(key)
        if entry is not None and entry[0] is ref:
            del ids[key]

    ref = weakref.ref(task, gone)
    _task_ids[key] = (ref, tid)
    _task_refs[tid] = ref
    name = task.get_name()
    if not creating and _default_name.fullmatch(name):
        # Built directly with asyncio.Task(...): CPython's counter, not this run's, named it.
        task.set_name(next_task_name())
    coro = task.get_coro()
    code = getattr(coro, "cr_code", None)
    qual = getattr(coro, "__qualname__", None) or type(coro).__name__
    entry = {"id": tid, "name": task.get_name(), "coro": qual, "user": code in reprs.user_codes}
    tasks.append(entry)
    emit({"k": "task-created", "t": tid, "name": entry["name"], "coro": qual,
          "user": entry["user"], "by": holder})
    return tid


def check_name(tid, task):
    name = task.get_name()
    entry = tasks[tid - 1]
    if name != entry["name"]:
        entry["name"] = name
        emit({"k": "task-name", "t": tid, "name": name})


def next_task_name():
    global task_counter
    task_counter += 1
    return "Task-%d" % task_counter


def new_handle_id():
    global next_handle
    h = next_handle
    next_handle = h + 1
    return h


# Output


def write(text, err):
    global output_chars, _last_out
    if not active or not text:
        if capture and text:
            (stderr_parts if err else stdout_parts).append(text)
        return
    output_chars += len(text)
    if output_chars > max_output:
        keep = len(text) - (output_chars - max_output)
        if keep > 0:
            write_part(text[:keep], err)
        stop("output", "Stopped after %s characters of output, the output limit. If the program "
             "should print that much, add `# lab: max-output=%d` as its first line."
             % (format(max_output, ","), max_output * 5))
    write_part(text, err)


def write_part(text, err):
    global _last_out
    (stderr_parts if err else stdout_parts).append(text)
    last = _last_out
    if last is not None and EV and EV[-1] is last and ("e" in last) == bool(err):
        last["s"] += text
        return
    ev = {"k": "out", "s": text, "e": 1} if err else {"k": "out", "s": text}
    _last_out = ev
    emit(ev)


# Virtual time


def advance_to(t, why):
    """Moves the virtual clock forward; `why` is 'clock' (the loop jumps) or a block event."""
    global now
    if t > max_time:
        stop("time", "Stopped at %s s of virtual time, the time limit. If the program should run "
             "that long, add `# lab: max-time=%d` as its first line."
             % (format(max_time, ",g"), int(max_time * 10)))
    if t > now:
        now = t
