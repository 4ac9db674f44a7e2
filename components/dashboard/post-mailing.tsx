import { Button } from '@/components/ui/button';
import { resendFailedAction } from '@/lib/subscribers/admin-actions';
import type { SendingReport } from '@/lib/subscribers/mailing';
import { subscriberMessages } from '@/lib/subscribers/messages';

/** A post's mailing to its followers: how far it got, what failed and why, and a button to try the failed again. */
export function PostMailing({
  postId,
  report,
  canResend,
}: {
  postId: number;
  report: SendingReport;
  canResend: boolean;
}) {
  const { dashboard: words } = subscriberMessages;
  return (
    <section aria-labelledby="mailing-heading" className="mt-8 rounded border border-rule bg-white p-4 text-sm">
      <h2 id="mailing-heading" className="mb-2 font-semibold">
        Email to followers
      </h2>
      <p>
        {words.sent(report.sent, report.total)}
        {report.waiting > 0 && `; ${words.waiting(report.waiting)}`}
        {report.failed > 0 && `; ${words.failed(report.failed)}`}
      </p>
      {report.failures.length > 0 && (
        <ul aria-label="Failures" className="mt-2 list-disc space-y-1 pl-5">
          {report.failures.map((failure) => (
            <li key={failure.email} className="break-words">
              {failure.email}: {failure.error}
            </li>
          ))}
        </ul>
      )}
      {canResend && report.failed > 0 && (
        <form action={resendFailedAction} className="mt-3">
          <input type="hidden" name="postId" value={postId} />
          <Button type="submit" variant="secondary">
            Resend to failed
          </Button>
        </form>
      )}
    </section>
  );
}
