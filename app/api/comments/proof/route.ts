import { cookies } from 'next/headers';
import { commenterProofCookie, provenCommentIds } from '@/lib/comments/commenter-proof';

export const dynamic = 'force-dynamic';

/**
 * Keeps the commenter proof the comment form was given (lib/comments/actions.ts) as this browser's cookie. Only a
 * proof we signed is kept, so a browser can hold no more than the comments it was told it wrote.
 */
export async function POST(request: Request) {
  const proof = (await request.text()).slice(0, 1024);
  if (provenCommentIds(proof).length === 0) return new Response(null, { status: 400 });
  (await cookies()).set(commenterProofCookie(proof));
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
