import { Field } from '@/components/ui/field';
import type { FormState } from '@/lib/form-state';

/** The six digits an authenticator app shows, as typed last (kept after a refusal) with the refusal's reason. */
export function AppCodeField({ label, state }: { label: string; state: FormState }) {
  return (
    <Field
      label={label}
      name="code"
      inputMode="numeric"
      autoComplete="one-time-code"
      required
      defaultValue={state.values?.code}
      error={state.fieldErrors?.code}
    />
  );
}
