import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderOfficialDocument } from './official-document.js';
import { documentText } from './text-sanitise.js';

/** Issue #21 item 12: characters XML 1.0 refuses never reach a generated .docx. */
describe('document text', () => {
  it('drops NUL, C0 controls, U+FFFE, U+FFFF and lone surrogates, keeps the rest', () => {
    expect(documentText('甲\u0000乙\u0007丙\uFFFE丁\uFFFF戊\uD800己\uDC00庚😀\t\n')).toBe('甲乙丙丁戊己庚😀\t\n');
  });

  it('keeps codes whole: their hyphens are held by word joiners, other hyphens stay', () => {
    expect(documentText('事前备案（RC2026-0003），问题WT-2026-0012；三-五日')).toBe(
      '事前备案（RC2026\u2060-\u20600003），问题WT\u2060-\u20602026\u2060-\u20600012；三-五日',
    );
  });

  it('renders a document whose every text run is valid XML', async () => {
    const bad = '\u0000\uFFFE\uFFFF\uD800\u001B';
    const docx = await renderOfficialDocument({
      issuer: `中共示范县纪律检查委员会${bad}`,
      title: `关于${bad}的通报`,
      body: [`正文${bad}`, { heading: `标题${bad}` }, { table: { columns: [`列${bad}`], rows: [[`格${bad}`]] } }],
      signature: `署名${bad}`,
      date: new Date('2026-11-23T16:30:00Z'),
      copyTo: [`抄送${bad}`],
    });
    const xml = strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']);
    expect(xml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    expect(xml).toContain('正文');
  });
});
