"""Network waits in the program's terms: a task awaiting a simulated aiohttp response.

The simulation waits on a plain asyncio.sleep inside the shim (`_RequestContextManager._request`),
so waits.py sees a sleep whose `via` runs through the shim. This marks such a wait with what the
program did (`"net": {"m": "GET", "url": ...}`; `until` stays the response's arrival time) and
hides the simulation's own frames from `via`, which keeps only the program's coroutines.
"""
import types

from . import reprs

_REQUEST = "_RequestContextManager._request"
_Coroutine = types.CoroutineType
_Generator = types.GeneratorType


def _code(c):
    # The two common types first (every link of every sleep wait passes here), then any object.
    t = type(c)
    if t is _Coroutine:
        return c.cr_code
    if t is _Generator:
        return c.gi_code
    return getattr(c, "cr_code", None) or getattr(c, "gi_code", None)


def mark(w, links):
    """Adds `net` to a sleep wait `w` whose chain `links` goes through a simulated request."""
    if w.get("on") != "sleep":
        return
    for c in links:
        code = _code(c)
        if code is None or code.co_qualname != _REQUEST:
            continue
        frame = getattr(c, "cr_frame", None)
        if frame is None or not frame.f_globals.get("__simulated__"):
            continue
        me = frame.f_locals.get("self")
        method, url = getattr(me, "_method", None), getattr(me, "_url", None)
        if not isinstance(method, str) or not isinstance(url, str):
            return
        w["net"] = {"m": method, "url": url}
        via = [code.co_qualname for code in map(_code, links)
               if code is not None and code in reprs.user_codes]
        if via:
            w["via"] = via
        else:
            w.pop("via", None)
        return
