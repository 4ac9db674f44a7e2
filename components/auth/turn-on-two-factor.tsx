'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { idle, type FormState } from '@/lib/form-state';

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
        <Field
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          defaultValue={state.values?.code}
          error={state.fieldErrors?.code}
        />
        <Button type="submit" disabled={pending}>
          Turn on two-factor sign-in
        </Button>
      </form>
    </div>
  );
}

function RecoveryCodes({ state, codes }: { state: FormState; codes: string[] }) {
  return (
    <section aria-labelledby="recovery-codes" className="max-w-xl space-y-4">
      <FormMessage state={state} />
      <h2 id="recovery-codes" className="font-serif text-2xl font-bold">
        Your recovery codes
      </h2>
      <p>
        Each one signs you in once, instead of a code from your app, if you lose your phone. Keep them somewhere safe,
        such as your password manager: they are not shown again.
      </p>
      <ol className="grid grid-cols-2 gap-2 rounded border border-rule bg-white p-4 font-mono text-lg">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <p>
        <Link href="/dashboard/profile" className="font-semibold text-accent hover:underline">
          Done: back to your profile
        </Link>
      </p>
    </section>
  );
}
