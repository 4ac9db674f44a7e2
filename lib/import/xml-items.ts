import fs from 'node:fs';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { importMessages } from './messages';

/** A small element tree: one entry or item of an export, never the whole file. */
export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

/** What the export's root says about it, known before its first item. */
export type XmlRoot = { name: string; namespaces: string[] };

/** Not an export we can read (or not XML at all): the message is for the person importing it. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

// Namespaces by their usual prefix, whatever prefix a file gives them (WXR 1.0–1.2 all count as `wp`).
const prefixes: [RegExp, string][] = [
  [/^http:\/\/www\.w3\.org\/2005\/Atom$/, ''],
  [/^http:\/\/schemas\.google\.com\/blogger\/2018$/, 'blogger'],
  [/^http:\/\/purl\.org\/syndication\/thread\/1\.0$/, 'thr'],
  [/^http:\/\/www\.w3\.org\/2007\/app$/, 'app'],
  [/^http:\/\/wordpress\.org\/export\/1\.\d\/excerpt\/$/, 'excerpt'],
  [/^http:\/\/wordpress\.org\/export\/1\.\d\/$/, 'wp'],
  [/^http:\/\/purl\.org\/rss\/1\.0\/modules\/content\/$/, 'content'],
  [/^http:\/\/purl\.org\/dc\/elements\/1\.1\/$/, 'dc'],
];

function nameOf(uri: string, local: string): string {
  if (!uri) return local;
  const prefix = prefixes.find(([pattern]) => pattern.test(uri))?.[1];
  if (prefix === undefined) return `{${uri}}${local}`;
  return prefix ? `${prefix}:${local}` : local;
}

/** The element an export's items sit in: Atom's <feed> itself, RSS's <channel>. */
const containerDepth = (root: XmlRoot) => (root.name === 'rss' ? 2 : 1);

/**
 * Reads an export file as a stream and yields its root, then each element directly inside its container (Atom
 * entries and feed fields; RSS items and channel fields) as a small tree, so memory holds one item at a time.
 * A DOCTYPE is refused outright: an export never needs one, and it is where entity bombs and external entities
 * (XXE) live. saxes expands no entity but the five of XML itself and character references.
 */
export async function* readXmlItems(path: string): AsyncGenerator<XmlRoot | XmlElement> {
  const parser = new SaxesParser({ xmlns: true, position: false });
  const ready: (XmlRoot | XmlElement)[] = [];
  const open: XmlElement[] = [];
  let root: XmlRoot | null = null;
  let failure: Error | null = null;

  parser.on('doctype', () => {
    failure ??= new ImportRefusedError(importMessages.doctype);
  });
  parser.on('error', (error) => {
    failure ??= new ImportRefusedError(importMessages.malformed(error.message));
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const name = nameOf(tag.uri, tag.local);
    if (!root) {
      root = { name, namespaces: Object.values(tag.ns) };
      ready.push(root);
    }
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value]));
    const element: XmlElement = { name, attributes, children: [], text: '' };
    if (open.length > containerDepth(root)) open[open.length - 1].children.push(element);
    open.push(element);
  });
  const addText = (text: string) => {
    if (root && open.length > containerDepth(root)) open[open.length - 1].text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const element = open.pop();
    if (root && element && open.length === containerDepth(root)) ready.push(element);
  });

  const stream = fs.createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      if (failure) throw failure;
      yield* ready.splice(0);
    }
    parser.close();
    if (failure) throw failure;
    yield* ready.splice(0);
    if (!root) throw new ImportRefusedError(importMessages.empty);
  } finally {
    stream.destroy();
  }
}

/** The first child named `name`, its trimmed text, or the attribute of one. */
export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

export function textOf(element: XmlElement, name: string): string {
  return child(element, name)?.text.trim() ?? '';
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}
