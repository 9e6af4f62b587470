"""Reference stand-in for Event Loop Lab's simulated aiohttp, for scripts/corpus-reference.py.

Real CPython has no aiohttp here; this behaves as the simulated one is specified, with real time:
a request waits `latency(url)` seconds with the real asyncio.sleep (once, when the request is
awaited or its `async with` is entered) and nothing else suspends. Status 200; text() is
`<html><title>{url}</title></html>`; json() is `{"url": url}`.
"""
import asyncio
from urllib.parse import parse_qs, urlsplit

_sleep = asyncio.sleep  # taken at import, so a program that patches asyncio.sleep is not involved


def latency(url):
    """`?delay=<seconds>`, else 0.1 + (sum of the URL's UTF-8 bytes % 10) / 10."""
    query = parse_qs(urlsplit(str(url)).query)
    if "delay" in query:
        return float(query["delay"][0])
    return 0.1 + (sum(str(url).encode("utf-8")) % 10) / 10


class ClientResponse:
    def __init__(self, method, url):
        self.method = method
        self.url = url
        self.status = 200
        self.reason = "OK"
        self.ok = True

    async def text(self, encoding=None):
        return "<html><title>%s</title></html>" % self.url

    async def json(self, content_type=None):
        return {"url": self.url}

    def raise_for_status(self):
        pass

    def release(self):
        pass


class _RequestContextManager:
    def __init__(self, method, url):
        self._method = method
        self._url = str(url)

    async def _request(self):
        await _sleep(latency(self._url))
        return ClientResponse(self._method, self._url)

    def __await__(self):
        return self._request().__await__()

    async def __aenter__(self):
        return await self._request()

    async def __aexit__(self, *exc):
        return False


class ClientSession:
    def __init__(self, **kwargs):
        self.closed = False

    def get(self, url, **kwargs):
        return _RequestContextManager("GET", url)

    def post(self, url, json=None, data=None, **kwargs):
        return _RequestContextManager("POST", url)

    async def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()
        return False
