import { describe, expect, it } from 'vitest';
import { largeCount } from './large-count.js';

describe('largeCount', () => {
  it('counts small totals every time, so they are always exact', async () => {
    let calls = 0;
    const count = async () => ++calls;
    expect(await largeCount('small', count, 0)).toBe(1);
    expect(await largeCount('small', count, 1)).toBe(2);
  });

  it('shares a large total for five seconds, then answers it while one request counts again', async () => {
    let n = 5000;
    let calls = 0;
    const count = async () => {
      calls += 1;
      return n++;
    };
    expect(await largeCount('large', count, 0)).toBe(5000);
    expect(await largeCount('large', count, 4_999)).toBe(5000);
    // Aged: the kept total answers at once, and one count (not one per request) runs behind it.
    expect(await largeCount('large', count, 5_000)).toBe(5000);
    expect(await largeCount('large', count, 5_001)).toBe(5001);
    expect(calls).toBe(2);
    // The new total is kept from when its count began.
    expect(await largeCount('large', count, 9_999)).toBe(5001);
    expect(calls).toBe(2);
  });

  it('waits for a new count once a kept total is too old to answer', async () => {
    let n = 5000;
    const count = async () => n++;
    expect(await largeCount('old', count, 0)).toBe(5000);
    expect(await largeCount('old', count, 35_000)).toBe(5001);
  });

  it('drops a kept total whose new count failed, so the next request counts and sees the error', async () => {
    let fail = false;
    const count = async () => {
      if (fail) throw new Error('db down');
      return 5000;
    };
    expect(await largeCount('refresh-fails', count, 0)).toBe(5000);
    fail = true;
    expect(await largeCount('refresh-fails', count, 6_000)).toBe(5000);
    await new Promise((r) => setTimeout(r, 0));
    await expect(largeCount('refresh-fails', count, 6_001)).rejects.toThrow('db down');
  });

  it('does not keep a total that became small', async () => {
    let n = 5000;
    let calls = 0;
    const count = async () => {
      calls += 1;
      return n;
    };
    expect(await largeCount('shrinks', count, 0)).toBe(5000);
    n = 10;
    expect(await largeCount('shrinks', count, 5_000)).toBe(5000);
    await new Promise((r) => setTimeout(r, 0));
    expect(await largeCount('shrinks', count, 5_001)).toBe(10);
    expect(await largeCount('shrinks', count, 5_002)).toBe(10);
    expect(calls).toBe(4);
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
