import net from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { env } from '@/lib/env';
import { onShutdown } from '@/lib/shutdown';
import type { EncodedPart } from './encoded-part';

/**
 * A mail: a plain text part always, an HTML part beside it when given, and extra headers (List-Unsubscribe…); or,
 * for a mail sent to many, its parts already encoded (lib/mail/encoded-part.ts), the text part first.
 * nodemailer encodes every header value, so a CR or LF in a subject or a name cannot start a header of its own.
 */
export type Mail = { to: string[]; subject: string; headers?: Record<string, string> } & (
  { text: string; html?: string } | { parts: EncodedPart[] }
);

/** What became of one delivery: a 4xx answer (or a dropped connection) may pass later, a 5xx never will. */
export type Delivery = { ok: true } | { ok: false; permanent: boolean; reason: string };

// One pooled transport per SMTP_URL, kept across calls (and dev reloads): connections are reused between mails.
const holder = globalThis as unknown as { broadsheetMailPool?: { url: string; transport: Transporter } };

/** The process's pooled SMTP transport (nodemailer's SMTP pool: up to five connections, many mails each). */
function pooledTransport(url: string): Transporter {
  if (holder.broadsheetMailPool?.url !== url) {
    holder.broadsheetMailPool?.transport.close();
    // The pool itself, not `createTransport(url)`: only the pool's options take the socket hook. The URL's query
    // still sets its options (`?maxConnections=`), over these defaults.
    const pooled = new URL(url);
    for (const [name, value] of Object.entries({ maxConnections: '5', maxMessages: '1000' }))
      if (!pooled.searchParams.has(name)) pooled.searchParams.set(name, value);
    const transport = nodemailer.createTransport(
      new SMTPPool({ pool: true, url: pooled.toString(), getSocket: plainSocketWithoutDelay }),
    );
    // A proxy in the URL, as createTransport(url) would set it up (its hook replaces ours).
    const proxy = pooled.searchParams.get('proxy');
    if (proxy) transport.setupProxy(proxy);
    holder.broadsheetMailPool = { url, transport };
  }
  return holder.broadsheetMailPool.transport;
}

/**
 * The pool's plain connections, opened with Nagle's algorithm off (nodemailer leaves it on). With it on, a short
 * write that follows one not yet acknowledged waits for the server's ACK, which the server delays (up to 40 ms on
 * Linux) while it has nothing to answer: the end of each message's data is such a write, so each connection sent
 * at most a few dozen mails a second however fast the server was. A connection with TLS from its first byte
 * (smtps://) is left to nodemailer; STARTTLS starts on this socket, and the setting stays with it.
 */
function plainSocketWithoutDelay(
  options: SMTPPool.Options,
  callback: (error: Error | null, socketOptions: { connection: net.Socket } | false) => void,
): void {
  // nodemailer's own defaults: port 587, and TLS from the start on 465 unless `secure` says otherwise.
  const port = Number(options.port) || (options.secure ? 465 : 587);
  if (options.secure || (options.secure === undefined && port === 465)) return callback(null, false);
  const timeoutMs = options.connectionTimeout ?? 2 * 60 * 1000;
  const socket = net.connect({
    host: options.host || 'localhost',
    port,
    localAddress: options.localAddress,
    noDelay: true,
    keepAlive: true,
  });
  const failed = (error: Error) => {
    socket.destroy();
    callback(error, false);
  };
  socket.setTimeout(timeoutMs, () => failed(new Error('Connection timeout')));
  socket.once('error', failed);
  socket.once('connect', () => {
    socket.setTimeout(0);
    socket.off('error', failed);
    callback(null, { connection: socket });
  });
}

/** Closes the pooled connections (tests, shutdown). */
export function closeMailPool(): void {
  holder.broadsheetMailPool?.transport.close();
  holder.broadsheetMailPool = undefined;
}

const inFlight = new Set<Promise<unknown>>();

/**
 * Sends a mail without making the caller wait for the mail server (a known address must answer as fast as an
 * unknown one). The send is tracked, so a stopping server (and a test) can let it finish first.
 */
export function sendMailInBackground(mail: Mail): void {
  const sending = sendMail(mail).finally(() => inFlight.delete(sending));
  inFlight.add(sending);
}

/** Resolves once every mail sent in the background so far has been handed over or has failed. */
export async function mailInFlight(): Promise<void> {
  await Promise.allSettled([...inFlight]);
}

// A confirmation link asked for just before a restart still reaches its reader.
onShutdown('mail', async () => {
  await mailInFlight();
  closeMailPool();
});

/** Whether mail can be sent at all (SMTP_URL set): features that only make sense with mail hide without it. */
export function mailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

/**
 * Sends one mail through the pool and says how it went, without throwing: for senders that count failures
 * (subscribers' mail). Needs SMTP_URL.
 */
export async function deliver(mail: Mail): Promise<Delivery> {
  const { SMTP_URL: url, MAIL_FROM } = env();
  if (!url) return { ok: false, permanent: false, reason: 'SMTP_URL is not set' };
  try {
    const { to, subject, headers } = mail;
    const body = 'parts' in mail ? { alternatives: mail.parts } : { text: mail.text, html: mail.html };
    await pooledTransport(url).sendMail({ from: MAIL_FROM, to, subject, headers, ...body });
    return { ok: true };
  } catch (error) {
    const { responseCode, message } = error as { responseCode?: number; message?: string };
    const reason = (message ?? String(error)).slice(0, 500);
    return { ok: false, permanent: typeof responseCode === 'number' && responseCode >= 500, reason };
  }
}

/**
 * Sends mail through SMTP_URL (e.g. smtp://user:pass@mail.example:587) from MAIL_FROM. With no SMTP configured the
 * message is logged and skipped: mail is a convenience, never a reason for a reader's action to fail.
 */
export async function sendMail(mail: Mail): Promise<'sent' | 'skipped' | 'failed'> {
  if (!env().SMTP_URL || mail.to.length === 0) {
    console.info(`mail skipped (no SMTP_URL): ${mail.subject}`);
    return 'skipped';
  }
  const delivery = await deliver(mail);
  if (delivery.ok) return 'sent';
  console.error('mail failed:', delivery.reason);
  return 'failed';
}
