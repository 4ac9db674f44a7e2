import fs from 'node:fs';

export type Row = { figure: string; value: number; unit: string; budget?: string; pass?: boolean };

const rows: Row[] = [];

/** Adds one figure to the table and prints it as it is measured. */
export function record(row: Row): void {
  rows.push(row);
  console.log(`  ${row.figure}: ${row.value.toFixed(row.unit === 'req/s' ? 0 : 1)} ${row.unit}`);
}

const valueOf = (row: Row) => row.value.toFixed(1).padStart(10);
const resultOf = (row: Row) => (row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL');

/** Prints the table, writes bench/results/latest.json and says whether every budget was met. */
export function finishReport(): boolean {
  const width = Math.max(...rows.map((r) => r.figure.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(10)}  unit   budget      result`);
  for (const row of rows) {
    console.log(
      `${row.figure.padEnd(width)}  ${valueOf(row)}  ${row.unit.padEnd(5)}  ${(row.budget ?? '').padEnd(10)}  ${resultOf(row)}`,
    );
  }
  printBothDatabases();
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
  return !rows.some((row) => row.pass === false);
}

const databases = ['PostgreSQL', 'PGlite'] as const;
type DatabaseName = (typeof databases)[number];

/**
 * With DATABASE_URL set, the write loads, the comment path and the mail run on both databases, each figure as two
 * rows far apart in the table: this prints them again, one line per figure with the two values side by side.
 */
function printBothDatabases(): void {
  const byFigure = new Map<string, Partial<Record<DatabaseName, Row>>>();
  for (const row of rows) {
    const database = databases.find((name) => row.figure.endsWith(`, ${name}`));
    if (!database) continue;
    const figure = row.figure.slice(0, -`, ${database}`.length);
    byFigure.set(figure, { ...byFigure.get(figure), [database]: row });
  }
  const both = [...byFigure].flatMap(([figure, { PostgreSQL, PGlite }]) =>
    PostgreSQL && PGlite ? [{ figure, PostgreSQL, PGlite }] : [],
  );
  if (both.length === 0) return;
  const width = Math.max(...both.map((line) => line.figure.length));
  console.log(
    `\n${'on both databases'.padEnd(width)}  ${'PostgreSQL'.padStart(10)}  ${'PGlite'.padStart(10)}  unit   budget`,
  );
  for (const { figure, PostgreSQL, PGlite } of both) {
    const results = PostgreSQL.pass === undefined ? '' : `${resultOf(PostgreSQL)} / ${resultOf(PGlite)}`;
    console.log(
      `${figure.padEnd(width)}  ${valueOf(PostgreSQL)}  ${valueOf(PGlite)}  ${PostgreSQL.unit.padEnd(5)}  ${(PostgreSQL.budget ?? '').padEnd(10)}  ${results}`,
    );
  }
}
