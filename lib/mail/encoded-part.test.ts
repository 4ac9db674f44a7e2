import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { partWithSlot } from './encoded-part';

const SLOT = '\u0000token\u0000';

/** The part as a mail client reads it: a message of that one part, parsed (the parser ends its text with a LF). */
async function read(raw: string) {
  const mail = await PostalMime.parse(`MIME-Version: 1.0\r\n${raw}`);
  return (mail.html ?? mail.text)?.replace(/\n$/, '');
}
const longestLine = (raw: string) => Math.max(...raw.split(/\r?\n/).map((line) => line.length));

describe('a part encoded once for many mails', () => {
  it('puts each value in a quoted-printable body that reads as written, every line within 76 characters', async () => {
    const body = [
      `<p>${'A long line of a story, “quoted”, with é and = signs, '.repeat(4)}</p>`,
      'A line ending in spaces   ',
      `<a href="https://news.example/follow/manage/${SLOT}" style="color:#555555">${'Manage '.repeat(12)}</a>`,
      '</body></html>',
    ].join('\n');
    const part = partWithSlot('text/html', body, SLOT);
    const [first, second] = [part('12.abcDEF_-xyz'), part('7.other')];
    expect(first.raw).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(first.contentType).toBe('text/html; charset=utf-8');
    expect(await read(first.raw)).toBe(body.replace(SLOT, '12.abcDEF_-xyz'));
    expect(await read(second.raw)).toBe(body.replace(SLOT, '7.other'));
    expect(longestLine(first.raw)).toBeLessThanOrEqual(76);
    // What comes before the slot's line is the same text in both mails.
    const fixedUpTo = first.raw.indexOf('<a href');
    expect(second.raw.slice(0, fixedUpTo)).toBe(first.raw.slice(0, fixedUpTo));
  });

  it('encodes a value that cannot go as it is', async () => {
    const part = partWithSlot('text/plain', `Your link: ${SLOT} (keep it)`, SLOT);
    expect(await read(part('a=b c é').raw)).toBe('Your link: a=b c é (keep it)');
  });

  it('uses base64 for a body mostly not in Latin letters, as nodemailer would', async () => {
    const body = `${'Η ιστορία της ημέρας στο λιμάνι. '.repeat(8)}\nΡυθμίσεις: https://news.example/follow/manage/${SLOT}\n— ${'τέλος '.repeat(10)}`;
    const part = partWithSlot('text/plain', body, SLOT);
    const mail = part('3.tokenvalue');
    expect(mail.raw).toContain('Content-Transfer-Encoding: base64');
    expect(await read(mail.raw)).toBe(body.replace(SLOT, '3.tokenvalue'));
    expect(await read(part('40.x').raw)).toBe(body.replace(SLOT, '40.x'));
    expect(longestLine(mail.raw)).toBeLessThanOrEqual(76);
  });

  it('refuses a body without the slot, or with it twice', () => {
    expect(() => partWithSlot('text/plain', 'no slot here', SLOT)).toThrow();
    expect(() => partWithSlot('text/plain', `${SLOT} and ${SLOT}`, SLOT)).toThrow();
  });
});
