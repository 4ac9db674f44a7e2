import { expect, it } from 'vitest';
import { checkFormToken, issueFormToken } from './form-token';

it('tells a person from a bot by the time between showing and submitting', () => {
  const shown = Date.parse('2026-05-01T12:00:00Z');
  const token = issueFormToken(shown);
  expect(checkFormToken(token, 3, shown + 1000)).toBe('too-fast');
  expect(checkFormToken(token, 3, shown + 3000)).toBe('ok');
  expect(checkFormToken(token, 3, shown + 25 * 60 * 60 * 1000)).toBe('stale');
  expect(checkFormToken(undefined, 3, shown)).toBe('missing');
  expect(checkFormToken(`${shown - 60_000}.${token.split('.')[1]}`, 3, shown)).toBe('missing');
});
