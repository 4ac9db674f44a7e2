'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { AppCodeField } from './app-code-field';
import { FormMessage } from '@/components/ui/form-message';
import { idle, type FormState } from '@/lib/form-state';
import { RecoveryCodes } from './recovery-codes';

type Props = { action: (state: FormState, formData: FormData) => Promise<FormState> };

/** "Make new recovery codes": a code from the app in, ten new codes out (shown this once), the old ones void. */
export function NewRecoveryCodes({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  if (state.secrets) return <RecoveryCodes state={state} codes={state.secrets} />;
  return (
    <form action={formAction} className="max-w-sm space-y-4" aria-labelledby="new-recovery-codes">
      <h3 id="new-recovery-codes" className="font-semibold">
        New recovery codes
      </h3>
      <p>Used some, or lost them? Make ten new ones: the old ones stop working.</p>
      <FormMessage state={state} />
      <AppCodeField label="Code from your app" state={state} />
      <Button type="submit" disabled={pending}>
        Make new recovery codes
      </Button>
    </form>
  );
}
