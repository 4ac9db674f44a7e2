'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { importSubscribersAction, type ImportState } from '@/lib/subscribers/admin-actions';

/** The CSV import, with each refused row and its reason listed under the result. */
export function SubscriberImport() {
  const [state, action, pending] = useActionState<ImportState, FormData>(importSubscribersAction, { status: 'idle' });
  return (
    <form action={action} className="max-w-xl space-y-3">
      <FormMessage state={state} />
      {state.refused && state.refused.length > 0 && (
        <ul aria-label="Refused rows" className="list-disc space-y-1 pl-5 text-sm">
          {state.refused.map((row) => (
            <li key={row.line}>
              Line {row.line} ({row.email || 'no address'}): {row.reason}
            </li>
          ))}
        </ul>
      )}
      <Field
        label="CSV file"
        name="file"
        type="file"
        accept=".csv,text/csv"
        required
        error={state.fieldErrors?.file}
        hint="A first row naming an “email” and a “consent” column; only rows whose consent says yes are added."
      />
      <Button type="submit" disabled={pending}>
        Import
      </Button>
    </form>
  );
}
