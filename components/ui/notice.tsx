const tones = {
  ok: 'border-green-700 bg-green-50 text-green-900',
  error: 'border-accent bg-red-50 text-accent-dark',
};

/** A page-level message: announced politely when it reports success, at once when something went wrong. */
export function Notice({ tone, children }: { tone: keyof typeof tones; children: React.ReactNode }) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      className={`mb-4 rounded border-l-4 px-4 py-3 text-sm font-semibold ${tones[tone]}`}
    >
      {children}
    </p>
  );
}
