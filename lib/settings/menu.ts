import { z } from 'zod';
import { pagePath } from '@/lib/pages/permalink';
import { labelPath } from '@/lib/posts/permalink';

/** The reader's pages every site has, which a menu entry may link to. */
export const builtInPages = {
  home: { href: '/', text: 'Home' },
  search: { href: '/search', text: 'Search' },
  advertise: { href: '/advertise', text: 'Advertise' },
  feed: { href: '/feed.xml', text: 'RSS feed' },
} as const;
type BuiltIn = keyof typeof builtInPages;

const text = z.string().trim().min(1, 'Give the link its text.').max(60, 'Keep the link text under 60 characters.');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);
const outsideUrl = z
  .string()
  .trim()
  .refine((url) => URL.canParse(url) && ['http:', 'https:'].includes(new URL(url).protocol), {
    message: 'Give a full address starting with https:// or http://.',
  });

/** One entry of the header menu: a built-in page, a page, a label's listing or an outside link, with its text. */
export const menuEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('builtin'), target: z.enum(Object.keys(builtInPages) as [BuiltIn, ...BuiltIn[]]), text }),
  z.object({ kind: z.literal('page'), target: slug, text }),
  z.object({ kind: z.literal('label'), target: slug, text }),
  z.object({ kind: z.literal('link'), target: outsideUrl, text }),
]);
export type MenuEntry = z.infer<typeof menuEntrySchema>;

export const MAX_MENU_ENTRIES = 12;
export const menuSchema = z.array(menuEntrySchema).max(MAX_MENU_ENTRIES);

/** Today's menu, until an admin changes it. */
export const defaultMenu: MenuEntry[] = (Object.keys(builtInPages) as BuiltIn[]).map((target) => ({
  kind: 'builtin',
  target,
  text: builtInPages[target].text,
}));

/** The stored menu, or the default when there is none (or it no longer parses). */
export function readMenu(stored: unknown): MenuEntry[] {
  if (stored === null || stored === undefined) return defaultMenu;
  const parsed = menuSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultMenu;
}

export type MenuLink = { href: string; text: string; outside: boolean };

export function menuLink(entry: MenuEntry): MenuLink {
  const href =
    entry.kind === 'builtin'
      ? builtInPages[entry.target].href
      : entry.kind === 'page'
        ? pagePath(entry.target)
        : entry.kind === 'label'
          ? labelPath(entry.target)
          : entry.target;
  return { href, text: entry.text, outside: entry.kind === 'link' };
}

/** What a menu entry's "Links to" choice is called in the form: `builtin:home`, `page:about`, `link`. */
export const choiceOf = (entry: MenuEntry) => (entry.kind === 'link' ? 'link' : `${entry.kind}:${entry.target}`);

/**
 * The menu editor's form: rows numbered 0…n, each with `position-N`, `text-N`, `to-N` (a choice as above), `url-N`
 * (for an outside link) and `remove-N`. Rows with no text and no address are empty ones left for adding; the rest
 * are ordered by position (an entry moved to a taken number goes first, then row order), so the order is set with
 * numbers, without JavaScript.
 */
export const menuFormSchema = z.record(z.string(), z.string()).transform((form, context) => {
  const rows = Object.keys(form)
    .map((key) => /^to-(\d+)$/.exec(key)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const kept: { position: number; row: number; entry: MenuEntry }[] = [];
  for (const row of rows) {
    const field = (name: string) => (form[`${name}-${row}`] ?? '').trim();
    if (field('remove') || (!field('text') && !field('url') && field('to') === '')) continue;
    const position = Number(field('position') || row + 1);
    if (!Number.isInteger(position)) {
      context.addIssue({ code: 'custom', path: [`position-${row}`], message: 'Give a whole number.' });
      continue;
    }
    const [kind, target = field('url')] = field('to').split(/:(.*)/s);
    const parsed = menuEntrySchema.safeParse({ kind, target, text: field('text') });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = issue.path[0] === 'text' ? 'text' : kind === 'link' ? 'url' : 'to';
        context.addIssue({ code: 'custom', path: [`${name}-${row}`], message: issue.message });
      }
      continue;
    }
    kept.push({ position, row, entry: parsed.data });
  }
  // An empty menu is refused: it would leave readers no way around, and an empty form is a mistake.
  if (kept.length === 0) context.addIssue({ code: 'custom', path: ['menu'], message: 'Keep at least one entry.' });
  if (kept.length > MAX_MENU_ENTRIES) {
    context.addIssue({ code: 'custom', path: ['menu'], message: `Keep the menu to ${MAX_MENU_ENTRIES} entries.` });
  }
  // An entry given another row's number takes that place: it goes before the one that was there.
  const moved = (item: { position: number; row: number }) => (item.position === item.row + 1 ? 1 : 0);
  return kept.sort((a, b) => a.position - b.position || moved(a) - moved(b) || a.row - b.row).map((item) => item.entry);
});
