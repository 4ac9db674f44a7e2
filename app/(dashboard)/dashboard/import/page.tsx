import type { Metadata } from 'next';
import { PageHeading } from '@/components/dashboard/page-heading';
import { ImportStatus } from '@/components/dashboard/import-status';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { Notice } from '@/components/ui/notice';
import { requirePermission } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { importMessages } from '@/lib/import/messages';
import { currentImport } from '@/lib/import/queries';

export const metadata: Metadata = { title: 'Import' };

type Props = { searchParams: Promise<{ refused?: string }> };

export default async function ImportPage({ searchParams }: Props) {
  await requirePermission('import');
  const current = await currentImport();
  const running = current?.status === 'queued' || current?.status === 'running';
  const { refused } = await searchParams;
  const reasons = importMessages.refused;
  const refusal = refused && refused in reasons ? reasons[refused as keyof typeof reasons](env().IMPORT_MAX_MB) : null;
  return (
    <>
      <PageHeading title="Import" />
      <p className="mb-6 max-w-2xl text-sm text-muted">{importMessages.intro}</p>
      {current && <ImportStatus current={current} />}
      {!running && (
        // A plain multipart form posted to a route (app/api/import) that streams the file to disk: it works
        // without JavaScript, and an export of hundreds of MB is not held to the server actions' body limit.
        <form method="post" action="/api/import" encType="multipart/form-data" className="max-w-xl space-y-4">
          {refusal && <Notice tone="error">{refusal}</Notice>}
          <Field
            label="Export file"
            name="file"
            type="file"
            accept=".xml,application/xml,text/xml,application/atom+xml,.gz,application/gzip"
            required
            hint={`A Blogger backup (Settings → Back up content), a WordPress export (Tools → Export) or a Broadsheet archive (.tar.gz), up to ${env().IMPORT_MAX_MB} MB.`}
            error={refused === 'noFile' ? (refusal ?? undefined) : undefined}
          />
          <Field label="Images" name="media">
            {(control) => (
              <select {...control} defaultValue="yes" className={inputClass(false)}>
                <option value="yes">Copy featured images into this site</option>
                <option value="no">Leave images at the old address</option>
              </select>
            )}
          </Field>
          <Button type="submit">Import</Button>
        </form>
      )}
    </>
  );
}
