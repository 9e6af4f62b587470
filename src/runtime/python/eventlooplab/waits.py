"""What a suspended task waits for, read from its coroutine chain and the future it awaits.

A suspended task's coroutine chain (cr_await, gi_yieldfrom) goes from the program's coroutines
into the standard library's: the first library coroutine says what kind of wait it is
(Queue.get, Lock.acquire, sleep, TaskGroup.__aexit__ ...) and its `self` which object.
"""
import asyncio
import math
import types
from asyncio import base_events, locks, queues, streams, taskgroups

from . import awaiting, netwaits, objects, recorder, reprs, threads

_sleeps = {}  # id(future of a pending asyncio.sleep) -> its TimerHandle

_AsCompleted = getattr(asyncio.tasks, "_AsCompletedIterator", None)
_Gathering = getattr(asyncio.tasks, "_GatheringFuture", None)


def sleep_timer(fut, timer):
    _sleeps[id(fut)] = timer


def sleeper():
    """The task that calls sleep(): the one holding control, save in an eager task's first step,
    which runs inside create_task while its creator holds control (asyncio has made it the
    current task by then)."""
    try:
        current = asyncio.current_task()
    except RuntimeError:  # no running loop
        current = None
    if current is not None:
        return recorder.task_id(current)
    return recorder.holder


def _until(timer):
    """None for an infinite sleep (`asyncio.sleep(math.inf)`): JSON has no infinity."""
    when = timer._when
    return when if math.isfinite(when) else None


def timer_fired(timer):
    args = timer._args
    if args and _sleeps.get(id(args[0])) is timer:
        del _sleeps[id(args[0])]


def reset():
    _sleeps.clear()
    awaiting.reset()


def exc_repr(exc):
    return reprs.brepr(exc)


_Coroutine = types.CoroutineType
_SLEEP = asyncio.tasks.sleep.__code__
_Generator = types.GeneratorType


def _code(c):
    # Hot (every link of every suspend): the two common types first, then any awaitable.
    t = type(c)
    if t is _Coroutine:
        return c.cr_code
    if t is _Generator:
        return c.gi_code
    return getattr(c, "cr_code", None) or getattr(c, "gi_code", None) or getattr(c, "ag_code", None)


def _frame(c):
    t = type(c)
    if t is _Coroutine:
        return c.cr_frame
    if t is _Generator:
        return c.gi_frame
    return getattr(c, "cr_frame", None) or getattr(c, "gi_frame", None) or getattr(c, "ag_frame", None)


def chain(task):
    """The awaitables from the task's coroutine down to what it waits on (hot: every suspend)."""
    out = []
    c = task.get_coro()
    while c is not None and len(out) < 100:
        out.append(c)
        t = type(c)
        if t is _Coroutine:
            c = c.cr_await
        elif t is _Generator:
            c = c.gi_yieldfrom
        else:
            c = getattr(c, "cr_await", None) or getattr(c, "gi_yieldfrom", None) or getattr(
                c, "ag_await", None)
    return out


def describe(task, tid, links=None):
    """The `w` of a suspend event. `links`: the task's chain, when the caller has it already.

    Hot (every suspend): one pass over the chain finds each link's code once, for `via` and
    for the first library link (what kind of wait it is)."""
    fut = task._fut_waiter
    if links is None:
        links = chain(task)
    via = []
    lib = lib_code = None
    user = reprs.user_codes
    for c in links:
        t = type(c)
        if t is _Coroutine:
            code = c.cr_code
        elif t is _Generator:
            code = c.gi_code
        else:
            code = _code(c)
            if code is None:
                break
        via.append(code.co_qualname)
        if lib is None and code not in user:
            lib = c
            lib_code = code
    if fut is None:
        w = {"on": "yield"}
    else:
        w = _by_library(lib, lib_code, fut) if lib is not None else None
        if w is None:
            w = describe_future(fut)
    if via:
        w["via"] = via
    # A simulated request's wait is a sleep through the shim's request: only then has mark work
    # to do. It looks at every link with a code: `via` names those before the first without one
    # (most often the last link, the future's iterator); any after it are left to mark.
    if w["on"] == "sleep" and (netwaits._REQUEST in via or len(links) > len(via) + 1):
        netwaits.mark(w, links)
    if fut is not None:
        awaiting.awaits(tid, fut)
    return w


def _by_library(lib, code, fut):
    if code is _SLEEP:
        # asyncio.sleep itself (a plain function: no `self`, so no method check can match).
        return _by_function("sleep", fut, None)
    qual = code.co_qualname
    frame = _frame(lib)
    loc = frame.f_locals if frame is not None else {}
    me = loc.get("self")
    if me is None:
        # A plain function (sleep, wait): none of the method checks below can match.
        return _by_function(qual, fut, loc)
    if isinstance(me, queues.Queue):
        method = qual.rsplit(".", 1)[-1]
        on = {"get": "queue-get", "put": "queue-put", "join": "queue-join"}.get(method)
        if on:
            return {"on": on, "o": objects.track(me)}
    for cls, on in ((locks.Lock, "lock"), (locks.Condition, "condition"),
                    (locks.Semaphore, "semaphore"), (locks.Event, "event"),
                    (locks.Barrier, "barrier")):
        if isinstance(me, cls):
            return {"on": on, "o": objects.track(me)}
    if isinstance(me, taskgroups.TaskGroup):
        return {"on": "taskgroup", "o": objects.track(me), "of": _task_ids(me._tasks)}
    if isinstance(me, (streams.StreamReader, streams.StreamWriter, base_events.Server)):
        return _stream_wait(me, qual, loc)
    if _AsCompleted is not None and isinstance(me, _AsCompleted):
        return {"on": "as-completed", "of": _task_ids(me._todo)}
    return _by_function(qual, fut, loc)


def _by_function(qual, fut, loc):
    if qual == "sleep":
        timer = _sleeps.get(id(fut))
        if timer is not None:
            return {"on": "sleep", "until": _until(timer)}
    if qual == "wait":
        fs = loc.get("fs") or ()
        mode = loc.get("return_when")
        return {"on": "wait", "of": _task_ids(fs), "mode": str(mode) if mode else "ALL_COMPLETED"}
    return None


def _peer(transport, key="peername"):
    addr = transport.get_extra_info(key) if transport is not None else None
    return "%s:%s" % addr[:2] if isinstance(addr, tuple) and len(addr) >= 2 else ""


def _stream_wait(me, qual, loc):
    """A stream wait: what it waits for (`op`), on which connection or server (`peer`), and
    that object (`o`: the Connection, i.e. the StreamReader, or the Server) so the picture can
    draw the arrow to it; the words are the UI's (src/trace/words/streams.ts)."""
    method = qual.rsplit(".", 1)[-1]
    if isinstance(me, base_events.Server):
        socks = me._sockets or ()
        where = ", ".join("%s:%s" % s.getsockname()[:2] for s in socks)
        return {"on": "stream", "op": "server-closed" if method == "wait_closed" else "serve",
                "peer": where, "o": objects.track(me)}
    if isinstance(me, streams.StreamWriter):
        op = "closed" if method == "wait_closed" else "drain"
        w = {"on": "stream", "op": op, "peer": _peer(me.transport)}
        # A writer is drawn as its connection: the reader of the same pair (a writer made
        # without one, as protocols may, names no object).
        reader = getattr(me, "_reader", None)
        if isinstance(reader, streams.StreamReader):
            w["o"] = objects.track(reader)
        return w
    w = {"on": "stream", "op": method if method in _READS else "read",
         "peer": _peer(me._transport), "o": objects.track(me)}
    if method == "readexactly" and isinstance(loc.get("n"), int):
        w["n"] = loc["n"]
    if method == "readuntil":
        w["sep"] = reprs.brepr(loc.get("separator"))
    return w


_READS = ("read", "readline", "readuntil", "readexactly")


def describe_future(fut):
    if isinstance(fut, asyncio.Task):
        return {"on": "task", "t": recorder.task_id(fut)}
    if _Gathering is not None and isinstance(fut, _Gathering):
        children = getattr(fut, "_children", None) or ()
        return {"on": "gather", "of": _task_ids(children), "n": len(children)}
    timer = _sleeps.get(id(fut))
    if timer is not None:
        return {"on": "sleep", "until": _until(timer)}
    if isinstance(fut, asyncio.Future):
        th = threads.jobs.get(fut)
        if th is not None:  # run_in_executor / to_thread: the thread's job completes it
            return {"on": "future", "o": objects.track(fut), "th": th}
        return {"on": "future", "o": objects.track(fut)}
    return {"on": "other", "what": reprs.brepr(fut)}


def _task_ids(futs):
    return sorted(recorder.task_id(f) for f in futs if isinstance(f, asyncio.Task))


# Words, for the deadlock sentence (the UI has its own narration)


def words(w):
    on = w.get("on")
    if on == "task":
        return "task %s" % _task_name(w["t"])
    if on in ("gather", "wait", "as-completed", "taskgroup"):
        names = ", ".join(_task_name(t) for t in w.get("of", ())) or "its awaitables"
        return {"gather": "gather of %s", "wait": "asyncio.wait on %s",
                "as-completed": "as_completed of %s", "taskgroup": "its TaskGroup's tasks %s"}[on] % names
    if "o" in w:
        label = objects.label_of(w["o"])
        what = {"queue-get": "queue.get() on %s", "queue-put": "queue.put() on full %s",
                "queue-join": "queue.join() on %s", "lock": "lock %s", "condition": "condition %s",
                "semaphore": "semaphore %s", "event": "event %s", "barrier": "barrier %s",
                "future": "future %s, which nothing will complete"}.get(on, "%s")
        return what % label
    if on == "stream":  # the deadlock sentence: the UI words streams itself (streams.ts)
        return "%s on the connection %s" % (w.get("op"), w.get("peer"))
    return on or "something"


def _task_name(tid):
    return recorder.tasks[tid - 1]["name"]


def deadlock_sentence(loop):
    waiting = []
    for task in sorted(asyncio.all_tasks(loop), key=recorder.task_id):
        if task.done():
            continue
        tid = recorder.task_id(task)
        waiting.append("%s waits for %s" % (_task_name(tid), words(describe(task, tid))))
    detail = "; ".join(waiting) if waiting else "the loop is running with nothing to do"
    return ("Deadlock at %s s: nothing is ready and no timer is due, but %s. Real Python would "
            "wait here forever." % (format(recorder.now, "g"), detail))
