import { bloggerRecords } from './blogger';
import { importMessages } from './messages';
import type { ImportRecord } from './records';
import { wordpressRecords } from './wordpress';
import { ImportRefusedError, readXmlItems, type XmlElement, type XmlRoot } from './xml-items';

/** Which format a root is: an Atom feed is a Blogger backup (its id then says so), RSS with WordPress's namespace WXR. */
function formatOf(root: XmlRoot): (element: XmlElement) => ImportRecord[] {
  if (root.name === 'feed') return bloggerRecords;
  if (root.name === 'rss' && root.namespaces.some((uri) => /^http:\/\/wordpress\.org\/export\/1\.\d\/$/.test(uri)))
    return wordpressRecords;
  throw new ImportRefusedError(importMessages.expected);
}

/**
 * Streams an export file as neutral records (lib/import/records.ts), whichever format it is; refuses anything
 * else with a message that says what was expected. The source record comes before any entry.
 */
export async function* readExport(path: string): AsyncGenerator<ImportRecord> {
  let map: ((element: XmlElement) => ImportRecord[]) | null = null;
  let sawSource = false;
  for await (const item of readXmlItems(path)) {
    if (!('children' in item)) {
      map = formatOf(item);
      continue;
    }
    for (const record of map!(item)) {
      if (record.kind === 'source') sawSource = true;
      else if (!sawSource && record.kind !== 'author' && record.kind !== 'label')
        throw new ImportRefusedError(importMessages.expected);
      yield record;
    }
  }
  if (!sawSource) throw new ImportRefusedError(importMessages.expected);
}
