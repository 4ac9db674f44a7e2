'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { AppCodeField } from './app-code-field';
import { FormMessage } from '@/components/ui/form-message';
import { idle, type FormState } from '@/lib/form-state';
import { RecoveryCodes } from './recovery-codes';

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The secret being set up, as a QR picture and as text; null when nothing is being set up. */
  setup: { picture: React.ReactNode; secretText: string } | null;
};

/**
 * The last step of setting up: a code from the app turns it on, and the recovery codes are shown, this once. Kept
 * in one place on the page whatever the page shows around it, so the codes stay on screen after the answer.
 */
export function TurnOnTwoFactor({ action, setup }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  if (state.secrets) return <RecoveryCodes state={state} codes={state.secrets} />;
  if (!setup) return null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start gap-6">
        <div className="w-48 shrink-0 rounded border border-rule bg-white">{setup.picture}</div>
        <div className="min-w-56 flex-1 space-y-2">
          <p>1. Scan this QR code with your authenticator app (1Password, Google Authenticator, Aegis…).</p>
          <p>Or type this key into it:</p>
          <p>
            <code data-secret className="rounded bg-gray-100 px-2 py-1 font-mono text-base leading-loose">
              {setup.secretText}
            </code>
          </p>
        </div>
      </div>
      <form action={formAction} className="max-w-sm space-y-4">
        <p>2. Type the code the app shows for this site.</p>
        <FormMessage state={state} />
        <AppCodeField label="Authentication code" state={state} />
        <Button type="submit" disabled={pending}>
          Turn on two-factor sign-in
        </Button>
      </form>
    </div>
  );
}
