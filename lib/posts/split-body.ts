const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);

/**
 * Splits a stored (sanitized, well-formed) body after its `n`th top-level paragraph, so something can sit between
 * the two halves. A body with fewer paragraphs is returned whole, with nothing after it; paragraphs inside
 * quotes or lists do not count.
 */
export function splitAfterParagraph(html: string, n: number): [string, string] {
  if (n <= 0) return ['', html];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>/g;
  let depth = 0;
  let seen = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const [, closing, rawName, selfClosing] = match;
    const name = rawName.toLowerCase();
    if (VOID.has(name) || selfClosing) continue;
    if (!closing) {
      depth++;
      continue;
    }
    depth--;
    if (depth === 0 && name === 'p' && ++seen === n) {
      const end = match.index + match[0].length;
      return [html.slice(0, end), html.slice(end)];
    }
  }
  return [html, ''];
}
