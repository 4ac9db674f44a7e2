/**
 * The SMTP sink of bench/mail-send.ts in a process of its own, so that the sender's RSS is the server's alone (a
 * real server's mail server is elsewhere). Forked with IPC: it sends `{ url }` once listening, answers `count` with
 * `{ received }`, and closes on `close`.
 */
import { catchMail } from '@/lib/mail/testing';

const sink = await catchMail({ keep: false });
process.send!({ url: sink.url });
process.on('message', async (message: string) => {
  if (message === 'count') process.send!({ received: sink.received() });
  if (message === 'close') {
    await sink.close();
    process.disconnect();
  }
});
