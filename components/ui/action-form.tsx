'use client';

import { useActionState } from 'react';
import { idle, type FormState } from '@/lib/form-state';
import { Button } from './button';
import { Field, inputClass } from './field';
import { FormMessage } from './form-message';

export type FieldSpec = {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'number' | 'textarea' | 'select' | 'url' | 'file' | 'datetime-local' | 'date';
  accept?: string;
  /** For number and time fields: the smallest change (1 lets a time carry seconds). */
  step?: number;
  defaultValue?: string;
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  options?: { value: string; label: string }[];
};

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  submitLabel: string;
  /** Hidden fields sent with the form (an id, for instance). */
  hidden?: Record<string, string>;
};

/**
 * A form posted to a server action: works without JavaScript, shows the action's message and per-field errors,
 * and keeps what was typed when the action refuses it.
 */
export function ActionForm({ action, fields, submitLabel, hidden = {} }: Props) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="max-w-xl space-y-4">
      <FormMessage state={state} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => {
        const error = state.fieldErrors?.[field.name];
        // Passwords and files are never sent back; everything else shows what was submitted.
        const value =
          field.type === 'password' || field.type === 'file'
            ? undefined
            : (state.values?.[field.name] ?? field.defaultValue);
        if (field.type === 'textarea' || field.type === 'select') {
          return (
            <Field key={field.name} label={field.label} name={field.name} error={error} hint={field.hint}>
              {(control) =>
                field.type === 'textarea' ? (
                  <textarea {...control} defaultValue={value} rows={4} className={inputClass(Boolean(error))} />
                ) : (
                  // Keyed by its value: React's reset after an action would otherwise put back the first option.
                  <select key={value} {...control} defaultValue={value} className={inputClass(Boolean(error))}>
                    {field.options?.map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                )
              }
            </Field>
          );
        }
        return (
          <Field
            key={field.name}
            label={field.label}
            name={field.name}
            type={field.type ?? 'text'}
            defaultValue={value}
            error={error}
            hint={field.hint}
            required={field.required}
            autoComplete={field.autoComplete}
            accept={field.accept}
            step={field.step}
          />
        );
      })}
      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
