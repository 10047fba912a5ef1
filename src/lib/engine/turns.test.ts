import { describe, expect, it } from 'vitest';
import { DashboardQuiet, turns } from './turns';

describe('turns and quiet', () => {
  it('runs work one piece at a time, in order; a failure ends only its own piece', async () => {
    const inTurn = turns();
    const log: string[] = [];
    const slow = inTurn(async () => {
      await new Promise((r) => setTimeout(r, 20));
      log.push('slow');
    });
    const failing = inTurn(async () => {
      log.push('failing');
      throw new Error('no');
    });
    const after = inTurn(async () => log.push('after'));
    await expect(failing).rejects.toThrow('no');
    await Promise.all([slow, after]);
    expect(log).toEqual(['slow', 'failing', 'after']);
  });

  it('lets background steps go only after the dashboard has been quiet for a while', async () => {
    const quiet = new DashboardQuiet(60);
    quiet.asked();
    const started = performance.now();
    await quiet.whenQuiet();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    const again = performance.now();
    await quiet.whenQuiet();
    expect(performance.now() - again).toBeLessThan(40);
  });
});
