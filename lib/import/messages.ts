const busy = 'An import is already running. Wait for it to finish.';

/** What the importer tells the person importing (the dashboard and `npm run import` show the same words). */
export const importMessages = {
  expected:
    'This file is not an export Broadsheet can import. Expected a Blogger backup (Atom XML from Blogger’s ' +
    'Settings → Back up content), a WordPress export (WXR from Tools → Export) or a Broadsheet archive (.tar.gz ' +
    'from Export).',
  doctype:
    'This file declares a DOCTYPE, which no Blogger or WordPress export has (it is how entity bombs and external ' +
    'entities get in): it was not read.',
  malformed: (detail: string) => `This file is not well-formed XML (${detail}). Nothing was imported.`,
  empty: 'This file is empty.',
  busy,
  /** Why an upload was not taken (lib/import/upload.ts), by the reason the upload route sends back. */
  refused: {
    tooLarge: (maxMb: number) =>
      `This file is larger than ${maxMb} MB, the most this site takes (IMPORT_MAX_MB). Import it with ` +
      '`npm run import -- FILE` on the server, or raise the limit.',
    noFile: () => 'Choose an export file.',
    uploadFailed: () => 'The upload was cut off before the whole file arrived. Try again.',
    busy: () => busy,
  },
  queued: 'The import has started. You can leave this page: it goes on in the background.',
  stopped:
    'The server stopped during this import. What was done is kept; import the same file again to finish it ' +
    '(nothing is created twice).',
  phases: {
    reading: 'Reading the file',
    undoing: 'Taking out an earlier restore that had stopped',
    posts: 'Posts and pages',
    comments: 'Comments',
    images: 'Images',
  } as Record<string, string>,
  earlierRestoreUndone:
    'An earlier restore of an archive had stopped part way (its process was killed): what it had written was taken ' +
    'out first.',
  intro:
    'Bring a Blogger or WordPress site across: its posts, pages, labels, authors and comments, and a redirect from ' +
    'every old address. Importing the same file again adds nothing twice. A Broadsheet archive (from Export) is ' +
    'restored whole, into an empty site only.',
  running: 'Importing',
  done: 'Import finished',
  failed: 'The import failed',
  skipped: 'Skipped',
  moreSkipped: (n: number) => `…and ${n} more.`,
  skip: {
    deletedPost: 'deleted or in the trash on the old site',
    deletedComment: 'deleted on the old site',
    pingback: 'a pingback or trackback, not a comment',
    orphanComment: 'its post was not imported',
    missingParent: 'the comment it answers was not imported',
  },
} as const;
