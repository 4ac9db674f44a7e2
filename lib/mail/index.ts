import nodemailer from 'nodemailer';
import { env } from '@/lib/env';

type Mail = { to: string[]; subject: string; text: string };

/**
 * Sends mail through SMTP_URL (e.g. smtp://user:pass@mail.example:587) from MAIL_FROM. With no SMTP configured the
 * message is logged and skipped: mail is a convenience, never a reason for a reader's action to fail.
 */
export async function sendMail(mail: Mail): Promise<'sent' | 'skipped' | 'failed'> {
  const { SMTP_URL: url, MAIL_FROM } = env();
  if (!url || mail.to.length === 0) {
    console.info(`mail skipped (no SMTP_URL): ${mail.subject}`);
    return 'skipped';
  }
  try {
    await nodemailer.createTransport(url).sendMail({ from: MAIL_FROM, ...mail });
    return 'sent';
  } catch (error) {
    console.error('mail failed:', error);
    return 'failed';
  }
}
