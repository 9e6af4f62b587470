/**
 * Streams on the simulated network, in words: a task waiting in `reader.readline()` waits for
 * "a line from 127.0.0.1:50001", in `writer.drain()` for "the connection to 127.0.0.1:8888 to
 * take more data", in `serve_forever()` for "connections to 127.0.0.1:8888". The tracer records
 * what the task waits for (`on: "stream"`, `op`, `peer`; eventlooplab/waits.py) and these words
 * say it, in the cards, hovers, narration and timeline alike (`describeWaitWords`).
 */
import type { ObjectView } from '../state.ts';
import type { ConnectionState, ServerState, StreamOp, Wait } from '../types.ts';
import { plural } from './numbers.ts';
import type { Words } from './parts.ts';

type StreamWait = Extract<Wait, { readonly on: 'stream' }>;

/** What a stream wait waits for, with the connection's other end in code font. */
export function streamWaitWords(wait: StreamWait): Words {
  const peer = { code: wait.peer || 'the network' };
  switch (wait.op) {
    case 'readline':
      return ['a line from ', peer];
    case 'readuntil':
      return ['data up to ', { code: wait.separator ?? "b'\\n'" }, ' from ', peer];
    case 'readexactly':
      return [wait.count === undefined ? 'more bytes' : `${wait.count} bytes`, ' from ', peer];
    case 'read':
      return ['data from ', peer];
    case 'drain':
      return ['the connection to ', peer, ' to take more data'];
    case 'closed':
      return ['the connection to ', peer, ' to close'];
    case 'serve':
      return ['connections to ', peer];
    case 'server-closed':
      return wait.peer
        ? ['server ', peer, ' to close and its connections to end']
        : ['the server to close and its connections to end'];
  }
}

const STREAM_KIND: Record<StreamOp, string> = {
  read: 'reading from a connection',
  readline: 'reading from a connection',
  readuntil: 'reading from a connection',
  readexactly: 'reading from a connection',
  drain: 'writing to a connection',
  closed: 'closing a connection',
  serve: 'serving connections',
  'server-closed': 'closing a server',
};

/** The kind of stream wait, for counting many waiting tasks: `reading from a connection`. */
export function streamWaitKind(wait: StreamWait): string {
  return STREAM_KIND[wait.op];
}

const WAITERS_LABEL: Record<StreamOp, string> = {
  read: 'read by',
  readline: 'read by',
  readuntil: 'read by',
  readexactly: 'read by',
  drain: 'waiting to write',
  closed: 'waiting for it to close',
  serve: 'served by',
  'server-closed': 'waiting for it to close',
};

/** What a connection's or a server's box says before the tasks that wait on it: `read by`. */
export function streamWaitersLabel(op: StreamOp): string {
  return WAITERS_LABEL[op];
}

/** `6 bytes waiting to be read`, `the other end has finished sending`, `closed`. */
export function connectionStateText(s: ConnectionState): string {
  if (s.closed) return 'closed';
  const parts: string[] = [];
  parts.push(s.buf === 0 ? 'no bytes waiting' : `${plural(s.buf, 'byte')} waiting to be read`);
  if (s.eof) parts.push('the other end has finished sending');
  return parts.join('; ');
}

/** `listening on 127.0.0.1:8888, 1 connection`, `closed`. */
export function serverStateText(s: ServerState): string {
  if (!s.serving && s.conns === 0) return 'closed';
  const where = s.at.length === 0 ? 'no address' : s.at.join(', ');
  return `${s.serving ? 'listening on' : 'closed to new connections on'} ${where}, ${plural(s.conns, 'connection')}`;
}

/**
 * What changed, for the narration of a `state` event on a connection or a server:
 * "Connection reader (from 127.0.0.1:8888): 6 bytes waiting to be read." Null for other objects.
 */
export function streamChangeSentence(object: ObjectView): string | null {
  const name = object.label ?? 'it';
  if (object.type === 'Connection' && object.state) {
    const s = object.state as ConnectionState;
    return `Connection ${name}${s.peer ? ` (with ${s.peer})` : ''} is now: ${connectionStateText(s)}.`;
  }
  if (object.type === 'Server' && object.state) {
    return `Server ${name} is now ${serverStateText(object.state as ServerState)}.`;
  }
  return null;
}
