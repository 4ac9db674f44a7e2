'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { forgetAction, savePreferencesAction, unsubscribeAction } from '@/lib/subscribers/actions';
import type { FormState } from '@/lib/form-state';
import type { Preferences } from '@/lib/subscribers/preferences';

type Props = { token: string; preferences: Preferences; labels: { id: number; name: string }[] };

const buttonClass = 'rounded px-4 py-2 font-semibold';

/** A subscriber's choices: what to follow, how often; unsubscribe; forget the address. Works without JavaScript. */
export function PreferencesForm({ token, preferences, labels }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(savePreferencesAction, { status: 'idle' });
  const following = new Set(preferences.labelIds);
  const active = preferences.status === 'confirmed';
  return (
    <>
      {active ? (
        <form action={unsubscribeAction}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className={`${buttonClass} bg-accent text-white hover:bg-accent-dark`}>
            Unsubscribe
          </button>
        </form>
      ) : (
        <p className="font-semibold">
          {preferences.status === 'bouncing'
            ? 'Mail to this address is bouncing, so nothing is sent. Subscribe again from the site once it works.'
            : 'You receive nothing. Save your choices below to receive stories again.'}
        </p>
      )}
      <form action={action} className="space-y-4 rounded border border-rule bg-white p-4">
        {state.status !== 'idle' && <FormMessage state={state} />}
        <input type="hidden" name="token" value={token} />
        <fieldset className="space-y-2">
          <legend className="mb-1 font-semibold">What you follow</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="wholeSite" value="yes" defaultChecked={preferences.wholeSite} />
            Every story
          </label>
          {labels.length > 0 && <p className="text-sm text-muted">Or only stories labelled:</p>}
          <ul className="flex flex-wrap gap-x-4 gap-y-2">
            {labels.map((label) => (
              <li key={label.id}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    name={`label-${label.id}`}
                    value="yes"
                    defaultChecked={following.has(label.id)}
                  />
                  {label.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="mb-1 font-semibold">How often</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="frequency" value="each" defaultChecked={preferences.frequency === 'each'} />
            Each story as it is published
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="frequency" value="daily" defaultChecked={preferences.frequency === 'daily'} />
            One digest a day
          </label>
        </fieldset>
        <button
          type="submit"
          disabled={pending}
          className={`${buttonClass} border border-gray-400 bg-white hover:bg-gray-50 disabled:opacity-60`}
        >
          Save choices
        </button>
      </form>
      <form action={forgetAction} className="space-y-2">
        <input type="hidden" name="token" value={token} />
        <p className="text-sm">“Forget me” deletes your address and everything we keep about it.</p>
        <button type="submit" className={`${buttonClass} border border-accent bg-white text-accent hover:bg-red-50`}>
          Forget me
        </button>
      </form>
    </>
  );
}
