import { afterAll, beforeAll } from 'vitest';
import { closeMailPool, mailInFlight } from '@/lib/mail';
import { catchMail, type MailCatcher } from '@/lib/mail/testing';

/**
 * Gives a test file a real SMTP server on loopback with SMTP_URL pointing at it. At the end the mails still being
 * sent in the background are waited for before the pool and the server close (a send that outlived its test file
 * would log after the file's worker is gone). Returns a getter for the catcher.
 */
export function useMailCatcher(): () => MailCatcher {
  let mail: MailCatcher | undefined;
  beforeAll(async () => {
    mail = await catchMail();
    process.env.SMTP_URL = mail.url;
  });
  afterAll(async () => {
    await mailInFlight();
    delete process.env.SMTP_URL;
    closeMailPool();
    await mail?.close();
  });
  return () => mail!;
}
