import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { findRedirect } from './lookup';
import { saveRedirects } from './write';

const db = useFreshDatabase('find_redirect');

describe('findRedirect', () => {
  it('finds an old address in any of its written forms, query included, and nothing else', async () => {
    await saveRedirects(db(), [
      { fromPath: '/about/', toPath: '/p/about', source: 'import' },
      { fromPath: '/?p=12', toPath: '/2018/10/harbour-wall', source: 'import' },
    ]);
    expect(await findRedirect('/about')).toBe('/p/about');
    expect(await findRedirect('/about/')).toBe('/p/about');
    expect(await findRedirect('/?p=12')).toBe('/2018/10/harbour-wall');
    expect(await findRedirect('/?p=13')).toBeNull();
    expect(await findRedirect('/contact')).toBeNull();
  });

  it('tries the forms of one address in order: the first with a redirect wins', async () => {
    await saveRedirects(db(), [
      { fromPath: '/2018/10/wall.html', toPath: '/2018/10/harbour-wall', source: 'import' },
      { fromPath: '/2018/10/quay', toPath: '/2018/10/quay-lights', source: 'slug_change' },
      { fromPath: '/2018/10/quay.html', toPath: '/2018/10/elsewhere', source: 'import' },
    ]);
    expect(await findRedirect('/2018/10/wall', '/2018/10/wall.html')).toBe('/2018/10/harbour-wall');
    expect(await findRedirect('/2018/10/quay', '/2018/10/quay.html')).toBe('/2018/10/quay-lights');
    expect(await findRedirect('nowhere', '')).toBeNull();
  });
});
