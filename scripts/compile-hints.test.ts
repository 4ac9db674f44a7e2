import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPILE_HINT, markChunksCalledOnLoad } from './compile-hints';

let distDir: string;
const write = (file: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(distDir, file)), { recursive: true });
  fs.writeFileSync(path.join(distDir, file), text);
};
const read = (file: string) => fs.readFileSync(path.join(distDir, file), 'utf8');

beforeEach(() => {
  distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-compile-hints-'));
  write('build-manifest.json', JSON.stringify({ polyfillFiles: ['static/chunks/polyfill.js'] }));
  for (const chunk of ['runtime', 'react-dom', 'comment-form', 'editor', 'polyfill'])
    write(`static/chunks/${chunk}.js`, `/* ${chunk} */`);
  write(
    'server/app/2026/11/an-article.html',
    '<script src="/_next/static/chunks/runtime.js" async></script><script nomodule src="/_next/static/chunks/polyfill.js"></script>' +
      '<script>self.__next_f.push([1,"3:I[\\"x\\",[\\"/_next/static/chunks/comment-form.js\\"],\\"CommentForm\\"]"])</script>',
  );
  write('server/app/index.html', '<link rel="preload" as="script" href="/_next/static/chunks/react-dom.js"/>');
  write('server/app/index.rsc', 'static/chunks/editor.js');
});
afterEach(() => fs.rmSync(distDir, { recursive: true, force: true }));

describe('markChunksCalledOnLoad', () => {
  it('marks the chunks prerendered pages load, from script tags, preloads and the RSC payload', () => {
    expect(markChunksCalledOnLoad(distDir)).toEqual([
      'static/chunks/comment-form.js',
      'static/chunks/react-dom.js',
      'static/chunks/runtime.js',
    ]);
    expect(read('static/chunks/runtime.js')).toBe(`${COMPILE_HINT}/* runtime */`);
    expect(read('static/chunks/comment-form.js')).toBe(`${COMPILE_HINT}/* comment-form */`);
  });

  it('leaves polyfills and chunks no prerendered page names as they are', () => {
    markChunksCalledOnLoad(distDir);
    expect(read('static/chunks/polyfill.js')).toBe('/* polyfill */');
    expect(read('static/chunks/editor.js')).toBe('/* editor */');
  });

  it('marks a chunk once however often the build step runs', () => {
    markChunksCalledOnLoad(distDir);
    expect(markChunksCalledOnLoad(distDir)).toEqual([]);
    expect(read('static/chunks/react-dom.js')).toBe(`${COMPILE_HINT}/* react-dom */`);
  });
});
