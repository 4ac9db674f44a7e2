import { afterEach, describe, expect, it } from 'vitest';
import { env } from './env';

const original = process.env.SITE_URL;
afterEach(() => {
  if (original === undefined) delete process.env.SITE_URL;
  else process.env.SITE_URL = original;
});

describe('SITE_URL', () => {
  it('drops a trailing slash, so that every link built on it has one slash before its path', () => {
    process.env.SITE_URL = 'https://news.example/';
    expect(env().SITE_URL).toBe('https://news.example');
    process.env.SITE_URL = 'https://news.example/town//';
    expect(env().SITE_URL).toBe('https://news.example/town');
  });

  it('defaults to the local server, and refuses what is not a URL', () => {
    delete process.env.SITE_URL;
    expect(env().SITE_URL).toBe('http://localhost:3000');
    process.env.SITE_URL = 'news.example';
    expect(() => env()).toThrow(/SITE_URL/);
  });
});

describe('TRUST_PROXY', () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  it('trusts no proxy unless told how many there are', () => {
    expect(env().TRUST_PROXY).toBe(0);
    process.env.TRUST_PROXY = '1';
    expect(env().TRUST_PROXY).toBe(1);
    process.env.TRUST_PROXY = 'yes';
    expect(() => env()).toThrow(/TRUST_PROXY must be the number of proxies/);
  });
});
