import sanitizeHtml from 'sanitize-html';
import { sanitizePostHtml } from '@/lib/sanitize/html';

// WordPress shortcodes that have no meaning here once their markup is gone.
const droppedShortcodes = /\[\/?(gallery|audio|video|playlist|contact-form[\w-]*|wpforms|caption|embed)\b[^\]]*\]/g;

/**
 * An imported body as the editor would store it: WordPress's [caption] becomes a figure, [embed] a link, other
 * shortcodes and block comments (`<!-- wp:… -->`) go, links to other imported posts lead to their new addresses,
 * and the whole passes through the editor's sanitizer (scripts, iframes and event handlers never come across).
 */
export function importedBody(html: string, newAddress: (href: string) => string | null): string {
  const withFigures = html
    .replace(
      /\[caption[^\]]*\]\s*((?:<a[^>]*>)?\s*<img[^>]*>(?:\s*<\/a>)?)\s*([\s\S]*?)\[\/caption\]/g,
      (_, image: string, caption: string) => `<figure>${image}<figcaption>${caption.trim()}</figcaption></figure>`,
    )
    .replace(/\[embed\]\s*(https?:\/\/[^\s[\]"<]+)\s*\[\/embed\]/g, '<p><a href="$1">$1</a></p>')
    .replace(droppedShortcodes, '');
  // WordPress keeps paragraphs as blank lines in classic posts (wpautop adds the <p> when it shows them).
  const paragraphs = /<p[\s>]/i.test(withFigures)
    ? withFigures
    : withFigures
        .split(/\n\s*\n/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => (/^<(figure|h\d|ul|ol|blockquote|pre)/i.test(part) ? part : `<p>${part}</p>`))
        .join('');
  const linked = paragraphs.replace(
    /(<a\b[^>]*\bhref=)(["'])(.*?)\2/gi,
    (whole, start: string, quote: string, href: string) => {
      const to = newAddress(decodeEntities(href));
      return to ? `${start}${quote}${to}${quote}` : whole;
    },
  );
  return sanitizePostHtml(linked);
}

/** A comment's HTML as the plain text comments are stored as: line breaks kept, tags and entities gone. */
export function commentText(html: string): string {
  const lines = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*/gi, '\n\n');
  const text = sanitizeHtml(lines, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return named[entity.toLowerCase()] ?? whole;
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
