"""Reference stand-in for Event Loop Lab's simulated requests, for scripts/corpus-reference.py.

A request blocks the whole thread (and so the event loop) for `latency(url)` seconds with the
real time.sleep, then returns a response: status_code 200, text, json() == {"url": url}.
"""
import time
from urllib.parse import parse_qs, urlsplit


def latency(url):
    """`?delay=<seconds>`, else 0.1 + (sum of the URL's UTF-8 bytes % 10) / 10."""
    query = parse_qs(urlsplit(str(url)).query)
    if "delay" in query:
        return float(query["delay"][0])
    return 0.1 + (sum(str(url).encode("utf-8")) % 10) / 10


class Response:
    def __init__(self, url):
        self.url = url
        self.status_code = 200
        self.ok = True
        self.reason = "OK"
        self.text = "<html><title>%s</title></html>" % url

    def json(self):
        return {"url": self.url}

    def raise_for_status(self):
        pass


def request(method, url, **kwargs):
    time.sleep(latency(url))
    return Response(str(url))


def get(url, params=None, **kwargs):
    return request("GET", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, **kwargs)
