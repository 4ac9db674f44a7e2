import 'server-only';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { env } from '@/lib/env';
import { headersEverywhere } from '@/lib/security-headers';
import { clientIp, pickClientAddress } from './client-address';

/** A request's headers, read by name: a web Request's, or Node's as it parsed them. */
export type RequestHeaders = Pick<Headers, 'get'>;

/** A request as a front route sees it: its headers, its body (no longer than the route takes), its client. */
export type FrontRequest = { headers: RequestHeaders; body: Buffer; ip: string };
export type FrontAnswer = { status: number; headers?: [string, string][]; body?: string };

/**
 * A write route answered before Next. `tooLarge`: the answer to a body over `maxBytes`, which is never read
 * further than that.
 */
export type FrontRoute = {
  method: 'POST';
  path: string;
  maxBytes: number;
  tooLarge: FrontAnswer;
  handle: (request: FrontRequest) => Promise<FrontAnswer>;
};

/**
 * A look at a reader's GET or HEAD before Next, given its URL (path and query): null, at once, when it leaves the
 * request to Next (most requests: it must cost nothing); else what it answers, or null once it has found nothing.
 */
export type FrontRead = (url: string) => Promise<FrontAnswer | null> | null;

/**
 * Answers a few write routes before Next sees them, and lets `read` answer a reader's request first. What such a
 * request cost was mostly Next's own handling of it (routing, the route's bundle, a web Request and Response, for a
 * server action the page's React tree), and under
 * a rush that was most of the server's time: readers' page requests queued behind it (bench/FINDINGS.md, beacons
 * and comments answered before Next). Every other request goes to Next unchanged. Installed once per process by
 * instrumentation.ts, through Node's documented `http.server.request.start` channel, which names each server before
 * its first request is handed out; until then (the server starting) each route's Next twin under app/api answers,
 * through `answerWebRequest`. Every permanent redirect a reader is given is a 301 (`answerPermanentRedirectsAs301`).
 * Returns how to uninstall it (tests).
 */
export function answerBeforeNext(routes: FrontRoute[], read?: FrontRead): () => void {
  const byPath = new Map(routes.map((route) => [`${route.method} ${route.path}`, route]));
  const fronted = new WeakSet<Server>();
  const onRequestStart = (message: unknown) => {
    const { server } = message as { server: Server };
    if (fronted.has(server)) return;
    fronted.add(server);
    const handlers = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      const route = byPath.get(`${request.method} ${request.url}`);
      if (route) return answer(route, request, response);
      const toNext = () => {
        for (const handler of handlers) handler.call(server, request, response);
      };
      if (request.method !== 'GET' && request.method !== 'HEAD') return toNext();
      answerPermanentRedirectsAs301(response);
      const early = read?.(request.url ?? '/');
      if (!early) return toNext();
      early.then(
        (found) => (found ? send(response, found) : toNext()),
        (error: unknown) => {
          console.error(`GET ${request.url}:`, error);
          toNext();
        },
      );
    });
  };
  subscribe('http.server.request.start', onRequestStart);
  return () => unsubscribe('http.server.request.start', onRequestStart);
}

/** What next.config gives Next's every answer (nosniff, the site's policy…), for ours: read once per process. */
let everywhere: [string, string][] | undefined;
const securityHeaders = () =>
  (everywhere ??= headersEverywhere(env().SITE_URL).map(({ key, value }): [string, string] => [key, value]));

/**
 * Next answers 308 to a page's permanentRedirect() (a changed slug, a stored redirect found on the way to a 404) and
 * for its own trailing-slash redirect, and a page cannot choose another status. For a GET or HEAD the two mean the
 * same (308 only adds that a POST stays a POST); 301 is the one every crawler and link checker knows, and the one an
 * imported site's old addresses are promised. The status is swapped as the answer's head is written.
 */
function answerPermanentRedirectsAs301(response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    if (status !== 308) return Reflect.apply(writeHead, this, [status, ...rest]) as ServerResponse;
    this.statusMessage = STATUS_CODES[301]!;
    const headers = typeof rest[0] === 'string' ? rest.slice(1) : rest;
    return Reflect.apply(writeHead, this, [301, this.statusMessage, ...headers]) as ServerResponse;
  } as ServerResponse['writeHead'];
}

function send(response: ServerResponse, { status, headers = [], body }: FrontAnswer): void {
  response.writeHead(status, [['cache-control', 'no-store'], ...securityHeaders(), ...headers].flat());
  response.end(body);
}

function answer(route: FrontRoute, request: IncomingMessage, response: ServerResponse): void {
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= route.maxBytes) chunks.push(chunk);
  });
  request.on('error', () => response.destroy());
  request.on('end', () => {
    void respond(route, request, size > route.maxBytes ? null : Buffer.concat(chunks)).then((reply) =>
      send(response, reply),
    );
  });
}

async function respond(route: FrontRoute, request: IncomingMessage, body: Buffer | null): Promise<FrontAnswer> {
  if (!body) return route.tooLarge;
  try {
    const headers = headersOf(request);
    const ip = pickClientAddress(
      request.socket.remoteAddress ?? null,
      headers.get('x-forwarded-for'),
      env().TRUST_PROXY,
    );
    return await route.handle({ headers, body, ip });
  } catch (error) {
    console.error(`${route.method} ${route.path}:`, error);
    return { status: 500, body: 'Internal Server Error' };
  }
}

/**
 * The headers Node parsed, read where they are: copying them into a web `Headers` was a sixth of what a beacon
 * allocated (bench/FINDINGS.md, "Beacons: what a request cost"). Node has already joined repeated headers.
 */
function headersOf(request: IncomingMessage): RequestHeaders {
  return {
    get(name) {
      const value = request.headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/** The same route for a request that reached Next (its twin under app/api). */
export async function answerWebRequest(route: FrontRoute, request: Request): Promise<Response> {
  const body = await readAtMost(request, route.maxBytes);
  const {
    status,
    headers = [],
    body: text,
  } = body ? await route.handle({ headers: request.headers, body, ip: clientIp(request.headers) }) : route.tooLarge;
  return new Response(text ?? null, { status, headers: [['cache-control', 'no-store'], ...headers] });
}

/** The body, or null once it is longer than `max` (read no further). */
async function readAtMost(request: Request, max: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.length;
    if (size > max) {
      await reader!.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}
