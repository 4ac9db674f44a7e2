'use client';

import { useActionState, useId } from 'react';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { followAction, type FollowFormState } from '@/lib/subscribers/actions';

type Props = {
  /** The label to follow alone (its slug); without it, the whole site. */
  label?: string;
  token: string;
  initialState?: FollowFormState;
};

/**
 * "Follow by email": an address and a button. A plain form post works without JavaScript (the answer is its own
 * page, /follow, so cached pages stay cached); with it the answer shows in place.
 */
export function FollowForm({ label, token, initialState }: Props) {
  const [state, action, pending] = useActionState<FollowFormState, FormData>(
    followAction,
    initialState ?? { status: 'idle' },
  );
  const honeypotId = useId();
  return (
    <form action={action} className="space-y-3">
      {/* Only once there is an answer: an empty live region in every page's sidebar would be one more "status". */}
      {state.status !== 'idle' && <FormMessage state={state} />}
      {label && <input type="hidden" name="label" value={label} />}
      <input type="hidden" name="token" value={state.token ?? token} />
      {/* Invisible to people and to screen readers: only bots fill it in (as on the comment form). */}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor={honeypotId}>Website</label>
        <input id={honeypotId} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <Field
        label="Email"
        name="email"
        type="email"
        required
        maxLength={254}
        autoComplete="email"
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
      >
        Subscribe
      </button>
    </form>
  );
}
