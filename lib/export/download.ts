import 'server-only';
import { Readable } from 'node:stream';
import { requirePermission } from '@/lib/auth/current-user';
import { getDb, type Database } from '@/lib/db';
import { env } from '@/lib/env';
import { getSettings } from '@/lib/settings/queries';
import { slugify } from '@/lib/slug';

/** `the-harbour-ledger-2026-12-04.tar.gz`: the site's name and the day, so downloads of two sites never mix. */
export function exportFileName(siteTitle: string, extension: string, now = new Date()): string {
  return `${slugify(siteTitle) || 'broadsheet'}-${now.toISOString().slice(0, 10)}${extension}`;
}

/**
 * The answer of an export route: admins only (checked here, on the server), streamed as it is read, as an
 * attachment named after the site and the day.
 */
export async function exportDownload(
  extension: string,
  contentType: string,
  stream: (db: Database, siteUrl: string) => Promise<Readable>,
): Promise<Response> {
  await requirePermission('export');
  const { title } = await getSettings();
  const body = await stream(await getDb(), env().SITE_URL);
  return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${exportFileName(title, extension)}"`,
      'cache-control': 'no-store',
    },
  });
}
