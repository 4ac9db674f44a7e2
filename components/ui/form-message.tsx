import type { FormState } from '@/lib/form-state';

/** The form's overall result, announced to screen readers when it changes. */
export function FormMessage({ state }: { state: FormState }) {
  if (state.status === 'idle' || !state.message) return <div role="status" aria-live="polite" />;
  const tone =
    state.status === 'error'
      ? 'border-accent bg-red-50 text-accent-dark'
      : 'border-green-700 bg-green-50 text-green-900';
  return (
    <div
      role={state.status === 'error' ? 'alert' : 'status'}
      className={`break-words rounded border-l-4 px-4 py-3 text-sm font-semibold ${tone}`}
    >
      {state.message}
      {state.details && state.details.length > 0 && (
        <ul className="mt-2 list-disc pl-5 font-normal">
          {state.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
