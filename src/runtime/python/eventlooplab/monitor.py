"""Line events and locals, through sys.monitoring (PEP 669) on the program's own code objects.

Only the program's code objects are instrumented (set_local_events), so the standard library
runs at full speed. Two line callbacks:
  - detail: inside the detail windows of steps (by default the first 20,000), records locals
    changes and object states at every line (what a learner steps through);
  - fast: elsewhere, appends the line number and nothing else (locals are then recorded
    when a task suspends, or with recorder.suspend_locals off not at all: a focus re-run gives
    them), so long runs stay fast and small.
"""
import sys
import types

from . import objects, recorder, reprs, waits, writes
from .recorder import EV, RunStopped, _append

R = recorder
mon = sys.monitoring
TOOL = 4  # unnamed in CPython; 0-2 and 5 are conventionally debugger/coverage/profiler/optimizer
E = mon.events

_codes = []
_user = reprs.user_codes
_fids = {}  # id(frame) -> (frame id, code): a call of the program's code
_locals = {}  # frame id -> {name: (value if a small immutable else _NO, repr)}
_last = {}  # frame id -> the line it executed last (inside the detail window)
_plan = writes.plan
_cur = None  # frame id the party holding control is executing in
_getframe = sys._getframe
_NO = object()
_SCALARS = (int, float, bool, str, bytes, complex, type(None))
_SCALAR_TYPES = frozenset(_SCALARS)
_BIG = reprs._BIG
_flat = reprs._flat
_Coroutine = types.CoroutineType
_Generator = types.GeneratorType
# Exact types that are never a tracked object (objects.is_tracked_type), checked first: most
# locals a snapshot sees are of these.
_UNTRACKED = frozenset((dict, list, tuple, set, frozenset, types.FunctionType))
_HIDDEN = (types.ModuleType, types.FunctionType, type, types.BuiltinFunctionType)


def collect_codes(code):
    out = [code]
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            out.extend(collect_codes(const))
    return out


def install(code):
    global _cur
    _codes[:] = collect_codes(code)
    reprs.user_codes.clear()
    reprs.user_codes.update(_codes)
    _fids.clear()
    _locals.clear()
    _last.clear()
    writes.reset()
    _cur = None
    if mon.get_tool(TOOL) is not None:
        mon.free_tool_id(TOOL)
    mon.use_tool_id(TOOL, "event-loop-lab")
    mon.register_callback(TOOL, E.LINE, _line_detail if R.detail else _line_fast)
    mon.register_callback(TOOL, E.PY_START, _call_starts)
    for c in _codes:
        mon.set_local_events(TOOL, c, E.LINE | E.PY_START)
    R.on_stop = _stopped
    R.on_detail = _detail


def uninstall():
    if mon.get_tool(TOOL) is None:
        return
    for c in _codes:
        mon.set_local_events(TOOL, c, 0)
    mon.register_callback(TOOL, E.LINE, None)
    mon.register_callback(TOOL, E.PY_START, None)
    mon.free_tool_id(TOOL)
    R.on_stop = None
    R.on_detail = None


def _detail(on):
    """recorder.on_detail: locals at every line inside a detail window, only at suspends outside."""
    mon.register_callback(TOOL, E.LINE, _line_detail if on else _line_fast)
    if on and R.steps() > 0:
        _window_starts()


def _window_starts():
    """A detail window opens after the run began: every frame seen so far may hold locals the
    trace does not have (with suspend_locals off, none at all since the last window), so each
    one still alive is diffed now, and each frame's first line in the window diffs it whole."""
    global _cur
    _last.clear()
    stack = []  # the one holding control, down to the module frame under asyncio.run
    f = _getframe(1)
    while f is not None:
        stack.append(f)
        f = f.f_back
    stack.reverse()
    frames = list(stack)
    for ref in list(R._task_refs.values()):  # then every task's, in creation order
        task = ref()
        if task is not None and not task.done():
            for c in waits.chain(task):
                f = getattr(c, "cr_frame", None) or getattr(c, "gi_frame", None)
                if f is not None:
                    frames.append(f)
    seen = set()
    for f in frames:
        entry = _fids.get(id(f))
        # Only frames already numbered, and by their own code: a frame never seen has nothing
        # recorded yet (its first line or suspend numbers it, by the task that runs it)...
        if entry is not None and entry[1] is f.f_code and entry[0] not in seen:
            seen.add(entry[0])
            _diff(entry[0], f, f.f_code)
    # ...but the one that ran the line now ending is numbered now, and the party holding
    # control is in it (fast mode said nothing of its first lines).
    running = [f for f in stack if f.f_code in _user]
    if running:
        f = running[-1]
        fid = _frame_id(f, f.f_code)
        if fid not in seen:
            _diff(fid, f, f.f_code)
        if fid != _cur:
            _cur = fid
            R.emit({"k": "in", "f": fid})
    objects.check_all()


def _stopped():
    mon.register_callback(TOOL, E.LINE, _line_stopped)


def _line_stopped(code, line):
    raise RunStopped("stopped")


def _call_starts(code, offset):
    """A new call may sit where an ended one was: forget the ended one, so that frame ids go by
    calls (1, 2, 3 in order of first use) and never by memory addresses, which vary by run."""
    entry = _fids.pop(id(_getframe(1)), None)
    if entry is not None:
        _locals.pop(entry[0], None)
        _last.pop(entry[0], None)


def _line_fast(code, line):
    _append(line)
    if len(EV) >= R.next_check:
        R.checkpoint()


def _line_detail(code, line):
    global _cur
    f = _getframe(1)
    entry = _fids.get(id(f))  # _frame_id's first test, without the call on every line
    fid = entry[0] if entry is not None and entry[1] is code else _frame_id(f, code)
    if fid != _cur:
        _cur = fid
        R.emit({"k": "in", "f": fid})
    # What changed since this frame's previous line is what that line could change (writes.py):
    # nothing but a few names, or (a call, an await, …) anything, and then the whole frame.
    prev = _last.get(fid)
    _last[fid] = line
    names = _plan(code).get(prev) if prev is not None else None
    if names is None:
        _diff(fid, f, code)
        objects.check_all()
    elif names:
        _diff_names(fid, f, code, names)
    _append(line)
    if len(EV) >= R.next_check:
        R.checkpoint()


def _frame_id(f, code):
    entry = _fids.get(id(f))
    if entry is not None and entry[1] is code:
        return entry[0]
    fid = len(R.frames) + 1
    fn = code.co_qualname
    # Event first: at the recursion limit the call to emit itself can fail, and then the
    # frame must not be in the table either.
    R.emit({"k": "frame", "f": fid, "fn": fn, "t": R.holder})
    R.frames.append({"id": fid, "fn": fn, "task": R.holder})
    _fids[id(f)] = (fid, code)
    _locals[fid] = {}
    return fid


def _scalar_tuple(v):
    if len(v) > 8:
        return False
    for x in v:
        if type(x) not in _SCALAR_TYPES:
            return False
    return True


def _scalar_repr(v, t):
    """reprs.brepr of an immutable scalar, with the commonest cases (an int, a short str, a
    small tuple of those) taken without its dispatch: the very text brepr gives them."""
    try:  # as in brepr: near the recursion limit even repr() can raise
        if t is int:
            if -_BIG < v < _BIG:
                return repr(v)
        elif (t is str and len(v) <= 60) or (t is tuple and len(v) <= 8 and _flat(v)):
            r = repr(v)
            if len(r) <= reprs.LIMIT and " at 0x" not in r:
                return r
    except Exception:
        pass
    return reprs.brepr(v)


def _diff(fid, f, code):
    old = _locals.get(fid)
    if old is None:
        old = _locals[fid] = {}
    module = code.co_name == "<module>"
    new = {}
    changed = None
    added = 0  # names not in `old`: with them counted, whether any name is gone needs no search
    get = old.get
    for name, v in (f.f_globals if module else f.f_locals).items():
        if module and (name[:2] == "__" or isinstance(v, _HIDDEN)):
            continue
        o = get(name)
        t = type(v)
        if t in _SCALAR_TYPES or (t is tuple and _scalar_tuple(v)):
            # Immutable: compared by value, and holding it keeps nothing of the program alive.
            # The very object held last time (the commonest case) needs no comparison at all.
            if o is not None and (o[0] is v or (
                    o[0] is not _NO and type(o[0]) is t and o[0] == v)):
                new[name] = o
                continue
            r = _scalar_repr(v, t)
            new[name] = (v if t is not str or len(v) <= 200 else _NO, r)
        else:
            r = reprs.brepr(v)
            new[name] = (_NO, r)
            if t not in _UNTRACKED and objects.is_tracked_type(v):
                objects.track(v, name)
        if o is None:
            added += 1
        elif o[1] == r:
            continue
        if changed is None:
            changed = {}
        changed[name] = r
    gone = [n for n in old if n not in new] if len(old) > len(new) - added else None
    _locals[fid] = new
    if changed or gone:
        ev = {"k": "locals", "f": fid, "v": changed or {}}
        if gone:
            ev["d"] = gone
        R.emit(ev)


def _diff_names(fid, f, code, names):
    """_diff for just `names` (a line that can change nothing else), with the same events."""
    old = _locals[fid]
    module = code.co_name == "<module>"
    scope = f.f_globals if module else f.f_locals
    changed = None
    gone = None
    for name in names:
        v = scope[name] if name in scope else _NO
        if module and v is not _NO and (name[:2] == "__" or isinstance(v, _HIDDEN)):
            v = _NO  # not shown, as in _diff
        if v is not _NO:
            o = old.get(name)
            t = type(v)
            if t in _SCALAR_TYPES or (t is tuple and _scalar_tuple(v)):
                if o is not None and (o[0] is v or (
                        o[0] is not _NO and type(o[0]) is t and o[0] == v)):
                    continue
                r = _scalar_repr(v, t)
                entry = (v if t is not str or len(v) <= 200 else _NO, r)
            else:
                r = reprs.brepr(v)
                entry = (_NO, r)
                if t not in _UNTRACKED and objects.is_tracked_type(v):
                    objects.track(v, name)
            if o is None or o[1] != r:
                if changed is None:
                    changed = {}
                changed[name] = r
            old[name] = entry
        elif name in old:
            del old[name]
            gone = [name] if gone is None else gone + [name]
    if changed or gone:
        if changed is not None and len(changed) > 1:
            # In the frame's own order, as the whole-frame diff lists them.
            changed = {n: changed[n] for n in scope if n in changed}
        ev = {"k": "locals", "f": fid, "v": changed or {}}
        if gone:
            ev["d"] = gone
        R.emit(ev)


def _declare_objects(f, code):
    """Outside the detail windows a suspend records no locals, but the asyncio objects its frame
    holds are still declared, named after their local, as the locals diff declares them: an
    Objects panel must not depend on where the window happens to be. No repr: a type check."""
    module = code.co_name == "<module>"
    for name, v in (f.f_globals if module else f.f_locals).items():
        t = type(v)
        if t in _SCALAR_TYPES or t in _UNTRACKED or (module and name[:2] == "__"):
            continue
        if objects.is_tracked_type(v):
            objects.track(v, name)


def snapshot_task(links):
    """Before a task suspends: the locals of its program frames, and the one it is in.
    `links`: the task's coroutine chain (waits.chain)."""
    global _cur
    innermost = None
    for c in links:
        t = type(c)
        if t is _Coroutine:
            code = c.cr_code
        elif t is _Generator:
            code = c.gi_code
        else:
            code = getattr(c, "cr_code", None) or getattr(c, "gi_code", None)
            if code is None:
                break
        if code in _user:
            f = c.cr_frame if hasattr(c, "cr_frame") else c.gi_frame
            if f is not None:
                innermost = _frame_id(f, code)
                if R.detail or R.suspend_locals:
                    _diff(innermost, f, code)
                else:
                    _declare_objects(f, code)
    if innermost is not None and innermost != _cur:
        _cur = innermost
        R.emit({"k": "in", "f": innermost})


def task_finished(task):
    global _cur
    _cur = None
