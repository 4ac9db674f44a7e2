import { contentDisposition, storage, UPLOAD_CACHE_CONTROL } from '@/lib/storage';

/**
 * Uploaded images, streamed from storage (the disk, or the S3 bucket when S3_BUCKET is set) with the type they were
 * stored as; nosniff, so a browser never takes them for anything else. Names are random and never reused, so they
 * can be cached for a year. Storage refuses keys that would leave its folder (`..` and the like): those answer 404
 * as any unknown file does.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const file = await (await storage()).get((await params).path.join('/'));
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(file.body, {
    headers: {
      'Content-Type': file.type,
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(file.type),
      'Cache-Control': UPLOAD_CACHE_CONTROL,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
