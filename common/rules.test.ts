import { describe, expect, it } from 'vitest';
import { chineseNumber, formatArticle, itemNumeral, situationArticle } from './rules.js';

describe('article citations (one way everywhere: 第十一条第二款第（十一）项)', () => {
  it('numbers in Chinese numerals as the regulations print them', () => {
    const cases: [number, string][] = [
      [1, '一'],
      [10, '十'],
      [11, '十一'],
      [20, '二十'],
      [21, '二十一'],
      [99, '九十九'],
      [100, '一百'],
      [105, '一百零五'],
      [110, '一百一十'],
      [119, '一百一十九'],
      [142, '一百四十二'],
    ];
    for (const [n, text] of cases) expect(chineseNumber(n)).toBe(text);
  });

  it('cites 条, 款 and 项 with the 项 in full-width brackets, any part left out', () => {
    expect(formatArticle({ article: 11, clause: 2, item: 11 })).toBe('第十一条第二款第（十一）项');
    expect(formatArticle({ article: 8, clause: 1, item: 2 })).toBe('第八条第一款第（二）项');
    expect(formatArticle({ article: 7, item: 9 })).toBe('第七条第（九）项');
    expect(formatArticle({ article: 21 })).toBe('第二十一条');
    expect(formatArticle({ item: 11 })).toBe('第（十一）项');
    expect(itemNumeral(11)).toBe('第（十一）项');
  });

  it('cites a 问责情形 as 第七条第（n）项, abuse of accountability as 第二十一条', () => {
    expect(situationArticle(11)).toBe('第七条第（十一）项');
    expect(situationArticle(1)).toBe('第七条第（一）项');
    expect(situationArticle(21)).toBe('第二十一条');
  });
});
