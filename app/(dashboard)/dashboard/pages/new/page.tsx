import type { Metadata } from 'next';
import { PageEditor } from '@/components/dashboard/page-editor';
import { PageHeading } from '@/components/dashboard/page-heading';
import { requirePermission } from '@/lib/auth/current-user';

export const metadata: Metadata = { title: 'New page' };

export default async function NewPagePage() {
  await requirePermission('pages:manage');
  return (
    <>
      <PageHeading title="New page" links={[{ href: '/dashboard/pages', label: 'All pages' }]} />
      <PageEditor page={{ title: '', slug: '', bodyHtml: '', status: 'draft' }} />
    </>
  );
}
