"""The asyncio objects a program uses — queues, futures, locks, events, conditions, semaphores,
barriers, task groups, stream connections (a StreamReader, as "Connection") and servers —
declared when first seen and re-recorded whenever their state changes.

Objects are held by weak reference: the tracer must not keep alive anything the program let go
(a finalizer such as "Task exception was never retrieved" must run when it would have).
"""
import asyncio
import weakref
from itertools import islice
from operator import is_
from asyncio import base_events, locks, queues, streams, taskgroups

from . import awaiting, recorder, reprs

TRACKED = (queues.Queue, locks.Lock, locks.Event, locks.Condition, locks.Semaphore,
           locks.Barrier, taskgroups.TaskGroup, asyncio.Future, streams.StreamReader,
           base_events.Server)
# The picture's names: a StreamReader is the program's end of a connection.
_KINDS = {streams.StreamReader: "Connection", base_events.Server: "Server"}

_SCALARS = frozenset((int, float, bool, str, bytes, complex, type(None)))
_ids = {}  # id(obj) -> object id
_live = []  # [object id, weakref, last state key, extra] for live objects


def reset():
    _ids.clear()
    _live.clear()


def is_tracked_type(value):
    return isinstance(value, TRACKED) and not isinstance(value, asyncio.Task)


def track(obj, label=None):
    oid = _ids.get(id(obj))
    if oid is not None:
        entry = recorder.objects[oid - 1]
        if label is not None and entry["label"] is None:
            entry["label"] = label
            recorder.emit({"k": "object", "o": oid, "type": entry["type"], "label": label})
        return oid
    oid = len(recorder.objects) + 1
    kind = type(obj).__name__
    if isinstance(obj, asyncio.Future) and not isinstance(obj, asyncio.Task):
        kind = "Future"
    kind = _KINDS.get(type(obj), kind)
    entry = {"id": oid, "type": kind, "label": label}
    recorder.objects.append(entry)
    _ids[id(obj)] = oid
    key = id(obj)

    def gone(_ref, key=key, oid=oid):
        if _ids.get(key) == oid:
            del _ids[key]

    try:
        ref = weakref.ref(obj, gone)
    except TypeError:
        ref = lambda: None  # noqa: E731 — not weak-referenceable: recorded once, never re-read
    _live.append([oid, ref, None, {}])
    recorder.emit({"k": "object", "o": oid, "type": kind, "label": label})
    check_one(_live[-1])
    return oid


def label_of(oid):
    entry = recorder.objects[oid - 1]
    return "`%s`" % entry["label"] if entry["label"] else "%s #%d" % (entry["type"], oid)


def check_all():
    if not _live:
        return
    dead = False
    for item in _live:
        if check_one(item):
            dead = True
    if dead:
        _live[:] = [item for item in _live if item[1]() is not None]


def check_one(item):
    """Records the object's state if it changed; returns True if the object is gone."""
    obj = item[1]()
    if obj is None:
        return True
    if type(obj) is queues.Queue:
        _check_fifo(item, obj)
    else:
        _record(item, _state(obj, item[3]), False)
    return False


def _record(item, state, plain):
    """Emits the state unless it is the one recorded last (item[2]). "The same" is the same
    repr; `plain` says the state holds only strs, exact ints and lists of them, whose `==` is
    exactly "same repr" (unlike 1 == 1.0 == True, or 0.0 == -0.0), and it is then kept itself
    and compared so, without the repr."""
    last = item[2]
    if plain and type(last) is dict:
        if last == state:
            return
        item[2] = state
    else:
        key = repr(state)
        if key == (repr(last) if type(last) is dict else last):
            return
        item[2] = state if plain else key
    recorder.emit({"k": "state", "o": item[0], "s": state})


def _check_fifo(item, obj):
    """An asyncio.Queue (exactly: a FIFO), after every step: as _state, with only the items shown
    read from the queue. Hot (a queue changes at most steps): _record's common case inline."""
    q = obj._queue
    n = len(q)
    getters = obj._getters
    putters = obj._putters
    unfinished = obj._unfinished_tasks
    extra = item[3]
    # A FIFO queue changes at its ends only: when neither end nor a waiter list changed, its
    # state is the same, and the item reprs need not be made again. The end items are held
    # (not their ids) so that a new item cannot take a freed one's address.
    ends = (q[0], q[-1]) if n else ()
    quick = (n, len(getters), len(putters), unfinished)
    last = extra.get("quick")
    if last is not None and last[0] == quick and len(last[1]) == len(ends) and all(
            map(is_, last[1], ends)):
        return
    extra["quick"] = (quick, ends)
    shown = _item_reprs(list(q) if n <= 20 else list(islice(q, 20)), extra)
    if n > 20:
        shown.append("… %d more" % (n - 20))
    maxsize = obj._maxsize
    state = {"items": shown, "max": maxsize,
             "get": awaiting.waiter_tasks(getters) if getters else [],
             "put": awaiting.waiter_tasks(putters) if putters else [], "unfinished": unfinished}
    plain = type(maxsize) is int and type(unfinished) is int
    if plain and type(item[2]) is dict:
        if item[2] != state:
            item[2] = state
            recorder.emit({"k": "state", "o": item[0], "s": state})
        return
    _record(item, state, plain)


def _state(obj, extra):
    if isinstance(obj, queues.Queue):
        items = list(obj._queue)
        if isinstance(obj, queues.PriorityQueue):
            try:
                items = sorted(items)
            except TypeError:
                pass
        elif isinstance(obj, queues.LifoQueue):
            items.reverse()
        shown = _item_reprs(items[:20], extra)
        if len(items) > 20:
            shown.append("… %d more" % (len(items) - 20))
        return {"items": shown, "max": obj._maxsize, "get": awaiting.waiter_tasks(obj._getters),
                "put": awaiting.waiter_tasks(obj._putters), "unfinished": obj._unfinished_tasks}
    if isinstance(obj, asyncio.Future):
        st = obj._state
        if st == "PENDING":
            return {"st": "pending"}
        if st == "CANCELLED":
            return {"st": "cancelled"}
        if obj._exception is not None:  # not .exception(): that would mark it retrieved
            return {"st": "exception", "v": reprs.brepr(obj._exception)}
        return {"st": "result", "v": reprs.brepr(obj._result)}
    if isinstance(obj, locks.Lock):
        locked = obj._locked
        if locked and not extra.get("locked"):
            extra["by"] = recorder.holder
        extra["locked"] = locked
        s = {"locked": locked, "wait": awaiting.waiter_tasks(obj._waiters)}
        if locked and extra.get("by") is not None:
            s["by"] = extra["by"]
        return s
    if isinstance(obj, locks.Event):
        return {"set": obj._value, "wait": awaiting.waiter_tasks(obj._waiters)}
    if isinstance(obj, locks.Condition):
        return {"locked": obj.locked(), "wait": awaiting.waiter_tasks(obj._waiters)}
    if isinstance(obj, locks.Semaphore):
        value = obj._value
        holders = extra.setdefault("by", [])
        before = extra.get("value", value)
        who = recorder.holder
        if value < before and who is not None:
            holders.extend([who] * (before - value))
        elif value > before:
            for _ in range(value - before):
                if who in holders:
                    holders.remove(who)
                elif holders:
                    holders.pop(0)
        extra["value"] = value
        return {"value": value, "by": sorted(holders), "wait": awaiting.waiter_tasks(obj._waiters)}
    if isinstance(obj, locks.Barrier):
        return {"parties": obj._parties, "waiting": obj._count,
                "wait": awaiting.waiter_tasks(obj._cond._waiters)}
    if isinstance(obj, taskgroups.TaskGroup):
        return {"of": sorted(recorder.task_id(t) for t in obj._tasks)}
    if isinstance(obj, streams.StreamReader):
        return _connection(obj)
    if isinstance(obj, base_events.Server):
        socks = obj._sockets or ()
        return {"at": ["%s:%s" % s.getsockname()[:2] for s in socks],
                "serving": obj.is_serving(), "conns": len(obj._clients or ())}
    return {}


def _item_reprs(items, extra):
    """The reprs of a queue's items. A FIFO shifts by one item per put or get, so most items
    were shown last time: an immutable one that is still the same object keeps its repr. Only
    immutable items are held (until the next state), and they run no code when let go.

    The last items are held with their reprs when all were immutable; the new items are most
    often the held ones from some front position on (what the gets left) and then new ones (the
    puts): that run is found and checked in C (map over `is`); other orders (a LIFO, a priority
    queue) look each item up by identity."""
    last = extra.get("held")
    shown = []
    start = 0
    hits = None
    if last is not None:
        held, old = last
        if items and held:
            first = items[0]
            for k in range(min(len(held), 4)):
                if held[k] is first:
                    m = min(len(held) - k, len(items))
                    if all(map(is_, islice(items, m), islice(held, k, k + m))):
                        shown = old[k:k + m]
                        start = m
                    break
        if start == 0 and held:
            hits = {id(x): (x, r) for x, r in zip(held, old)}
    immutable = True
    for i in range(start, len(items)):
        x = items[i]
        if hits is not None:
            hit = hits.get(id(x))
            if hit is not None and hit[0] is x:
                shown.append(hit[1])
                continue
        shown.append(reprs.brepr(x))
        t = type(x)
        if not (t in _SCALARS or (t is tuple and len(x) <= 8 and _scalars(x))):
            immutable = False
    extra["held"] = (items, shown[:]) if immutable else None
    return shown


def _scalars(items):
    for y in items:
        if type(y) not in _SCALARS:
            return False
    return True


def _connection(reader):
    """The program's end of a connection: who is at the other end, bytes received and not yet
    read, whether the other end has finished sending (eof) and whether this end is closed."""
    t = reader._transport
    peer = t.get_extra_info("peername") if t is not None else None
    s = {"peer": "%s:%s" % peer[:2] if isinstance(peer, tuple) else "",
         "buf": len(reader._buffer), "eof": reader._eof,
         "closed": t is None or t.is_closing()}
    waiter = reader._waiter
    if waiter is not None and not waiter.done():
        s["readers"] = awaiting.waiter_tasks([waiter])
    return s
