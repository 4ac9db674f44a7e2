import { describe, expect, it } from 'vitest';
import { subscribers } from '@/db/schema';
import { useFreshDatabase } from '@/lib/testing/fresh-database';
import { exportCsv, importCsv, removeSubscribers, searchSubscribers, subscriberCounts } from './admin';
import { parseCsv } from './csv';

const db = useFreshDatabase('subscribers_admin');

describe('the subscriber list', () => {
  it('imports rows with consent and refuses the others one by one, with their line and reason', async () => {
    await db().insert(subscribers).values({ email: 'known@example.com', status: 'unsubscribed' });
    const csv = [
      'Email,Name,Consent',
      'Ana@Example.com,Ana,yes',
      'bob@example.com,Bob,no',
      'not an address,Who,yes',
      '"eve@example.com\r\nBcc: all@example.com",Eve,yes',
      'known@example.com,Known,yes',
      'ana@example.com,Ana again,yes',
      '"carl@example.com","Carl, ""the"" reader",TRUE',
    ].join('\r\n');
    const report = await importCsv(db(), csv);
    expect(report).toEqual({
      ok: true,
      imported: 2,
      refused: [
        { line: 3, email: 'bob@example.com', reason: 'no consent to receive mail (the consent column must say yes)' },
        { line: 4, email: 'not an address', reason: 'not a valid email address' },
        { line: 5, email: 'eve@example.com\r\nBcc: all@example.com', reason: 'not a valid email address' },
        { line: 6, email: 'known@example.com', reason: 'already on the list (left as it is)' },
        { line: 7, email: 'ana@example.com', reason: 'the same address as line 2' },
      ],
    });
    expect(await subscriberCounts(db())).toEqual({ pending: 0, confirmed: 2, unsubscribed: 1, bouncing: 0 });
    const [carl] = await searchSubscribers(db(), { search: 'CARL' });
    expect(carl).toMatchObject({ email: 'carl@example.com', status: 'confirmed', source: 'import' });
  });

  it('imports nothing from a broken file or one without the columns, and says why', async () => {
    expect(await importCsv(db(), 'email,consent\n"open@example.com,yes\nx@example.com,yes')).toMatchObject({
      ok: false,
      message: expect.stringContaining('never closed'),
    });
    expect(await importCsv(db(), 'address\nz@example.com')).toMatchObject({
      ok: false,
      message: expect.stringContaining('“consent” column'),
    });
    expect((await subscriberCounts(db())).confirmed).toBe(2);
  });

  it('exports every address as CSV that an import reads back, and removes addresses', async () => {
    const csv = await exportCsv(db());
    const rows = parseCsv(csv)!;
    expect(rows[0]).toEqual(['email', 'status', 'source', 'created_at', 'confirmed_at']);
    expect(rows.map((row) => row[0]).slice(1)).toEqual(['ana@example.com', 'carl@example.com', 'known@example.com']);
    const [ana] = await searchSubscribers(db(), { search: 'ana@' });
    await removeSubscribers(db(), [ana.id]);
    expect(await searchSubscribers(db(), { search: 'ana@' })).toEqual([]);
    expect(await searchSubscribers(db(), { status: 'unsubscribed' })).toHaveLength(1);
  });
});
