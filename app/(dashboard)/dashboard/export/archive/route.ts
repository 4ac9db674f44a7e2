import { ARCHIVE_EXTENSION, archiveStream } from '@/lib/export/archive';
import { exportDownload } from '@/lib/export/download';
import { storage } from '@/lib/storage';

export const dynamic = 'force-dynamic';

/** The whole site as our archive (admins), for `npm run import` to restore. */
export async function GET() {
  return exportDownload(ARCHIVE_EXTENSION, 'application/gzip', async (db, siteUrl) =>
    archiveStream(db, await storage(), siteUrl),
  );
}
