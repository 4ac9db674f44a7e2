import { describe, expect, it } from 'vitest';
import { listRedirects } from '@/db/queries/redirects';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { deleteRedirect, importRedirectsCsv, saveManualRedirect } from './manage';

const db = useFreshDatabase('manage_redirects');
const stored = async () => (await listRedirects(db())).map((row) => `${row.fromPath} -> ${row.toPath}`);

describe('redirects from the dashboard', () => {
  it('adds, edits (moving the old address), imports and deletes', async () => {
    expect(await saveManualRedirect(db(), { fromPath: '/about/', toPath: '/p/about' })).toEqual({ ok: true });
    expect(await saveManualRedirect(db(), { fromPath: 'about', toPath: '/p/about' })).toMatchObject({
      ok: false,
      field: 'fromPath',
    });
    const [about] = await listRedirects(db());
    await saveManualRedirect(db(), { id: about.id, fromPath: '/about-us', toPath: '/p/about' });
    expect(await stored()).toEqual(['/about-us -> /p/about']);

    const { refused } = await importRedirectsCsv(db(), '/team,/p/team\n/x\n/?p=3,/p/contact\n');
    expect(refused.map((row) => row.line)).toEqual([2]);
    expect(await stored()).toEqual(['/?p=3 -> /p/contact', '/about-us -> /p/about', '/team -> /p/team']);

    expect(await deleteRedirect(db(), about.id)).toBe(false);
    const [first] = await listRedirects(db());
    expect(await deleteRedirect(db(), first.id)).toBe(true);
    expect(await stored()).toHaveLength(2);
  });
});
