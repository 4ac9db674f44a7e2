import { revalidateTag } from 'next/cache';
import { tags } from './tags';

/**
 * Marks cached data stale at once ({ expire: 0 }): the next request regenerates the page instead of being
 * served the old one, so a change is live on the following page view.
 */
export function revalidateTags(names: string[]): void {
  for (const name of new Set(names)) revalidateTag(name, { expire: 0 });
}

/** A post changed: its article (under each slug it had), and every listing when it is or was live. */
export function revalidatePost({ slugs, listings }: { slugs: string[]; listings: boolean }): void {
  revalidateTags([...slugs.map(tags.post), ...(listings ? [tags.posts] : [])]);
}
