"""The virtual clock as the program reads it (time.*, datetime.now, loop.time() called by the
program), and the detection of busy-waiting on it.
"""
from . import recorder, threads

# Busy-waiting on the clock (`while time.time() < deadline: await asyncio.sleep(0)`) never ends
# on a virtual clock: time moves only when every task waits or something blocks. So a program that
# reads the clock SPIN_READS times at one virtual instant is stopped with a sentence saying why,
# rather than spinning to the step limit in silence. (A virtual cost per executed line would let
# it finish, but would change the times of every existing run.)
SPIN_READS = 10_000
_spin = [None, 0]  # [the instant of the last read, reads at that instant]


def read():
    """The virtual clock, as the program reads it (time.*, datetime.now)."""
    now = threads.current.now if threads.current is not None else recorder.now
    if _spin[0] != now:
        _spin[0] = now
        _spin[1] = 0
    _spin[1] += 1
    if _spin[1] > SPIN_READS and recorder.active:
        recorder.stop("busy-wait", (
            "Stopped at %s s: the program read the clock %s times while virtual time stood still, "
            "waiting for it to move; here time moves only while every task waits (await "
            "asyncio.sleep(seconds)) or something blocks (time.sleep), so wait with await "
            "asyncio.sleep(seconds) instead of polling the clock."
            % (format(now, "g"), format(SPIN_READS, ","))))
    return now


def reset():
    _spin[:] = [None, 0]
