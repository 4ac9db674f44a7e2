import { describe, expect, it } from 'vitest';
import { redirects } from '@/db/schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { saveRedirects } from './write';

const db = useFreshDatabase('save_redirects');
const stored = async () =>
  Object.fromEntries(
    (await db().select().from(redirects)).map((row) => [row.fromPath, `${row.toPath} (${row.source})`]),
  );

describe('saveRedirects', () => {
  it('stores normalised old paths, drops self-redirects and updates on a second save', async () => {
    await saveRedirects(db(), [
      { fromPath: 'https://old.blogspot.com/2018/10/wall.html', toPath: '/2018/10/wall', source: 'import' },
      { fromPath: '/about/', toPath: '/about', source: 'manual' },
    ]);
    await saveRedirects(db(), [{ fromPath: '/2018/10/wall.html', toPath: '/2018/10/harbour-wall', source: 'manual' }]);
    expect(await stored()).toEqual({ '/2018/10/wall.html': '/2018/10/harbour-wall (manual)' });
  });

  it('never leaves a chain or a loop when an address moves again', async () => {
    await saveRedirects(db(), [{ fromPath: '/2019/01/a', toPath: '/2019/01/b', source: 'slug_change' }]);
    await saveRedirects(db(), [{ fromPath: '/2019/01/b', toPath: '/2019/01/c', source: 'slug_change' }]);
    expect(await stored()).toMatchObject({
      '/2019/01/a': '/2019/01/c (slug_change)',
      '/2019/01/b': '/2019/01/c (slug_change)',
    });
    // Back to the first name: the post lives at /a again, so /a must not redirect.
    await saveRedirects(db(), [{ fromPath: '/2019/01/c', toPath: '/2019/01/a', source: 'slug_change' }]);
    const after = await stored();
    expect(after['/2019/01/a']).toBeUndefined();
    expect(after).toMatchObject({ '/2019/01/b': '/2019/01/a (slug_change)', '/2019/01/c': '/2019/01/a (slug_change)' });
  });
});
