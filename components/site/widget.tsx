import { slugify } from '@/lib/slug';

export function Widget({ title, children }: { title: string; children: React.ReactNode }) {
  const headingId = `widget-${slugify(title)}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="widget-heading">
        {title}
      </h2>
      {children}
    </section>
  );
}
