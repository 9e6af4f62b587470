"""Who awaits what: the future each suspended task waits on, and back.

A leaf module (it imports nothing of the tracer's): `waits` fills it when a task suspends,
`objects` reads it to list the tasks waiting on a queue or a lock, the loop clears a task's entry
when it resumes. Keeping it apart is what lets `objects` and `waits` not import each other.
"""

_awaited = {}  # id(future a task awaits) -> task id, while it waits
_task_awaits = {}  # task id -> id(future), to undo the above at resume


def reset():
    _awaited.clear()
    _task_awaits.clear()


def awaits(tid, fut):
    """Task `tid` suspends waiting on `fut`."""
    _awaited[id(fut)] = tid
    _task_awaits[tid] = id(fut)


def resumed(tid):
    key = _task_awaits.pop(tid, None)
    if key is not None and _awaited.get(key) == tid:
        del _awaited[key]


def waiter_tasks(futs):
    """Task ids waiting on these futures (a queue's getters, a lock's waiters...)."""
    if not futs:
        return []
    out = []
    for f in futs:
        tid = _awaited.get(id(f))
        if tid is not None:
            out.append(tid)
    return out
