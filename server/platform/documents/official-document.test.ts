import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fitColumns } from './document-table.js';
import { CHARS_PER_LINE, TEXT_HEIGHT, TEXT_WIDTH } from './layout.js';
import { breakTitle, TITLE_CHARS } from './title-lines.js';
import {
  chineseNumber,
  formatChineseDate,
  type OfficialDocument,
  renderOfficialDocument,
} from './official-document.js';

const sample: OfficialDocument = {
  issuer: '中共示范县纪律检查委员会',
  docNumber: '示纪督〔2026〕12号',
  title: '关于县住建局整改落实情况的督导巡查通报',
  recipients: ['各乡镇党委', '县直各单位党组（党委）'],
  body: [
    '根据县委统一部署，第一督导巡查组于2026年10月对县住建局开展了督导巡查。现将有关情况通报如下。',
    { heading: '基本情况' },
    { heading: '工作推进情况', level: 2 },
    '县住建局按照要求建立了问题清单和整改台账。',
    { heading: '二、存在的问题' },
    { table: { columns: ['序号', '问题', '整改时限'], rows: [['1', '工程款拨付审核不严', '2026-12-31']] } },
  ],
  signature: '中共示范县纪律检查委员会',
  date: new Date('2026-11-23T16:30:00Z'),
  copyTo: ['县委办公室', '县人民政府办公室'],
  printedBy: '中共示范县纪律检查委员会办公室',
  attachmentsNote: ['问题清单', '整改台账'],
};

function partsOf(buffer: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(buffer));
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

describe('official documents (GB/T 9704)', () => {
  it('formats dates in Asia/Shanghai and numbers headings in Chinese', () => {
    expect(formatChineseDate(new Date('2026-11-23T16:30:00Z'))).toBe('2026年11月24日');
    expect(formatChineseDate(new Date('2026-01-05T03:00:00Z'))).toBe('2026年1月5日');
    expect([1, 10, 12, 20, 23].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '二十三']);
  });

  it('renders a .docx with the title, the date, the fonts, the A4 page and the margins', async () => {
    const buffer = await renderOfficialDocument(sample);
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    const parts = partsOf(buffer);
    const xml = parts['word/document.xml'];
    expect(xml).toContain(sample.title);
    expect(xml).toContain('2026年11月24日');
    expect(xml).toContain('2026年11月24日印发');
    expect(xml).toContain('示纪督〔2026〕12号');
    expect(xml).toContain('各乡镇党委，县直各单位党组（党委）：');
    expect(xml).toContain('仿宋_GB2312');
    expect(xml).toContain('方正小标宋简体');
    expect(xml).toContain('w:color w:val="FF0000"');
    // A4 in twips, margins 37/35/28/26 mm.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:top="2098"/);
    expect(xml).toMatch(/w:bottom="1984"/);
    expect(xml).toMatch(/w:left="1587"/);
    expect(xml).toMatch(/w:right="1474"/);
    // Headings numbered once: auto '一、' and '（一）', an explicit '二、' kept as is.
    expect(xml).toContain('一、基本情况');
    expect(xml).toContain('（一）工作推进情况');
    expect(xml).toContain('二、存在的问题');
    expect(xml).not.toContain('三、二、');
    // Body: exact 28.95 pt lines, first-line indent two characters.
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
    expect(xml).toContain('w:firstLine="630"'); // two grid characters of 315 twips
    expect(xml).toContain('抄送：县委办公室，县人民政府办公室。');
    expect(xml).toContain('附件：1．问题清单');
    expect(xml).toContain('工程款拨付审核不严');
    // Page numbers "— 1 —" and font fallbacks.
    const footers = Object.keys(parts).filter((k) => /^word\/footer\d+\.xml$/.test(k));
    expect(footers.length).toBe(2);
    expect(parts[footers[0]]).toContain('PAGE');
    expect(parts[footers[0]]).toContain('— ');
    expect(parts['word/fontTable.xml']).toContain('<w:altName w:val="仿宋"/>');
    expect(parts['word/fontTable.xml']).toContain('<w:altName w:val="宋体"/>');
    expect(parts['word/settings.xml']).toContain('evenAndOddHeaders');
  });

  it('renders a minimal document (no number, no 主送, no 版记)', async () => {
    const xml = partsOf(
      await renderOfficialDocument({
        issuer: '示范县纪委监委',
        title: '提醒函',
        body: ['请按期反馈。'],
        signature: '示范县纪委监委',
        date: new Date('2026-11-24T01:00:00Z'),
      }),
    )['word/document.xml'];
    expect(xml).toContain('提醒函');
    expect(xml).not.toContain('抄送');
    expect(xml).not.toContain('印发');
  });

  it('sets the 28 × 22 grid, keeps headings and the last paragraph with what follows, and seals decisions', async () => {
    const xml = (d: Partial<OfficialDocument>) =>
      renderOfficialDocument({ ...sample, ...d }).then((b) => partsOf(b)['word/document.xml']);
    const unsealed = await xml({});
    // Character grid, not only the line pitch: 28 characters of 156 mm, 22 lines.
    expect(unsealed).toMatch(/<w:docGrid [^>]*w:type="linesAndChars"/);
    expect(unsealed).toMatch(/w:linePitch="579"/);
    expect(unsealed).toMatch(/w:charSpace="-8\d\d"/);
    expect(Math.floor(TEXT_WIDTH / CHARS_PER_LINE)).toBe(315);
    // The heading keeps with its paragraph.
    expect(unsealed).toMatch(/<w:keepNext\/>(?:(?!<\/w:p>).)*基本情况/);
    // Unsealed (7.3.5.2): date 右空二字 or more; sealed (7.3.5.1): date 右空四字 (4 × 315 twips).
    expect(unsealed).not.toMatch(/<w:ind w:right="1260"\/><w:jc w:val="right"\/>(?:(?!<\/w:p>).)*2026年11月24日</);
    const sealed = await xml({ sealed: true });
    expect(sealed).toMatch(/<w:ind w:right="1260"\/><w:jc w:val="right"\/>(?:(?!<\/w:p>).)*2026年11月24日</);
    // 版记: a table pinned to the foot of the 版心 (its top at 225 mm less its rows), the full 156 mm wide.
    const y = Number(/<w:tblpPr [^>]*w:tblpY="(\d+)"[^>]*w:vertAnchor="margin"/.exec(unsealed)?.[1]);
    expect(TEXT_HEIGHT - y).toBe(2 * (400 + 120));
    expect(unsealed).toContain(`<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>`);
  });

  it('breaks a long title by meaning into a trapezoid or diamond, each line within the 版心', () => {
    expect(breakTitle('关于问题整改推进不力情况的通报')).toEqual(['关于问题整改推进不力情况的通报']);
    const two = breakTitle('关于进一步加强全县领导干部作风建设和问题整改落实工作的通知');
    expect(two).toEqual(['关于进一步加强全县领导干部作风建设和', '问题整改落实工作的通知']);
    const three = breakTitle('中共示范县纪律检查委员会关于2026年第三季度模拟问责联席会议议定事项落实情况的通报');
    expect(three).toEqual(['中共示范县纪律检查委员会关于', '2026年第三季度模拟问责联席会议', '议定事项落实情况的通报']);
    for (const lines of [two, three]) for (const l of lines) expect(l.length).toBeLessThanOrEqual(TITLE_CHARS);
    // A title broken by hand stays as given.
    expect(breakTitle('关于某事\n的通知')).toEqual(['关于某事', '的通知']);
  });

  it('fits table columns to their content and never narrows a code below its width', () => {
    const rows = [
      ['WT2026-90299', '城关镇', '城关镇职能交叉导致老旧小区改造项目推诿扯皮，群众反映强烈', '2027-01-20', '已销号'],
      ['WT2026-90300', '县统计局', '统计数据报送不及时', '2027-02-01', '整改中'],
    ];
    const widths = fitColumns(['问题编号', '责任单位', '问题', '整改时限', '状态'], rows);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    // 'WT2026-90299' at 12 pt, Latin at 1.35 × half width, plus the cell margins.
    expect(widths[0]).toBeGreaterThanOrEqual(Math.round(12 * 0.5 * 1.35 * 240 + 160));
    // '已销号' never wraps; the long problem column gets the most room.
    expect(widths[4]).toBeGreaterThanOrEqual(3 * 240 + 160);
    expect(Math.max(...widths)).toBe(widths[2]);
  });
});
