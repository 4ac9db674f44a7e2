export function Widget({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`widget-${title}`}>
      <h2
        id={`widget-${title}`}
        className="mb-3 border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-wider"
      >
        {title}
      </h2>
      {children}
    </section>
  );
}
