import { listPosts, type PostFilter } from '@/lib/posts/queries';
import { getSettings } from '@/lib/settings/queries';
import { listingPageHref, Pager } from './pager';
import { SiteFrame } from './site-frame';
import { PostList } from './post-list';
import { NotFoundHere } from './site-not-found';

type Props = {
  heading: string;
  /** The home page names itself for screen readers only; other listings show their heading. */
  headingHidden?: boolean;
  intro?: React.ReactNode;
  filter: PostFilter;
  /** How many live posts the listing holds: its pages run from 1 to the last that has posts. */
  total: number;
  page: number;
  basePath: string;
};

/** A paged list of posts: home, label, author and month pages all render through here. */
export async function Listing({ heading, headingHidden, intro, filter, total, page, basePath }: Props) {
  const settings = await getSettings();
  // Checked before reading the page, so that /page/999999 stores no empty read of its own. Page 1 always exists:
  // a new site's front page, before its first post.
  if (page > Math.max(1, Math.ceil(total / settings.postsPerPage))) return <NotFoundHere />;
  const { posts, hasMore } = await listPosts({ ...filter, page, perPage: settings.postsPerPage });
  return (
    <SiteFrame>
      <h1 className={headingHidden ? 'sr-only' : 'mb-6 font-serif text-3xl font-bold'}>
        {heading}
        {page > 1 && `, page ${page}`}
      </h1>
      {intro}
      <PostList posts={posts} timeZone={settings.timeZone} />
      <Pager pageHref={listingPageHref(basePath)} page={page} hasOlder={hasMore} />
    </SiteFrame>
  );
}
