import { checkHealth } from '@/lib/health';

// Asked every few seconds by whatever watches the instances: answered from the live parts, never from a cache.
export const dynamic = 'force-dynamic';

export async function GET() {
  const { ready, parts } = await checkHealth();
  return Response.json(parts, { status: ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
