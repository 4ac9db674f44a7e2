import { jsonForScript } from '@/lib/seo';

/** Linked data for search engines, in the page (JSON-LD): no script runs, browsers ignore it. */
export function StructuredData({ data }: { data: object }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />;
}
