import { readAdvertiserReport } from '@/lib/ads/report-access';
import { reportCsv } from '@/lib/ads/report';
import { slugify } from '@/lib/slug';

export const dynamic = 'force-dynamic';

/** The advertiser's report as CSV, for the same token and range as the page. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const report = await readAdvertiserReport((await params).token, query);
  if (!report) return new Response('No such report.', { status: 404 });
  const name = `${slugify(report.ad.advertiser) || 'ad'}-${report.range.from}-${report.range.to}.csv`;
  return new Response(reportCsv(report.days), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex',
    },
  });
}
