"""Event Loop Lab's tracer: runs a program on a virtual-clock asyncio loop and records a trace.

Modules:
  api       entry points (trace_program, run_untraced)
  recorder  the event buffer, ids, limits and streaming: the hot path
  loop      the virtual-clock event loop (a subclass of asyncio.BaseEventLoop)
  monitor   sys.monitoring callbacks: line events and locals
  waits     what a suspended task waits for
  awaiting  who awaits what (a leaf: objects and waits both read it)
  objects   queues, futures, locks... the program uses, and their state
  reprs     bounded, side-effect-free reprs
  sandbox   the run's environment: output capture, virtual time, blocked modules, shims
  errors    tracebacks as CPython prints them, without the tracer's own frames
  shims     simulated aiohttp and requests
"""
