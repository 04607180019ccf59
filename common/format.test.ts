import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatDateTime, formatDateTimeSeconds, todayInChina } from './format.js';

describe('date formatters (one way on every screen and document)', () => {
  it('shows a moment as its Asia/Shanghai day, Arabic numerals without padding', () => {
    expect(formatDate('2026-12-04T08:05:09Z')).toBe('2026年12月4日');
    // 16:30 UTC on 3 December is already 4 December in China.
    expect(formatDate('2026-12-03T16:30:00Z')).toBe('2026年12月4日');
    expect(formatDate(new Date('2026-01-01T00:00:00+08:00'))).toBe('2026年1月1日');
    expect(formatDate({ toDate: () => new Date('2026-11-24T02:00:00Z') })).toBe('2026年11月24日');
  });

  it('takes a calendar day as it is, never through a time zone', () => {
    expect(formatDate('2026-12-04')).toBe('2026年12月4日');
    expect(formatDateTime('2026-12-04')).toBe('2026年12月4日');
  });

  it('adds a 24-hour time, and seconds where they matter', () => {
    expect(formatDateTime('2026-12-04T08:05:09Z')).toBe('2026年12月4日 16:05');
    expect(formatDateTime('2026-12-04T16:00:00Z')).toBe('2026年12月5日 00:00');
    expect(formatDateTimeSeconds('2026-12-04T08:05:09Z')).toBe('2026年12月4日 16:05:09');
  });

  it('shows a dash (or the given text) for no value or a bad one', () => {
    for (const v of [null, undefined, '', 'not a date']) {
      expect(formatDate(v)).toBe('—');
      expect(formatDateTime(v)).toBe('—');
    }
    expect(formatDate(null, '')).toBe('');
  });

  it('writes a period with 至, either end open', () => {
    expect(formatDateRange('2026-01-01', '2026-12-31')).toBe('2026年1月1日至2026年12月31日');
    expect(formatDateRange('2026-01-01', null)).toBe('2026年1月1日起');
    expect(formatDateRange(null, '2026-12-31')).toBe('至2026年12月31日');
  });

  it("knows today's day in China whatever the machine's zone (the date pickers' 不能早于今天)", () => {
    expect(todayInChina(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
    expect(todayInChina(new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
    expect(todayInChina(new Date('2026-03-05T00:00:00+08:00'))).toBe('2026-03-05');
  });
});
