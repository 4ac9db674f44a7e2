'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { reportCommentAction } from '@/lib/comments/actions';
import { idle } from '@/lib/form-state';

export function ReportForm({ commentId }: { commentId: number }) {
  const [state, action, pending] = useActionState(reportCommentAction, idle);
  if (state.status === 'ok') return <FormMessage state={state} />;
  return (
    <form action={action} className="flex flex-wrap items-end gap-2 text-sm">
      <FormMessage state={state} />
      <input type="hidden" name="commentId" value={commentId} />
      <label className="flex-1">
        <span className="mb-1 block font-semibold">Why are you reporting this comment? (optional)</span>
        <input name="reason" maxLength={500} className="w-full rounded border border-gray-400 bg-white px-2 py-1" />
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded border border-accent px-3 py-1 font-semibold text-accent hover:bg-accent hover:text-white"
      >
        Send report
      </button>
    </form>
  );
}
