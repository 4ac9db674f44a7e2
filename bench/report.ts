import fs from 'node:fs';

export type Row = { figure: string; value: number; unit: string; budget?: string; pass?: boolean };

const rows: Row[] = [];

/** Adds one figure to the table and prints it as it is measured. */
export function record(row: Row): void {
  rows.push(row);
  console.log(`  ${row.figure}: ${row.value.toFixed(row.unit === 'req/s' ? 0 : 1)} ${row.unit}`);
}

/** Prints the table, writes bench/results/latest.json and says whether every budget was met. */
export function finishReport(): boolean {
  const width = Math.max(...rows.map((r) => r.figure.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(10)}  unit   budget      result`);
  for (const row of rows) {
    const result = row.pass === undefined ? '' : row.pass ? 'pass' : 'FAIL';
    console.log(
      `${row.figure.padEnd(width)}  ${row.value.toFixed(1).padStart(10)}  ${row.unit.padEnd(5)}  ${(row.budget ?? '').padEnd(10)}  ${result}`,
    );
  }
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), rows }, null, 2));
  return !rows.some((row) => row.pass === false);
}
