"""An in-memory network inside the run, for asyncio's streams and protocols.

`loop.create_server` and `loop.create_connection` (so `asyncio.start_server`, `open_connection`,
StreamReader/StreamWriter) work on simulated sockets: a server listens on (host, port) of any
simulated host (`localhost` is 127.0.0.1); a connection is a pair of transports, and what one side
writes reaches the other LATENCY virtual seconds later, as a loop timer. Everything above the
transports (StreamReader, StreamWriter, Server, serve_forever, wait_closed) is asyncio's own code;
the steps mirror the selector loop's (an accept task per connection, connection_made in a
callback), so tasks get the names they get on CPython.
"""
import ipaddress
import socket
from asyncio import base_events, tasks, transports

LATENCY = 0.0001  # virtual seconds for a segment to cross: about a loopback round trip
_ALL = ("", "0.0.0.0", "::", None)
_listening = {}  # (host, port) -> (loop, protocol_factory, server, SimSocket)
_next = {"port": 50000, "fd": 100}


def reset():
    _listening.clear()
    _next.update(port=50000, fd=100)


def _host(host):
    if host in ("localhost", "::1"):
        return "127.0.0.1"
    return "0.0.0.0" if host in _ALL else str(host)


def _fd():
    _next["fd"] += 1
    return _next["fd"]


class SimSocket:
    """What `server.sockets` and `get_extra_info('socket')` show: names, no system socket."""

    family = socket.AF_INET
    type = socket.SOCK_STREAM
    proto = 6

    def __init__(self, local, peer=None):
        self._local = local
        self._peer = peer
        self._fd = _fd()

    def fileno(self):
        return self._fd

    def getsockname(self):
        return self._local

    def getpeername(self):
        if self._peer is None:
            raise OSError(107, "Transport endpoint is not connected")
        return self._peer

    def listen(self, backlog=0):
        pass

    def close(self):
        self._fd = -1

    def setsockopt(self, *args):
        pass

    def getsockopt(self, *args):
        return 0


def listen(host, port):
    """The sockets of a new server: one per host (asyncio.start_server's host may be a list)."""
    hosts = host if isinstance(host, (list, tuple)) else [host]
    if port is None or port == 0:
        _next["port"] += 1
        port = _next["port"]
    socks = []
    for h in hosts:
        key = (_host(h), int(port))
        if key in _listening or (key[0] != "0.0.0.0" and ("0.0.0.0", key[1]) in _listening):
            raise OSError(98, "error while attempting to bind on address %r: [errno 98] "
                          "address already in use" % (key,))
        socks.append(SimSocket(key))
    return socks


def start_serving(loop, protocol_factory, sock, server):
    _listening[sock.getsockname()] = (loop, protocol_factory, server, sock)


def stop_serving(sock):
    _listening.pop(sock.getsockname(), None)
    sock.close()


def _find(host, port):
    return _listening.get((_host(host), int(port))) or _listening.get(("0.0.0.0", int(port)))


async def connect(loop, protocol_factory, host, port):
    """loop.create_connection on the simulated network: the client's side."""
    addr = (_host(host), int(port))
    ends = {}
    arrived = loop.create_future()
    loop.call_at(loop.time() + LATENCY, _syn, arrived, _find(host, port), addr, ends)
    await arrived
    if "server" not in ends:
        raise ConnectionRefusedError(111, "Connect call failed %r" % (addr,))
    protocol = protocol_factory()
    waiter = loop.create_future()
    client = SimTransport(loop, protocol, ends["here"], addr, waiter)
    client._peer = ends["server"]
    ends["server"]._peer = client
    await waiter
    return client, protocol


def _syn(arrived, target, addr, ends):
    """The connection request arrives: the server accepts it (in a task of its own, as the
    selector loop's _accept_connection does) before the client's connect returns."""
    if target is not None and target[2]._sockets is not None:
        server_loop, factory, server, _sock = target
        _next["port"] += 1
        ends["here"] = here = ("127.0.0.1", _next["port"])
        server_loop.create_task(_accept(server_loop, factory, server, addr, here, ends))
    _arrive(arrived)


def _arrive(fut):
    if not fut.done():
        fut.set_result(None)


async def _accept(loop, factory, server, local, peer, ends):
    protocol = factory()
    waiter = loop.create_future()
    ends["server"] = SimTransport(loop, protocol, local, peer, waiter, server=server)
    await waiter


class SimTransport(transports.Transport):
    """One end of a simulated connection."""

    def __init__(self, loop, protocol, local, peer, waiter, server=None):
        super().__init__({"peername": peer, "sockname": local, "socket": SimSocket(local, peer)})
        self._loop = loop
        self._protocol = protocol
        self._peer = None  # the other end, once accepted
        self._server = server
        self._closing = False
        self._eof = False
        self._reading = True
        self._inbox = []
        if server is not None:
            server._attach(self)
        loop.call_soon(protocol.connection_made, self)
        loop.call_soon(_arrive, waiter)

    def __repr__(self):
        peer = self._extra["peername"]
        return "<SimTransport %s:%s>" % peer

    # Sending

    def write(self, data):
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError("data argument must be a bytes-like object, not %r"
                            % type(data).__name__)
        if self._eof:
            raise RuntimeError("Cannot call write() after write_eof()")
        if not data or self._closing:
            return
        self._send(self._peer._received, bytes(data))

    def writelines(self, list_of_data):
        self.write(b"".join(list_of_data))

    def write_eof(self):
        if self._closing or self._eof:
            return
        self._eof = True
        self._send(self._peer._received_eof)

    def can_write_eof(self):
        return True

    def _send(self, what, *args):
        peer = self._peer
        if peer is not None:
            peer._loop.call_at(peer._loop.time() + LATENCY, what, *args)

    # Receiving

    def _received(self, data):
        if self._closing:
            return
        if not self._reading:
            self._inbox.append(data)
            return
        self._protocol.data_received(data)

    def _received_eof(self):
        if self._closing:
            return
        if not self._reading:
            self._inbox.append(None)
            return
        if not self._protocol.eof_received():
            self.close()

    def pause_reading(self):
        self._reading = False

    def resume_reading(self):
        if self._reading:
            return
        self._reading = True
        inbox, self._inbox = self._inbox, []
        for item in inbox:
            if item is None:
                self._received_eof()
            else:
                self._received(item)

    def is_reading(self):
        return self._reading and not self._closing

    # Closing

    def close(self):
        if self._closing:
            return
        self._closing = True
        if not self._eof:
            self._eof = True
            self._send(self._peer._received_eof) if self._peer is not None else None
        self._loop.call_soon(self._connection_lost, None)

    def abort(self):
        self.close()

    def is_closing(self):
        return self._closing

    def _connection_lost(self, exc):
        try:
            self._protocol.connection_lost(exc)
        finally:
            self._extra["socket"].close()
            if self._server is not None:
                self._server._detach(self)
                self._server = None

    # Flow control: nothing is ever buffered on the way out

    def get_write_buffer_size(self):
        return 0

    def get_write_buffer_limits(self):
        return (0, 0)

    def set_write_buffer_limits(self, high=None, low=None):
        pass

    def set_protocol(self, protocol):
        self._protocol = protocol

    def get_protocol(self):
        return self._protocol


async def create_server(loop, protocol_factory, host, port, backlog, start):
    """loop.create_server on the simulated network."""
    hosts = host if isinstance(host, (list, tuple)) else [host]
    # As CPython: one address lookup per host, gathered (so tasks are numbered as there).
    await tasks.gather(*[_create_server_getaddrinfo(loop, h, port) for h in hosts])
    server = base_events.Server(loop, listen(host, port), protocol_factory, None, backlog, None)
    if start:
        server._start_serving()
        await tasks.sleep(0)
    return server


async def _create_server_getaddrinfo(loop, host, port):
    # Named as CPython's coroutine: the task that runs it shows the same coroutine name.
    return await resolve(loop, host, port)


async def resolve(loop, host, port):
    """As CPython's _ensure_resolved: a numeric address needs no lookup; a name (or no host)
    is looked up by getaddrinfo, which runs in the default executor: a thread."""
    if host is not None and _numeric(host):
        return None
    return await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def _numeric(host):
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """socket.getaddrinfo on the simulated network: every name is a host of its own."""
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (_host(host), int(port or 0)))]
