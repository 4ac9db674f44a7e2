import type { Metadata } from 'next';
import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { getDb } from '@/lib/db';
import { listAdRequests } from '@/db/queries/ad-requests';
import { decideAdRequestAction } from '@/lib/ads/actions';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'Ad requests' };

export default async function AdRequestsPage() {
  await requirePermission('ads:manage');
  const requests = await listAdRequests(await getDb());
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Ad requests</h1>
      <p className="mb-6 text-sm">
        <Link href="/dashboard/ads" className="text-accent hover:underline">
          Back to the ads
        </Link>
      </p>
      {requests.length === 0 && <p className="text-muted">No requests yet.</p>}
      <ul className="space-y-3">
        {requests.map(({ request, slotName, slotWidth, slotHeight }) => (
          <li key={request.id} className="rounded border border-rule bg-white p-4 text-sm">
            <p>
              <strong>{request.company}</strong> &lt;{request.email}&gt; · {slotName} ({slotWidth}×{slotHeight}) · from{' '}
              {request.startDate} for {request.weeks} week{request.weeks === 1 ? '' : 's'} ·{' '}
              <span className="font-semibold">{request.status}</span>
            </p>
            {request.message && <p className="mt-2 whitespace-pre-wrap">{request.message}</p>}
            {request.creativeUrl && <p className="mt-2">A creative was sent with the request.</p>}
            {request.status === 'new' ? (
              <form action={decideAdRequestAction} className="mt-3 flex gap-2">
                <input type="hidden" name="id" value={request.id} />
                <Button type="submit" name="decision" value="accept">
                  Accept<span className="sr-only"> {request.company}</span>
                </Button>
                <Button type="submit" name="decision" value="decline" variant="secondary">
                  Decline<span className="sr-only"> {request.company}</span>
                </Button>
              </form>
            ) : (
              request.adId && (
                <p className="mt-2">
                  <Link href={`/dashboard/ads/${request.adId}`} className="text-accent hover:underline">
                    Open the ad
                  </Link>
                </p>
              )
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
