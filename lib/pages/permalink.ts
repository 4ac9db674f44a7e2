/** A page's address: Blogger's /p/SLUG (its /p/SLUG.html form redirects here, next.config.ts). */
export function pagePath(slug: string): string {
  return `/p/${slug}`;
}
