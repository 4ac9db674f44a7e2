export type CommentSegment = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string };

const urlPattern = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

/**
 * Splits a comment's plain text into paragraphs (blank lines) of text and link segments. Nothing in it is
 * ever treated as HTML: React escapes every segment, and only http(s) URLs become links.
 */
export function formatCommentText(body: string): CommentSegment[][] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map(linkify);
}

function linkify(paragraph: string): CommentSegment[] {
  const segments: CommentSegment[] = [];
  let last = 0;
  for (const match of paragraph.matchAll(urlPattern)) {
    if (match.index > last) segments.push({ kind: 'text', text: paragraph.slice(last, match.index) });
    segments.push({ kind: 'link', href: match[0], text: match[0] });
    last = match.index + match[0].length;
  }
  if (last < paragraph.length) segments.push({ kind: 'text', text: paragraph.slice(last) });
  return segments;
}
