"""What the simulated network answers, and how long it takes (in virtual seconds).

Deterministic per URL, so runs and lessons repeat exactly: a `delay=<seconds>` query parameter
sets the latency; otherwise it is 0.1 + (sum of the URL's UTF-8 bytes % 10) / 10 seconds.
Programs can override it: `aiohttp.LATENCY[url] = 2.0` (the same dict as `requests.LATENCY`).
"""
import asyncio.tasks
from urllib.parse import parse_qs, urlsplit

from eventlooplab import recorder

LATENCY = {}
# Taken when the tracer loads, before any program: a program that patches asyncio.sleep must
# not change how long the simulated network takes (real aiohttp does not call asyncio.sleep).
REAL_SLEEP = asyncio.tasks.sleep


def reset():
    LATENCY.clear()


def latency(url):
    url = str(url)
    if url in LATENCY:
        return float(LATENCY[url])
    query = parse_qs(urlsplit(url).query)
    if "delay" in query:
        return float(query["delay"][0])
    return 0.1 + (sum(url.encode("utf-8")) % 10) / 10


def body(url):
    return "<html><title>%s</title></html>" % url


def record(lib, method, url, lat):
    recorder.emit({"k": "net", "t": recorder.holder, "lib": lib, "m": method, "url": str(url),
                   "lat": lat})
