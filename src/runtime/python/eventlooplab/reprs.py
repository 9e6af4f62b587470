"""Bounded reprs that never run the program's own code.

Calling a user-defined __repr__ from inside the tracer could print, loop or raise, and the run
would no longer be the program's own; such objects are shown as <ClassName object>.
"""
import re
import reprlib

LIMIT = 80

user_codes = set()  # code objects of the program, set by monitor.install


def _user_defined_repr(obj):
    fn = getattr(type(obj), "__repr__", None)
    code = getattr(fn, "__code__", None)
    return code is not None and code in user_codes


class _Repr(reprlib.Repr):
    def __init__(self):
        super().__init__(maxlevel=3, maxstring=60, maxother=60, maxlist=8, maxtuple=8,
                         maxdict=6, maxset=8, maxfrozenset=8, maxdeque=8, maxarray=8, maxlong=40)

    def repr_instance(self, obj, level):
        if _user_defined_repr(obj):
            return "<%s object>" % type(obj).__name__
        try:
            s = repr(obj)
        except Exception:
            return "<%s object>" % type(obj).__name__
        if len(s) > LIMIT:
            s = s[: LIMIT - 3] + "..."
        return s


_r = _Repr()
# Addresses differ from run to run; a trace must not.
_address = re.compile(r" at 0x[0-9a-fA-F]+")


def brepr(obj):
    """A repr of at most LIMIT characters."""
    try:
        s = _r.repr(obj)
    except Exception:
        s = "<%s object>" % type(obj).__name__
    if " at 0x" in s:
        s = _address.sub("", s)
    if len(s) > LIMIT:
        s = s[: LIMIT - 3] + "..."
    return s
