import type { Metadata } from 'next';
import { labelFeedPath } from '@/lib/feeds/news-feed';
import { alternates } from '@/lib/seo';
import { mailEnabled } from '@/lib/mail';
import { formatMonth, monthRange, yearRange } from '@/lib/dates';
import { authorPath, labelPath, monthPath, parseYear, parseYearMonth, yearPath } from '@/lib/posts/permalink';
import { getAuthor, getLiveLabel, listArchiveMonths } from '@/lib/posts/queries';
import { getSettings } from '@/lib/settings/queries';
import { MonthLinks } from './archive-widget';
import { Listing } from './listing';
import { NotFoundHere } from './site-not-found';

/**
 * The listings (home, label, author, month, year), each reachable at its own URL and at `.../page/N`.
 * Both route files of a listing render through the same function here. A label, author, month or year with no live
 * post is not a page (404): a draft's label stays unpublished, and made-up months (/1800/01) leave nothing in the
 * cache. Each knows its number of posts from a read shared by every address of its kind, so that the pages past
 * the last are 404s that read nothing of their own.
 */

const pageSuffix = (page: number) => (page > 1 ? `/page/${page}` : '');

export async function HomeListing({ page }: { page: number }) {
  const settings = await getSettings();
  const months = await listArchiveMonths(settings.timeZone);
  return (
    <Listing
      heading={`${settings.title}: latest news`}
      headingHidden
      filter={{}}
      total={postsIn(months)}
      page={page}
      basePath=""
    />
  );
}

const postsIn = (months: { count: number }[]) => months.reduce((sum, month) => sum + month.count, 0);

export async function homeMetadata(page: number): Promise<Metadata> {
  const settings = await getSettings();
  const url = pageSuffix(page) || '/';
  return {
    title: page > 1 ? `Latest news, page ${page}` : { absolute: settings.title },
    alternates: alternates(url),
    openGraph: { title: settings.title, description: settings.description, url },
  };
}

export async function LabelListing({ slug, page }: { slug: string; page: number }) {
  const label = await getLiveLabel(slug);
  if (!label) return <NotFoundHere />;
  return (
    <Listing
      heading={`Posts labelled ${label.name}`}
      intro={
        <p className="-mt-3 mb-8 text-sm">
          <a href={labelFeedPath(slug)} className="font-semibold text-accent hover:underline">
            Follow {label.name} by RSS
          </a>
          {mailEnabled() && (
            <>
              {' · '}
              <a
                href={`/follow?label=${encodeURIComponent(slug)}`}
                className="font-semibold text-accent hover:underline"
              >
                Follow {label.name} by email
              </a>
            </>
          )}
        </p>
      }
      filter={{ labelSlug: slug }}
      total={label.count}
      page={page}
      basePath={labelPath(slug)}
    />
  );
}

export async function labelMetadata(slug: string, page: number): Promise<Metadata> {
  const label = await getLiveLabel(slug);
  if (!label) return {};
  const url = labelPath(slug) + pageSuffix(page);
  return {
    title: `${label.name}${page > 1 ? `, page ${page}` : ''}`,
    description: `News labelled ${label.name}.`,
    alternates: alternates(url, { url: labelFeedPath(slug), title: label.name }),
    openGraph: { title: label.name, url },
  };
}

export async function AuthorListing({ slug, page }: { slug: string; page: number }) {
  const author = await getAuthor(slug);
  if (!author?.livePosts) return <NotFoundHere />;
  return (
    <Listing
      heading={author.name}
      intro={author.bio && <p className="-mt-3 mb-8 text-muted">{author.bio}</p>}
      filter={{ authorSlug: slug }}
      total={author.livePosts}
      page={page}
      basePath={authorPath(slug)}
    />
  );
}

export async function authorMetadata(slug: string, page: number): Promise<Metadata> {
  const author = await getAuthor(slug);
  if (!author?.livePosts) return {};
  const url = authorPath(slug) + pageSuffix(page);
  return {
    title: `${author.name}${page > 1 ? `, page ${page}` : ''}`,
    description: author.bio || `Posts by ${author.name}.`,
    alternates: alternates(url),
    openGraph: { title: author.name, url, type: 'profile' },
  };
}

export async function MonthListing({ year, month, page }: { year: string; month: string; page: number }) {
  const yearMonth = parseYearMonth(year, month);
  if (!yearMonth) return <NotFoundHere />;
  const settings = await getSettings();
  const months = await listArchiveMonths(settings.timeZone);
  const posts = months.find((month) => month.year === yearMonth.year && month.month === yearMonth.month)?.count;
  if (!posts) return <NotFoundHere />;
  const { from, to } = monthRange(yearMonth, settings.timeZone);
  return (
    <Listing
      heading={`Posts from ${formatMonth(yearMonth)}`}
      filter={{ from, to }}
      total={posts}
      page={page}
      basePath={monthPath(yearMonth.year, yearMonth.month)}
    />
  );
}

export async function monthMetadata(year: string, month: string, page: number): Promise<Metadata> {
  const yearMonth = parseYearMonth(year, month);
  if (!yearMonth) return {};
  const url = `${monthPath(yearMonth.year, yearMonth.month)}${pageSuffix(page)}`;
  return {
    title: `${formatMonth(yearMonth)}${page > 1 ? `, page ${page}` : ''}`,
    alternates: alternates(url),
    openGraph: { title: formatMonth(yearMonth), url },
  };
}

export async function YearListing({ year: param, page }: { year: string; page: number }) {
  const year = parseYear(param);
  if (year === null) return <NotFoundHere />;
  const settings = await getSettings();
  const months = (await listArchiveMonths(settings.timeZone)).filter((month) => month.year === year);
  if (months.length === 0) return <NotFoundHere />;
  return (
    <Listing
      heading={`Posts from ${year}`}
      intro={
        <nav aria-label={`Months of ${year}`} className="-mt-3 mb-8">
          <MonthLinks months={months} className="flex flex-wrap gap-x-4 gap-y-1 text-sm" />
        </nav>
      }
      filter={yearRange(year, settings.timeZone)}
      total={postsIn(months)}
      page={page}
      basePath={yearPath(year)}
    />
  );
}

export async function yearMetadata(param: string, page: number): Promise<Metadata> {
  const year = parseYear(param);
  if (year === null) return {};
  const url = `${yearPath(year)}${pageSuffix(page)}`;
  return {
    title: `${year}${page > 1 ? `, page ${page}` : ''}`,
    alternates: alternates(url),
    openGraph: { title: String(year), url },
  };
}
