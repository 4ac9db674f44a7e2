import Link from 'next/link';

type PageLink = {
  href: string;
  label: string;
  /** False for a page a background fetch must not cache ahead of a change (a live post the editor is saving). */
  prefetch?: false;
};

/** A dashboard page's title, with links to related pages and, when it has one, its main "New …" link on the right. */
export function PageHeading({ title, links = [], primary }: { title: string; links?: PageLink[]; primary?: PageLink }) {
  return (
    <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      {(links.length > 0 || primary) && (
        <p className="flex items-center gap-4">
          {links.map((link) => (
            <Link
              key={link.href}
              href={link.href}
              prefetch={link.prefetch}
              className="text-sm font-semibold hover:text-accent"
            >
              {link.label}
            </Link>
          ))}
          {primary && (
            <Link
              href={primary.href}
              className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-black"
            >
              {primary.label}
            </Link>
          )}
        </p>
      )}
    </div>
  );
}
