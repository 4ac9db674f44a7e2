import { expect, it } from 'vitest';
import { parsePageParam } from './paging';

it.each([
  ['2', 2],
  ['15', 15],
  ['1', null],
  ['0', null],
  ['02', null],
  ['-3', null],
  ['2.5', null],
  ['abc', null],
  ['9999999', null],
])('parsePageParam(%s) = %s', (value, page) => expect(parsePageParam(value)).toBe(page));
