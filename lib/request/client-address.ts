import { createHmac } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { env } from '@/lib/env';
import { keyFor } from '@/lib/secrets';

/**
 * Where a request came from, for per-client rate limits, blocks and ad counts.
 *
 * Headers are written by whoever sends the request, so an address is only believed from a source we trust: the
 * connection itself, or a proxy we were told about. Next gives route handlers and server actions no access to the
 * connection, so `recordPeerAddresses` (installed by instrumentation.ts) copies the connection's address into a
 * request header as Node's HTTP server receives the request, before Next reads it. That header's name is derived
 * from AUTH_SECRET: a client cannot send it, not even to a request that arrives while the server is starting,
 * before the hook is installed (such a request has no address and counts as 'unknown').
 */
function peerHeader(): string {
  return `x-broadsheet-peer-${keyFor('client-address-header').toString('hex', 0, 8)}`;
}

/** Installs the hook, through Node's documented `http.server.request.start` diagnostics channel; once per process. */
export function recordPeerAddresses(): void {
  const header = peerHeader();
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[header] = socket.remoteAddress ?? '';
  });
}

/**
 * The client's address, given the connection's address (`peer`), the X-Forwarded-For list and how many proxies
 * in front of us append to it. Each trusted proxy appends the address it was connected from, so the client is the
 * entry that many places from the right of the chain (the list, then the connection); whatever a client wrote
 * further left is ignored. With no trusted proxy the connection's address is the client's.
 */
export function pickClientAddress(peer: string | null, forwardedFor: string | null, trustedProxies: number): string {
  if (!peer) return 'unknown';
  const chain = [
    ...(forwardedFor ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
    peer,
  ];
  return chain[Math.max(0, chain.length - 1 - trustedProxies)];
}

/** The address of the client that sent a request, as far as TRUST_PROXY lets us know it. */
export function clientIp(headers: Headers): string {
  return pickClientAddress(headers.get(peerHeader()), headers.get('x-forwarded-for'), env().TRUST_PROXY);
}

/** Addresses are kept only as keyed hashes: the same address always gives the same hash, which holds no address. */
export function hashIp(ip: string): string {
  return createHmac('sha256', keyFor('ip-hashes')).update(ip).digest('hex').slice(0, 32);
}
