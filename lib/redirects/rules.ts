import { redirectMessages } from './messages';
import { normalizeOldPath } from './paths';

export type CheckedRedirect =
  { ok: true; fromPath: string; toPath: string } | { ok: false; field: 'fromPath' | 'toPath'; message: string };

const isAbsoluteHttp = (text: string) => URL.canParse(text) && ['http:', 'https:'].includes(new URL(text).protocol);
const isLocalPath = (text: string) => text.startsWith('/') && !text.startsWith('//') && !/[\s\\]/.test(text);

/**
 * Whether a redirect typed by a person can be stored: the old address is a path on this site (an old site's full
 * URL is taken as its path), the new one a path here or a full http(s) address, and they differ.
 */
export function checkRedirect(from: string, to: string): CheckedRedirect {
  const oldText = from.trim();
  const fromPath = isLocalPath(oldText) || isAbsoluteHttp(oldText) ? normalizeOldPath(oldText) : null;
  if (!fromPath) return { ok: false, field: 'fromPath', message: redirectMessages.badFrom };
  const toPath = to.trim();
  if (!isLocalPath(toPath) && !isAbsoluteHttp(toPath))
    return { ok: false, field: 'toPath', message: redirectMessages.badTo };
  if (normalizeOldPath(toPath) === fromPath) return { ok: false, field: 'toPath', message: redirectMessages.toItself };
  return { ok: true, fromPath, toPath };
}

/** A CSV line's cells: commas split them, double quotes may wrap one (with "" for a quote inside). */
function cells(line: string): string[] {
  const found: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      found.push(cell);
      cell = '';
    } else cell += char;
  }
  return [...found, cell].map((text) => text.trim());
}

export type CsvRedirects = {
  rows: { fromPath: string; toPath: string }[];
  refused: { line: number; reason: string }[];
};

/**
 * Reads "old,new" lines (a spreadsheet's CSV export). Blank lines and a first line of headings (old,new) are
 * skipped; every other line that is not a redirect is refused with its number and why.
 */
export function parseRedirectsCsv(text: string): CsvRedirects {
  const result: CsvRedirects = { rows: [], refused: [] };
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (!raw.trim()) return;
      const columns = cells(raw);
      if (columns.length !== 2) return result.refused.push({ line, reason: redirectMessages.notTwoColumns });
      const [from, to] = columns;
      if (line === 1 && !from.startsWith('/') && !URL.canParse(from)) return; // headings
      const checked = checkRedirect(from, to);
      if (!checked.ok) return result.refused.push({ line, reason: checked.message });
      result.rows.push({ fromPath: checked.fromPath, toPath: checked.toPath });
    });
  return result;
}
