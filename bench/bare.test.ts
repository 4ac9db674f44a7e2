import { describe, expect, it } from 'vitest';
import { withoutFrameworkScripts } from './bare';

// The shape of a page as Next 16 (Turbopack) serves it, trimmed to one of each kind of tag.
const page = [
  '<!DOCTYPE html><html lang="en"><head>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="preload" as="image" href="/cover.svg" fetchPriority="high"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '</head><body><article><h1>Harbour wall repairs begin</h1></article>',
  '<script>(()=>{navigator.sendBeacon("/api/ads/impressions","[]")})()</script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null}\\n"])</script>',
  '</body></html>',
].join('');

describe('withoutFrameworkScripts', () => {
  const stripped = withoutFrameworkScripts(page);

  it('drops every script of the framework: chunks, their preloads, the bootstrap and the RSC payload', () => {
    expect(stripped).not.toMatch(/_next\/static\/chunks\/[\w.]+\.js/);
    expect(stripped).not.toContain('TURBOPACK');
    expect(stripped).not.toContain('__next_f');
  });

  it('keeps the page itself: its stylesheet, image preload, content and our own inline script', () => {
    expect(stripped).toBe(
      [
        '<!DOCTYPE html><html lang="en"><head>',
        '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
        '<link rel="preload" as="image" href="/cover.svg" fetchPriority="high"/>',
        '</head><body><article><h1>Harbour wall repairs begin</h1></article>',
        '<script>(()=>{navigator.sendBeacon("/api/ads/impressions","[]")})()</script>',
        '</body></html>',
      ].join(''),
    );
  });
});
