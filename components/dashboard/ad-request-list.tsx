import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { decideAdRequestAction } from '@/lib/ads/actions';
import type { AdRequestListing } from '@/lib/ads/queries';

/** Booking requests as they came in, each new one with its Accept and Decline buttons, the others with their ad. */
export function AdRequestList({ requests }: { requests: AdRequestListing[] }) {
  if (requests.length === 0) return <p className="text-muted">No requests yet.</p>;
  return (
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
  );
}
