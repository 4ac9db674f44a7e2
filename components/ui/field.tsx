import { useId } from 'react';

type FieldProps = {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  children?: (props: {
    id: string;
    name: string;
    'aria-invalid'?: true;
    'aria-describedby'?: string;
  }) => React.ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'children'>;

/** A labelled form field with its hint and error wired up for screen readers. */
export function Field({ label, name, error, hint, children, className, ...input }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const control = {
    id,
    name,
    ...(error && { 'aria-invalid': true as const }),
    ...(describedBy && { 'aria-describedby': describedBy }),
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-semibold">
        {label}
      </label>
      {children ? children(control) : <input {...input} {...control} className={inputClass(Boolean(error))} />}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="mt-1 text-sm font-semibold text-accent">
          {error}
        </p>
      )}
    </div>
  );
}

export function inputClass(invalid = false): string {
  return `block w-full rounded border bg-white px-3 py-2 text-base ${invalid ? 'border-accent' : 'border-gray-400'}`;
}
