import { afterEach, describe, expect, it, vi } from 'vitest';
import { env, exitUnlessConfigured, mediaPublicUrl, MISSING_AUTH_SECRET, siteUrl } from './env';

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

  it('is read alone for the build (next.config.ts), another setting being invalid', () => {
    process.env.SITE_URL = 'https://news.example/';
    vi.stubEnv('TRUST_PROXY', 'nginx');
    expect(() => env()).toThrow(/TRUST_PROXY/);
    expect(siteUrl()).toBe('https://news.example');
    vi.unstubAllEnvs();
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

describe('the storage of uploads', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is the disk unless a bucket is named, and the bucket once one is (STORAGE=disk keeps the disk)', () => {
    vi.stubEnv('S3_BUCKET', '');
    expect(env().STORAGE).toBe('disk');
    vi.stubEnv('S3_BUCKET', 'media');
    expect(env()).toMatchObject({ STORAGE: 's3', S3_BUCKET: 'media', S3_REGION: 'us-east-1' });
    vi.stubEnv('STORAGE', 'disk');
    expect(env().STORAGE).toBe('disk');
  });

  it('refuses a bucket storage without a bucket, and half a pair of credentials for a bucket', () => {
    vi.stubEnv('STORAGE', 's3');
    expect(() => env()).toThrow(/S3_BUCKET: STORAGE=s3 needs S3_BUCKET/);
    vi.stubEnv('STORAGE', '');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'key');
    expect(env().STORAGE).toBe('disk');
    vi.stubEnv('S3_BUCKET', 'media');
    expect(() => env()).toThrow(/AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY together/);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    expect(env()).toMatchObject({ AWS_ACCESS_KEY_ID: 'key', AWS_SECRET_ACCESS_KEY: 'secret' });
  });

  it('reads the public address without its trailing slash, alone for the build', () => {
    vi.stubEnv('S3_PUBLIC_URL', 'https://media.news.example/');
    vi.stubEnv('TRUST_PROXY', 'nginx');
    expect(mediaPublicUrl()).toBe('https://media.news.example');
    vi.stubEnv('S3_PUBLIC_URL', 'media.news.example');
    expect(() => mediaPublicUrl()).toThrow(/S3_PUBLIC_URL/);
  });
});

describe('the server start', () => {
  const secret = process.env.AUTH_SECRET;
  afterEach(() => {
    if (secret === undefined) delete process.env.AUTH_SECRET;
    else process.env.AUTH_SECRET = secret;
    delete process.env.TRUST_PROXY;
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    // A started server's settings are fixed (below); the other tests change them.
    delete (globalThis as { broadsheetEnvSettled?: boolean }).broadsheetEnvSettled;
  });
  const start = () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
      throw new Error('exited');
    });
    try {
      exitUnlessConfigured();
      return { exited: false, printed: '' };
    } catch {
      return { exited: exit.mock.calls[0]?.[0] === 1, printed: String(printed.mock.calls[0]?.[0]) };
    }
  };

  it('refuses to go on without AUTH_SECRET, saying what to set', () => {
    delete process.env.AUTH_SECRET;
    expect(start()).toEqual({ exited: true, printed: `Broadsheet cannot start. ${MISSING_AUTH_SECRET}` });
  });

  it('refuses an invalid setting, and goes on when all is well', () => {
    process.env.TRUST_PROXY = 'all';
    expect(start()).toMatchObject({ exited: true, printed: expect.stringMatching(/TRUST_PROXY must be/) });
    delete process.env.TRUST_PROXY;
    expect(start()).toEqual({ exited: false, printed: '' });
  });

  it('fixes the settings once a production server has started: they are not read from the environment again', () => {
    vi.stubEnv('NODE_ENV', 'production');
    process.env.TRUST_PROXY = '1';
    expect(env().TRUST_PROXY).toBe(1);
    expect(start()).toEqual({ exited: false, printed: '' });
    process.env.TRUST_PROXY = '2';
    expect(env().TRUST_PROXY).toBe(1);
  });

  it('keeps reading them under `next dev`, which reloads .env files as they change', () => {
    vi.stubEnv('NODE_ENV', 'development');
    process.env.TRUST_PROXY = '1';
    expect(start()).toEqual({ exited: false, printed: '' });
    process.env.TRUST_PROXY = '2';
    expect(env().TRUST_PROXY).toBe(2);
  });
});
