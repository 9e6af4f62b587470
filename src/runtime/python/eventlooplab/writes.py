"""Which names a line of the program can change: a static map per code object, for the locals diff.

Inside the detail window the tracer diffs a frame's locals at every line, and a repr of every
container each time is most of its cost. But the diff at a line only has to look at what the
line executed just before it (in the same frame) could have changed. A line made only of
*plain* instructions (loads, stores to names, arithmetic, comparisons, building values, jumps)
runs no other code, so the only names it can change are the ones it stores to or deletes.
Anything else — a call, an await, a `for` over a possibly user-written iterator, a store into
an item or attribute (another name may alias the object), an in-place operator (`lst += …`
extends the list in place), an import, exception handling — may change any value, and the
whole frame is diffed as before. (Plain instructions can still reach a user-defined dunder such
as __add__ or __getitem__; one that mutates its caller's containers is not followed.)

plan(code) -> {line: None (diff everything) or a tuple of names (diff only these; may be empty)}
"""
import dis

# Instructions that neither run other code (beyond dunders of user objects) nor mutate an
# existing object; STORE_* / DELETE_* of plain names are collected separately.
_PLAIN = frozenset("""
    NOP RESUME CACHE EXTENDED_ARG NOT_TAKEN POP_TOP PUSH_NULL COPY SWAP
    LOAD_FAST LOAD_FAST_BORROW LOAD_FAST_CHECK LOAD_FAST_LOAD_FAST LOAD_FAST_BORROW_LOAD_FAST_BORROW
    LOAD_CONST LOAD_SMALL_INT LOAD_COMMON_CONSTANT LOAD_GLOBAL LOAD_NAME LOAD_DEREF LOAD_CLOSURE
    LOAD_ATTR
    TO_BOOL COMPARE_OP CONTAINS_OP IS_OP UNARY_NEGATIVE UNARY_NOT UNARY_INVERT BINARY_SLICE
    BUILD_TUPLE BUILD_LIST BUILD_MAP BUILD_SET BUILD_SLICE BUILD_STRING
    FORMAT_SIMPLE FORMAT_WITH_SPEC CONVERT_VALUE
    UNPACK_SEQUENCE UNPACK_EX
    POP_JUMP_IF_FALSE POP_JUMP_IF_TRUE POP_JUMP_IF_NONE POP_JUMP_IF_NOT_NONE
    JUMP_FORWARD JUMP_BACKWARD JUMP_BACKWARD_NO_INTERRUPT JUMP JUMP_NO_INTERRUPT
    RETURN_VALUE MAKE_FUNCTION SET_FUNCTION_ATTRIBUTE
""".split())
_STORES = frozenset("""
    STORE_FAST STORE_FAST_LOAD_FAST STORE_FAST_STORE_FAST STORE_FAST_MAYBE_NULL DELETE_FAST
    STORE_NAME DELETE_NAME STORE_DEREF DELETE_DEREF
""".split())
_NB_INPLACE = frozenset(i for i, (name, _) in enumerate(dis._nb_ops) if name.startswith("NB_INPLACE"))

_plans = {}


def plan(code):
    p = _plans.get(code)
    if p is None:
        p = _plans[code] = _build(code)
    return p


def reset():
    _plans.clear()


def _build(code):
    names = {}
    opaque = set()
    for ins in dis.get_instructions(code):
        line = ins.line_number
        if line is None:
            continue
        op = ins.opname
        if op in _STORES:
            stored = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)
            if op == "STORE_FAST_LOAD_FAST":
                stored = stored[:1]  # its second name is a load
            targets = names.setdefault(line, [])
            targets.extend(n for n in stored if n not in targets)
        elif op == "BINARY_OP" and ins.arg not in _NB_INPLACE or op in _PLAIN:
            names.setdefault(line, [])
        else:
            opaque.add(line)
    out = {line: tuple(ns) for line, ns in names.items() if line not in opaque}
    out.update(dict.fromkeys(opaque))
    return out
