"""Simulated aiohttp (Event Loop Lab): requests take virtual time and never leave the page.

    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:
            print(resp.status, await resp.text())
"""
from eventlooplab.shims import network

LATENCY = network.LATENCY
__simulated__ = True


class ClientError(Exception):
    pass


class ClientResponseError(ClientError):
    def __init__(self, status, message=""):
        super().__init__("%s, message=%r" % (status, message))
        self.status = status
        self.message = message


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect


class ClientResponse:
    def __init__(self, method, url, sent=None):
        self.method = method
        self.url = url
        self.status = 200
        self.reason = "OK"
        self.ok = True
        self.headers = {"Content-Type": "text/html; charset=utf-8"}
        self._body = network.body(url)
        self._sent = sent

    async def text(self, encoding=None):
        return self._body

    async def read(self):
        return self._body.encode("utf-8")

    async def json(self, content_type=None):
        return {"url": self.url}

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.status, self.reason)

    def release(self):
        pass

    def close(self):
        pass

    def __repr__(self):
        return "<ClientResponse(%s) [%d %s]>" % (self.url, self.status, self.reason)


class _RequestContextManager:
    """What session.get() returns: awaitable, and an async context manager."""

    def __init__(self, session, method, url, sent):
        self._session = session
        self._method = method
        self._url = str(url)
        self._sent = sent
        self._resp = None

    async def _request(self):
        if self._session.closed:
            raise RuntimeError("Session is closed")
        lat = network.latency(self._url)
        network.record("aiohttp", self._method, self._url, lat)
        await network.REAL_SLEEP(lat)
        self._resp = ClientResponse(self._method, self._url, self._sent)
        return self._resp

    def __await__(self):
        return self._request().__await__()

    async def __aenter__(self):
        return await self._request()

    async def __aexit__(self, *exc):
        return False


class ClientSession:
    def __init__(self, base_url=None, timeout=None, headers=None, **kwargs):
        self._base = base_url
        self.timeout = timeout
        self.headers = headers or {}
        self.closed = False

    def _url(self, url):
        return (str(self._base).rstrip("/") + "/" + str(url).lstrip("/")) if self._base else url

    def request(self, method, url, **kwargs):
        sent = kwargs.get("json", kwargs.get("data"))
        return _RequestContextManager(self, method.upper(), self._url(url), sent)

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def post(self, url, **kwargs):
        return self.request("POST", url, **kwargs)

    def put(self, url, **kwargs):
        return self.request("PUT", url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)

    async def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()
        return False

