import { exportDownload } from '@/lib/export/download';
import { wxrStream } from '@/lib/export/wxr';

export const dynamic = 'force-dynamic';

/** Posts, pages, labels and comments as a WordPress export (admins), to move to WordPress. */
export async function GET() {
  return exportDownload('.xml', 'application/xml; charset=utf-8', async (db, siteUrl) => wxrStream(db, siteUrl));
}
