"""The virtual-clock event loop: asyncio's own BaseEventLoop with a clock that jumps.

Everything the program can observe — Task, Future, the scheduling order, the ready queue — is
the standard library's code. The subclass changes only:
  - time(): the virtual clock; waiting for I/O jumps it to the next timer (_Selector.select);
  - the handles it creates: subclasses named Handle and TimerHandle (so reprs read the same)
    that report when they are scheduled, cancelled and run, and that break ties between timers
    due at the same virtual instant in scheduling order (as real time would);
  - create_task, run_forever and run_until_complete report what happens.
"""
import heapq
import math
import sys
from asyncio import base_events, events, futures, timeouts

from . import awaiting, clock, monitor, objects, recorder, reprs, simnet, threads, waits
from .recorder import RunStopped

_getframe = sys._getframe


def _task_of(callback):
    """The task whose next step `callback` runs, or None for a plain callback."""
    owner = getattr(callback, "__self__", None)
    if owner is None or not isinstance(owner, _TaskTypes):
        return None
    name = type(callback).__name__
    if name == "TaskStepMethWrapper":
        return owner
    fn = getattr(callback, "__name__", "")
    if fn in ("task_wakeup", "_Task__step", "_Task__wakeup", "__step", "__wakeup"):
        return owner
    return None


def _label(callback):
    fn = getattr(callback, "func", None)  # functools.partial
    if fn is not None and getattr(callback, "args", None) is not None:
        return _label(fn)
    label = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None)
    return label or type(callback).__name__


class Handle(events.Handle):
    __slots__ = ("_lab_id", "_lab_task", "_lab_ran", "_lab_run")

    def _run(self):
        self._lab_ran = True
        task = self._lab_task
        if task is None or not _ours(self):
            if _ours(self):
                recorder.emit({"k": "callback", "h": self._lab_id})
            events.Handle._run(self)
            self = None  # As asyncio's own Handle._run: break cycles through a traceback.
            return
        tid = recorder.task_id(task)
        recorder.holder = tid
        awaiting.resumed(tid)
        ev = {"k": "resume", "t": tid, "h": self._lab_id}
        pending = _cancelling(task)
        if pending:
            ev["cn"] = pending
        recorder.emit(ev)
        try:
            events.Handle._run(self)
        finally:
            # No local may keep the task alive: "Task exception was never retrieved" is
            # reported when the task is freed, and must be reported when CPython would.
            self = None
            recorder.holder = None
            if recorder.active:
                after_step(task, tid)
            task = None

    def cancel(self):
        if not self._cancelled and not self._lab_ran and _ours(self):
            recorder.emit({"k": "cancel", "h": self._lab_id})
        super().cancel()


class TimerHandle(events.TimerHandle):
    __slots__ = ("_lab_id", "_lab_task", "_lab_ran", "_lab_run", "_lab_key")

    def __lt__(self, other):
        # Due at the same instant — to the nanosecond, so that ten sleeps of 0.1 s (which add
        # up to 0.9999999999999999) tie with one of 1.0 s — the timer scheduled first fires
        # first, as it would in real time, where every step takes a little time.
        if isinstance(other, TimerHandle):
            return self._lab_key < other._lab_key
        return self._when < other._when

    def _run(self):
        self._lab_ran = True
        waits.timer_fired(self)
        if _ours(self):
            recorder.emit({"k": "callback", "h": self._lab_id})
        return events.TimerHandle._run(self)

    def cancel(self):
        if not self._cancelled and not self._lab_ran and _ours(self):
            recorder.emit({"k": "cancel", "h": self._lab_id})
            waits.timer_fired(self)
        super().cancel()


def _cancelling(task):
    """Task.cancelling(): cancel() requests not undone by uncancel().

    asyncio.timeout undoes its own; a resume whose count is higher than the task's previous
    resume delivers a CancelledError into the coroutine."""
    cancelling = getattr(task, "cancelling", None)
    return cancelling() if cancelling is not None else 0


def after_step(task, tid):
    recorder.check_name(tid, task)
    if task.done():
        ev = {"k": "task-done", "t": tid}
        if task.cancelled():
            ev["c"] = 1
        elif task._exception is not None:  # not .exception(): that would mark it retrieved
            ev["x"] = waits.exc_repr(task._exception)
        else:
            ev["r"] = recorder.reprs.brepr(task._result)
            # Returned although cancel() was asked and never undone (uncancel): the coach's
            # "swallowed cancellation" rests on this CPython fact, not on reading the source.
            pending = _cancelling(task)
            if pending:
                ev["cn"] = pending
        monitor.task_finished(task)
        recorder.emit(ev)
    else:
        links = waits.chain(task)
        monitor.snapshot_task(links)
        recorder.emit({"k": "suspend", "t": tid, "w": waits.describe(task, tid, links)})
    objects.check_all()


class _Selector:
    """Stands where the OS selector would: there is no I/O, so waiting is a clock jump."""

    def __init__(self, loop):
        self._loop = loop

    def select(self, timeout):
        loop = self._loop
        if timeout is None:
            if recorder.active:
                recorder.stop("deadlock", waits.deadlock_sentence(loop))
            raise RunStopped("deadlock")
        if timeout > 0:
            target = recorder.now + timeout
            if loop._scheduled:
                when = loop._scheduled[0]._when
                if abs(when - target) < 1e-9:
                    target = when
            if recorder.active:
                recorder.advance_to(target, "clock")
                recorder.emit({"k": "clock", "at": _num(recorder.now)})
            else:
                recorder.now = max(recorder.now, target)
        if recorder.active and loop._scheduled:
            end = recorder.now + loop._clock_resolution
            due = [h for h in loop._scheduled if h._when < end]
            if due:  # most selects find none due: no sort, no second list
                due.sort()
                ids = [h._lab_id for h in due if not h._cancelled]
                if ids:
                    recorder.emit({"k": "due", "h": ids})
        return []

    def close(self):
        pass

    def get_map(self):
        return {}


class VirtualLoop(base_events.BaseEventLoop):
    """An asyncio event loop whose clock is virtual."""

    def __init__(self, selector=None):
        # `selector`: as asyncio.SelectorEventLoop(selector) takes one; there is no I/O to
        # select on, so it is kept only to be closed with the loop.
        super().__init__()
        self._program_selector = selector
        self._selector = _Selector(self)
        self._clock_resolution = 1e-09

    def time(self):
        if _getframe(1).f_code in reprs.user_codes:
            return clock.read()  # the program polling loop.time() is a busy-wait too
        return recorder.now

    def _process_events(self, event_list):
        pass

    def _write_to_self(self):
        pass

    def _call_soon(self, callback, args, context):
        handle = Handle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        _tag(handle, callback)
        self._ready.append(handle)
        return handle

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        _tag_timer(timer, callback, args, when)
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def call_soon_threadsafe(self, callback, *args, context=None):
        if threads.current is None:
            return super().call_soon_threadsafe(callback, *args, context=context)
        # From a simulated thread: the loop hears of it at the thread's virtual time.
        handle = events.Handle(callback, args, self, context)
        threads.defer(threads.now(), lambda: handle._cancelled or self._call_soon(
            handle._callback, handle._args, handle._context))
        return handle

    def run_in_executor(self, executor, func, *args):
        # Remember the job's thread, so a task awaiting the future waits for that thread.
        return threads.note_job(super().run_in_executor(executor, func, *args))

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        # As CPython: in the default executor (a thread), here on the simulated network.
        return await self.run_in_executor(None, simnet.getaddrinfo, host, port, family, type,
                                          proto, flags)

    # Streams and protocols run on the simulated network (simnet): no system sockets here.

    async def create_server(self, protocol_factory, host=None, port=None, *, backlog=100,
                            start_serving=True, sock=None, **kwargs):
        if sock is not None:
            raise OSError("Event Loop Lab has no system sockets: give start_server a host and port")
        return await simnet.create_server(self, protocol_factory, host, port, backlog,
                                          start_serving)

    async def create_connection(self, protocol_factory, host=None, port=None, *, sock=None,
                                **kwargs):
        if sock is not None or host is None or port is None:
            raise OSError("Event Loop Lab has no system sockets: connect with a host and port")
        await simnet.resolve(self, host, port)
        return await simnet.connect(self, protocol_factory, host, port)

    def add_reader(self, fd, callback, *args):
        _none("file-descriptor watchers (add_reader)", "use asyncio streams or an asyncio.Queue")

    def add_writer(self, fd, callback, *args):
        _none("file-descriptor watchers (add_writer)", "use asyncio streams or an asyncio.Queue")

    def add_signal_handler(self, sig, callback, *args):
        _none("signals", "to stop a task, cancel it (task.cancel() or asyncio.timeout)")

    async def subprocess_exec(self, *args, **kwargs):
        _none("subprocesses", "run the work in the program itself (a coroutine, or a thread "
              "for blocking code)")

    async def subprocess_shell(self, *args, **kwargs):
        _none("subprocesses", "run the work in the program itself (a coroutine, or a thread "
              "for blocking code)")

    async def create_datagram_endpoint(self, *args, **kwargs):
        _none("UDP sockets", "use asyncio streams (start_server, open_connection)")

    async def sock_connect(self, sock, address):
        _none("raw sockets", "use asyncio streams (start_server, open_connection)")

    def _start_serving(self, protocol_factory, sock, sslcontext=None, server=None, *args):
        simnet.start_serving(self, protocol_factory, sock, server)

    def _stop_serving(self, sock):
        simnet.stop_serving(sock)

    def create_task(self, coro, *args, **kwargs):
        if kwargs.get("name") is None:
            # CPython numbers unnamed tasks with a per-interpreter counter; the worker runs many
            # programs in one interpreter, and each must start at Task-1 as `python main.py`.
            kwargs["name"] = recorder.next_task_name()
        outer = recorder.creating  # an eager task's first step may create tasks in turn
        recorder.creating = True
        try:
            task = super().create_task(coro, *args, **kwargs)
            # Still creating: an eager task (eager_task_factory) scheduled nothing, so it is seen
            # here first, and must keep the name given above rather than be numbered again.
            if recorder.active:
                recorder.task_id(task)
        finally:
            recorder.creating = outer
        return task

    def run_forever(self):
        if recorder.stopped:
            raise RunStopped("stopped")
        if recorder.active:
            recorder.emit({"k": "loop", "run": True})
        threads.wake(self)
        try:
            return super().run_forever()
        finally:
            if recorder.active:
                recorder.emit({"k": "loop", "run": False})

    def run_until_complete(self, future):
        if recorder.stopped:
            raise RunStopped("stopped")
        return super().run_until_complete(future)


def _none(what, instead):
    raise NotImplementedError("Event Loop Lab runs in the browser, which gives programs no %s: "
                              "%s instead." % (what, instead))


def _ours(handle):
    """Recording, and the handle belongs to this run (not to a loop an earlier run left for
    the garbage collector, whose finalizers may still cancel its timers)."""
    return recorder.active and handle._lab_run == recorder.run


def _tag(handle, callback):
    handle._lab_ran = False
    handle._lab_run = recorder.run
    handle._lab_id = h = recorder.new_handle_id()
    task = _task_of(callback)
    handle._lab_task = task
    if not recorder.active:
        return
    if task is not None:
        recorder.emit({"k": "ready", "h": h, "t": recorder.task_id(task)})
    else:
        recorder.emit({"k": "ready", "h": h, "cb": _label(callback)})


def _tag_timer(timer, callback, args, when):
    timer._lab_ran = False
    timer._lab_run = recorder.run
    timer._lab_id = h = recorder.new_handle_id()
    timer._lab_key = (round(when * 1e9) if math.isfinite(when) else when, h)
    timer._lab_task = None
    if not recorder.active:
        return
    ev = {"k": "timer", "h": h, "at": _num(when)}
    if callback is futures._set_result_unless_cancelled and args:
        ev["why"] = "sleep"
        sleeper = waits.sleeper()
        if sleeper is not None:
            ev["t"] = sleeper
        waits.sleep_timer(args[0], timer)
    elif isinstance(getattr(callback, "__self__", None), timeouts.Timeout):
        ev["why"] = "timeout"
        victim = getattr(callback.__self__, "_task", None)
        if victim is not None:
            ev["t"] = recorder.task_id(victim)
    else:
        ev["why"] = "callback"
        ev["cb"] = _label(callback)
    recorder.emit(ev)


def _num(x):
    """Times as JSON numbers: whole seconds stay floats; infinity cannot be JSON."""
    if math.isinf(x) or math.isnan(x):
        return None
    return x


class Policy(events._BaseDefaultEventLoopPolicy if hasattr(events, "_BaseDefaultEventLoopPolicy")
             else events.BaseDefaultEventLoopPolicy):
    """CPython 3.14's default policy, making virtual loops: get_event_loop() raises when no
    loop was set, as on CPython 3.14."""

    def new_event_loop(self):
        return VirtualLoop()


def _task_types():
    import asyncio
    types = {asyncio.Task}
    py = getattr(asyncio.tasks, "_PyTask", None)
    if py is not None:
        types.add(py)
    return tuple(types)


_TaskTypes = _task_types()
