import { encode as quotedPrintable, wrap } from 'nodemailer/lib/qp';

/** A body part as nodemailer takes it ready-made (`raw`): the part's own headers, a blank line, the encoded body. */
export type EncodedPart = { contentType: string; raw: string };

// Printable ASCII but "=", none of it a space: quoted-printable as it is (a subscriber's token always is).
const QUOTED_PRINTABLE_AS_IS = /^[!-<>-~]*$/;
// Base64 lines of 76 characters (RFC 2045) hold 57 bytes each.
const BASE64_LINE_BYTES = 57;

/**
 * A text part sent to many, each mail with a value of its own (a subscriber's token) where `slot` is: the body is
 * encoded once, and each mail only puts its value in (quoted-printable: and wraps the slot's line again; base64:
 * encodes from the last whole line before the slot). Encoding the whole body per mail made most of a mass mailing's
 * garbage (nodemailer's quoted-printable encoder grows a string a byte at a time). Encoded as nodemailer chooses for
 * a text: quoted-printable when Latin letters outnumber the rest, else base64.
 */
export function partWithSlot(
  contentType: 'text/plain' | 'text/html',
  body: string,
  slot: string,
): (value: string) => EncodedPart {
  const at = body.indexOf(slot);
  if (at < 0 || body.includes(slot, at + 1)) throw new Error('the slot must be in the body exactly once');
  const base64 = !mostlyLatin(body);
  const type = `${contentType}; charset=utf-8`;
  const headers = `Content-Type: ${type}\r\nContent-Transfer-Encoding: ${base64 ? 'base64' : 'quoted-printable'}\r\n\r\n`;
  if (!base64) {
    // Quoted-printable starts over at each hard line break: the lines before the slot's read the same in every mail,
    // and the slot's own line (and what follows) is encoded around the slot once, so a mail only wraps it again.
    const cut = body.lastIndexOf('\n', at) + 1;
    const fixed = headers + wrap(quotedPrintable(body.slice(0, cut)), 76);
    const [before, after] = [quotedPrintable(body.slice(cut, at)), quotedPrintable(body.slice(at + slot.length))];
    return (value) => ({
      contentType: type,
      raw: fixed + wrap(before + (QUOTED_PRINTABLE_AS_IS.test(value) ? value : quotedPrintable(value)) + after, 76),
    });
  }
  const bytes = Buffer.from(body);
  const slotAt = Buffer.byteLength(body.slice(0, at));
  const cut = slotAt - (slotAt % BASE64_LINE_BYTES);
  const fixed = headers + (cut > 0 ? `${base64Lines(bytes.subarray(0, cut))}\r\n` : '');
  const [before, after] = [bytes.subarray(cut, slotAt), bytes.subarray(slotAt + Buffer.byteLength(slot))];
  return (value) => ({
    contentType: type,
    raw: fixed + base64Lines(Buffer.concat([before, Buffer.from(value), after])),
  });
}

/** nodemailer's choice between quoted-printable and base64 for a text (MimeNode's `_getTextEncoding`). */
function mostlyLatin(text: string): boolean {
  const other = text.match(/[\x00-\x08\x0B\x0C\x0E-\x1F\u0080-\uFFFF]/g)?.length ?? 0;
  return other < (text.match(/[a-z]/gi)?.length ?? 0);
}

/** Bytes as base64 in lines of 76 characters, joined by CRLF. */
function base64Lines(bytes: Buffer): string {
  const lines: string[] = [];
  for (let from = 0; from < bytes.length; from += BASE64_LINE_BYTES)
    lines.push(bytes.toString('base64', from, Math.min(from + BASE64_LINE_BYTES, bytes.length)));
  return lines.join('\r\n');
}
