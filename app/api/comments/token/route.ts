import { issueFormToken } from '@/lib/comments/form-token';

// The article page is static, so its comment form asks here for a stamp of when it was really shown.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ token: issueFormToken() }, { headers: { 'Cache-Control': 'no-store' } });
}
