import { describe, expect, it } from 'vitest';
import { largeCount } from './large-count.js';

describe('largeCount', () => {
  it('counts small totals every time, so they are always exact', async () => {
    let calls = 0;
    const count = async () => ++calls;
    expect(await largeCount('small', count, 0)).toBe(1);
    expect(await largeCount('small', count, 1)).toBe(2);
  });

  it('shares a large total for five seconds, then counts again', async () => {
    let n = 5000;
    const count = async () => n++;
    expect(await largeCount('large', count, 0)).toBe(5000);
    expect(await largeCount('large', count, 4_999)).toBe(5000);
    expect(await largeCount('large', count, 5_000)).toBe(5001);
  });

  it('lets concurrent requests share one count, and keys apart', async () => {
    let calls = 0;
    const count = async () => {
      calls += 1;
      await new Promise((r) => setTimeout(r, 10));
      return 20_000;
    };
    const all = await Promise.all([largeCount('a', count, 0), largeCount('a', count, 0), largeCount('b', count, 0)]);
    expect(all).toEqual([20_000, 20_000, 20_000]);
    expect(calls).toBe(2);
  });

  it('does not keep a failed count', async () => {
    await expect(largeCount('fail', async () => Promise.reject(new Error('db down')), 0)).rejects.toThrow('db down');
    expect(await largeCount('fail', async () => 7, 1)).toBe(7);
  });
});
