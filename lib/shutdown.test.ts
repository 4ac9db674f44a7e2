import { describe, expect, it } from 'vitest';
import { onShutdown, runShutdownTasks } from './shutdown';

describe('shutdown tasks', () => {
  it('runs each named task once, the last registration winning, and survives a failing or hanging one', async () => {
    const ran: string[] = [];
    onShutdown('flush', async () => void ran.push('first'));
    onShutdown('flush', async () => void ran.push('flush'));
    onShutdown('broken', async () => {
      throw new Error('boom');
    });
    onShutdown('hanging', () => new Promise(() => {}));
    await runShutdownTasks(50);
    expect(ran).toEqual(['flush']);
  });
});
