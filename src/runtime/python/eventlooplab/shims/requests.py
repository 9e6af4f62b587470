"""Simulated requests (Event Loop Lab): each call blocks for its latency, like the real one.

Inside a coroutine this blocks the whole event loop: nothing else runs until it returns.
"""
import json as _json

from eventlooplab import sandbox
from eventlooplab.shims import network

LATENCY = network.LATENCY
__simulated__ = True


class RequestException(Exception):
    pass


class HTTPError(RequestException):
    pass


class Response:
    def __init__(self, method, url):
        self.url = url
        self.status_code = 200
        self.reason = "OK"
        self.ok = True
        self.headers = {"Content-Type": "text/html; charset=utf-8"}
        self.text = network.body(url)
        self.content = self.text.encode("utf-8")
        self.encoding = "utf-8"

    def json(self):
        return _json.loads(_json.dumps({"url": self.url}))

    def raise_for_status(self):
        if self.status_code >= 400:
            raise HTTPError("%d %s" % (self.status_code, self.reason))

    def __repr__(self):
        return "<Response [%d]>" % self.status_code


def request(method, url, **kwargs):
    method = method.upper()
    url = str(url)
    lat = network.latency(url)
    network.record("requests", method, url, lat)
    sandbox.block(lat, "requests.%s(%r)" % (method.lower(), url))
    return Response(method, url)


def get(url, params=None, **kwargs):
    return request("GET", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, **kwargs)


def put(url, data=None, **kwargs):
    return request("PUT", url, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)


class Session:
    def get(self, url, **kwargs):
        return get(url, **kwargs)

    def post(self, url, **kwargs):
        return post(url, **kwargs)

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
