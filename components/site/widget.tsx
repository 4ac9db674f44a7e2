import { slugify } from '@/lib/slug';

export function Widget({ title, children }: { title: string; children: React.ReactNode }) {
  const headingId = `widget-${slugify(title)}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-3 border-b-2 border-ink pb-1 text-sm font-bold uppercase tracking-wider">
        {title}
      </h2>
      {children}
    </section>
  );
}
