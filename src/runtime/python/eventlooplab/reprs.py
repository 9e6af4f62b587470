"""Bounded reprs that never run the program's own code, and cost little on big containers.

Calling a user-defined __repr__ from inside the tracer could print, loop or raise, and the run
would no longer be the program's own; such objects are shown as <ClassName object>.
Containers show their first few items only (reprlib would sort a dict's keys on every call).
"""
import asyncio
import re
from collections import deque
from itertools import islice

LIMIT = 80
_ITEMS = 8
_DEPTH = 2

user_codes = set()  # code objects of the program, set by monitor.install

# Addresses differ from run to run; a trace must not.
_address = re.compile(r" at 0x[0-9a-fA-F]+")
_SIMPLE = (bool, type(None), float, complex)
# Not folded by the compiler (the result is wider than its constant-folding limit): computed
# once here instead of twice per int shown.
_BIG = 10**40
# The exact types of tasks, futures and queues, shown before the chain of isinstance checks in
# _r that none of them passes (suspend snapshots show a list of tasks, a queue, again and again).
_FUTURES = frozenset((asyncio.Task, asyncio.Future))
_QUEUES = frozenset((asyncio.Queue, asyncio.LifoQueue, asyncio.PriorityQueue))


def _user_defined_repr(obj):
    fn = getattr(type(obj), "__repr__", None)
    code = getattr(fn, "__code__", None)
    return code is not None and code in user_codes


def _short(x, depth, budget):
    """_r, with the commonest items (short strs, ints, small flat dicts and lists) shown without
    its dispatch: suspend snapshots repr the same dicts of strs, ints and small dicts again and
    again. Each shortcut is the very branch _r would take."""
    t = type(x)
    if t is str:
        if len(x) <= 60:
            return repr(x)
    elif t is int:
        if -_BIG < x < _BIG:
            return repr(x)
    elif t is dict:
        if depth < _DEPTH and len(x) <= _ITEMS and _flat(x) and _flat(x.values()):
            return repr(x)
    elif t is list or t is tuple:
        if depth < _DEPTH and len(x) <= _ITEMS and _flat(x):
            return repr(x)
    return _r(x, depth, budget)


# Items whose repr inside a container is C's own: see _flat.
_FLAT_TYPES = frozenset((bool, type(None), float))


def _flat(items):
    """True if every item is a str of at most 60 characters, an int of fewer than 41 digits, a
    bool, None or a float: each shown by its plain repr. A list, tuple or dict of at most _ITEMS
    such items (and not at _DEPTH) is then shown by C's repr, at a fraction of _seq's cost
    (suspend snapshots repr the same small dicts again and again). Where _seq would stop at its
    budget, C's repr goes on, but only past the LIMIT characters that brepr keeps: what is cut
    away (the "...") starts after the budget, and the budget ends at or after the LIMIT-th
    character of the whole repr."""
    for x in items:
        t = type(x)
        if t is str:
            if len(x) > 60:
                return False
        elif t is int:
            if not -_BIG < x < _BIG:
                return False
        elif t not in _FLAT_TYPES:
            return False
    return True


def _seq(items, depth, open_, close, budget):
    """Items until the text is longer than `budget`: the repr is cut at LIMIT anyway."""
    parts = []
    used = 0
    for x in items:
        if used > budget or len(parts) == _ITEMS:
            parts.append("...")
            break
        part = _short(x, depth + 1, budget - used)
        parts.append(part)
        used += len(part) + 2
    if open_ == "(" and len(parts) == 1:
        return "(%s,)" % parts[0]
    return open_ + ", ".join(parts) + close


def _items(d, depth, budget):
    parts = []
    used = 0
    for k, v in d.items():
        if used > budget or len(parts) == _ITEMS:
            parts.append("...")
            break
        key = _short(k, depth + 1, budget - used)
        part = key + ": " + _short(v, depth + 1, budget - used - len(key))
        parts.append(part)
        used += len(part) + 2
    return "{" + ", ".join(parts) + "}"


def _future(obj):
    """Short reprs for tasks and futures (asyncio's own format the coroutine and its frame)."""
    kind = "Task" if isinstance(obj, asyncio.Task) else type(obj).__name__
    state = obj._state.lower()
    name = " name=%r" % obj.get_name() if kind == "Task" else ""
    if state == "finished":
        if obj._exception is not None:
            return "<%s finished%s exception=%s>" % (kind, name, _r(obj._exception, _DEPTH, 30))
        return "<%s finished%s result=%s>" % (kind, name, _r(obj._result, _DEPTH, 30))
    return "<%s %s%s>" % (kind, state, name)


def _queue(obj):
    return "<%s maxsize=%d qsize=%d>" % (type(obj).__name__, obj._maxsize, len(obj._queue))


def _r(obj, depth, budget=LIMIT):
    t = type(obj)
    if t is int:
        return repr(obj) if -_BIG < obj < _BIG else "<int of %d bits>" % obj.bit_length()
    if t is str:
        return repr(obj) if len(obj) <= 60 else repr(obj[:57]) + "..."
    # dict first after int and str: the commonest container a snapshot shows. The exact-type
    # branches are disjoint, so their order changes no text.
    if t is dict and depth < _DEPTH:
        if len(obj) <= _ITEMS and _flat(obj) and _flat(obj.values()):
            return repr(obj)
        return _items(obj, depth, budget)
    if t in _SIMPLE:
        return repr(obj)
    if t in _FUTURES:
        return _future(obj)
    if t in _QUEUES:
        return _queue(obj)
    if t is bytes:
        return repr(obj) if len(obj) <= 40 else repr(obj[:37]) + "..."
    if depth >= _DEPTH and t in (list, tuple, dict, set, frozenset, deque):
        return "[...]" if t is list else "{...}" if t in (dict, set) else "(...)"
    if t is list or t is tuple:
        if len(obj) <= _ITEMS and _flat(obj):
            return repr(obj)
        return _seq(obj, depth, "[", "]", budget) if t is list else _seq(obj, depth, "(", ")", budget)
    if t is set or t is frozenset:
        if not obj:
            return "set()" if t is set else "frozenset()"
        # A set's order follows memory addresses (tasks, objects), which vary by run: shown
        # sorted, so that a trace does not change from run to run.
        items = sorted(obj, key=lambda x: _r(x, _DEPTH, 20)) if len(obj) <= 64 else obj
        s = _seq(items, depth, "{", "}", budget)
        return s if t is set else "frozenset(%s)" % s
    if t is deque:
        return "deque(%s)" % _seq(obj, depth, "[", "]", budget)
    # Subclasses and other containers whose own repr would show every item: a defaultdict of
    # a million keys, a bytearray of 50 MB. Bounded here too, at the cost of the exact format.
    if isinstance(obj, (bytearray, memoryview)):
        raw = bytes(obj[:40])
        return "%s(%r%s)" % (t.__name__, raw, "..." if len(obj) > 40 else "")
    if isinstance(obj, dict):
        return "%s(%s)" % (t.__name__, _items(obj, depth, budget))
    if isinstance(obj, (list, tuple, set, frozenset)) and not hasattr(t, "_fields"):
        return "%s(%s)" % (t.__name__, _seq(obj, depth, "[", "]", budget))
    if isinstance(obj, str):
        return repr(str(obj[:60])) + ("..." if len(obj) > 60 else "")
    if isinstance(obj, asyncio.Future):
        return _future(obj)
    if isinstance(obj, asyncio.Queue):
        return _queue(obj)
    if _user_defined_repr(obj):
        return "<%s object>" % t.__name__
    try:
        return repr(obj)
    except Exception:
        return "<%s object>" % t.__name__


def brepr(obj):
    """A repr of at most LIMIT characters."""
    try:
        s = _r(obj, 0)
    except Exception:
        s = "<%s object>" % type(obj).__name__
    if " at 0x" in s:
        s = _address.sub("", s)
    if len(s) > LIMIT:
        s = s[: LIMIT - 3] + "..."
    return s
