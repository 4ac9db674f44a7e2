/**
 * The names of cached data. A write revalidates exactly the tags it touches (lib/cache/revalidate),
 * and Next then regenerates every page that read them.
 */
export const tags = {
  /** Any listing of published posts: home, label, author and archive pages, feed, sitemap, sidebar widgets. */
  posts: 'posts',
  post: (slug: string) => `post:${slug}`,
  label: (slug: string) => `label:${slug}`,
  author: (slug: string) => `author:${slug}`,
  comments: (postId: number) => `comments:${postId}`,
  ads: 'ads',
  settings: 'settings',
  /** Any listing of published pages: the sitemap, the menu editor's choices. */
  pages: 'pages',
  page: (slug: string) => `page:${slug}`,
  /** The header menu's entries, in every reader's page. */
  menu: 'menu',
} as const;
