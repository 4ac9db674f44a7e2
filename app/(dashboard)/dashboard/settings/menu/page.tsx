import type { Metadata } from 'next';
import { MenuEditor } from '@/components/dashboard/menu-editor';
import { PageHeading } from '@/components/dashboard/page-heading';
import { requirePermission } from '@/lib/auth/current-user';
import { can } from '@/lib/auth/permissions';
import { listPublishedPages } from '@/lib/pages/queries';
import { listLabels } from '@/lib/posts/queries';
import { builtInPages } from '@/lib/settings/menu';
import { getMenu } from '@/lib/settings/queries';

export const metadata: Metadata = { title: 'Header menu' };

export default async function MenuPage() {
  // Editors manage pages, and so the menu that leads to them; the rest of the settings are an admin's.
  const user = await requirePermission('pages:manage');
  const [menu, pages, labels] = await Promise.all([getMenu(), listPublishedPages(), listLabels()]);
  const choices = [
    {
      group: 'Built-in pages',
      options: Object.entries(builtInPages).map(([key, page]) => ({ value: `builtin:${key}`, label: page.text })),
    },
    { group: 'Pages', options: pages.map((page) => ({ value: `page:${page.slug}`, label: page.title })) },
    { group: 'Labels', options: labels.map((label) => ({ value: `label:${label.slug}`, label: label.name })) },
  ].filter((group) => group.options.length > 0);
  const links = [
    { href: '/dashboard/pages', label: 'Pages' },
    ...(can(user.role, 'settings:manage') ? [{ href: '/dashboard/settings', label: 'All settings' }] : []),
  ];
  return (
    <>
      <PageHeading title="Header menu" links={links} />
      <p className="mb-6 max-w-2xl text-sm text-muted">
        The links under the site&apos;s name, in the order of their positions. A page can be chosen once it is
        published. Leave a row empty, or tick Remove, to leave it out.
      </p>
      <MenuEditor menu={menu} choices={choices} />
    </>
  );
}
