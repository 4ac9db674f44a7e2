import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeMailPool, deliver } from './index';
import { catchMail } from './testing';

const mail = { to: ['reader@example.com'], subject: 'Hello', text: 'A line.' };

afterEach(() => {
  closeMailPool();
  delete process.env.SMTP_URL;
});

describe('the pooled SMTP transport', () => {
  it('delivers over sockets it opens itself, with Nagle off, at most five', async () => {
    const sink = await catchMail();
    process.env.SMTP_URL = sink.url;
    const connect = vi.spyOn(net, 'connect');
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(mail)));
      expect(answers.every((answer) => answer.ok)).toBe(true);
      expect(sink.mails).toHaveLength(20);
      const opened = connect.mock.calls.map(([options]) => options);
      expect(opened.length).toBeGreaterThan(0);
      expect(opened.length).toBeLessThanOrEqual(5);
      for (const options of opened) expect(options).toMatchObject({ port: sink.port, noDelay: true });
    } finally {
      connect.mockRestore();
      closeMailPool();
      await sink.close();
    }
  });

  it('answers a server that is not there as a temporary failure', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const server = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const answer = await deliver(mail);
    expect(answer).toMatchObject({ ok: false, permanent: false });
    expect(answer.ok || answer.reason).toMatch(/ECONNREFUSED/);
  });
});
