import { requirePermission } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { startUploadedImport } from '@/lib/import/imports';
import { isSameOrigin } from '@/lib/request/same-origin';

/**
 * The import form's upload (/dashboard/import posts here): a route, not a server action, so that a 200 MB export
 * streams to disk instead of meeting the actions' 8 MB body limit, and outside /dashboard so that the proxy (which
 * copies the bodies of the requests it sees, up to 10 MB) never touches it. Answers with a redirect back to the page
 * (303: the browser follows it with a GET), which shows the progress or why the file was not taken.
 */
export async function POST(request: Request): Promise<Response> {
  const user = await requirePermission('import');
  if (!isSameOrigin(request.headers)) return new Response('Forbidden', { status: 403 });
  const started = await startUploadedImport(await getDb(), request, user.id);
  const to = started.ok ? '/dashboard/import?started=1' : `/dashboard/import?refused=${started.reason}`;
  return new Response(null, { status: 303, headers: { location: to, 'cache-control': 'no-store' } });
}
