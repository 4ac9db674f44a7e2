/** What the redirects page says. */
export const redirectMessages = {
  source: { manual: 'Added here', slug_change: 'Post or page renamed', import: 'Import' },
  badFrom: 'Give the old address as a path on this site, such as /about or /?p=12.',
  badTo: 'Give the new address as a path on this site (/p/about) or a full http(s) address.',
  toItself: 'The old and the new address are the same.',
  saved: 'Redirect saved. The old address answers with the new one now.',
  deleted: 'Redirect deleted.',
  gone: 'This redirect no longer exists.',
  noRows: 'Choose a CSV file or paste its rows: one redirect a line, old address, comma, new address.',
  imported: (count: number, refused: number) =>
    `Imported ${count} redirect${count === 1 ? '' : 's'}.` +
    (refused ? ` ${refused} line${refused === 1 ? ' was' : 's were'} not imported:` : ''),
  line: (line: number, reason: string) => `Line ${line}: ${reason}`,
  notTwoColumns: 'Expected two columns, the old address and the new one.',
};
