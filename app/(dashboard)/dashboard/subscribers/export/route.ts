import { requirePermission } from '@/lib/auth/current-user';
import { subscribersCsv } from '@/lib/subscribers/pages';

export const dynamic = 'force-dynamic';

/** Every address as CSV, for admins and editors. */
export async function GET() {
  await requirePermission('subscribers:manage');
  return new Response(await subscribersCsv(), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="subscribers-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
