import { describe, expect, it } from 'vitest';
import { bounded } from '../../src/io/check-context.js';

describe('bounded: the command port runs at most N commands at once', () => {
  it.each([1, 2, 3])('never more than %i at once, started in order, every result returned', async (n) => {
    const limit = bounded(n);
    let active = 0;
    let peak = 0;
    const startedOrder: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limit(async () => {
          startedOrder.push(i);
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 5));
          active--;
          return i * 10;
        }),
      ),
    );
    expect(peak).toBe(n);
    expect(startedOrder).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
  });

  it('a failing task frees its slot', async () => {
    const limit = bounded(1);
    await expect(limit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limit(() => Promise.resolve(1))).toBe(1);
  });
});
