/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab/newline/return, U+FFFE, U+FFFF, lone surrogates):
 * one of them in a document.xml text run makes Word refuse the whole .docx.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A hyphen inside a code (RC2026-0003, WT-2026-0012, 0871-1234567): a line must not break there. */
const CODE_HYPHEN = /(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])/g;

/**
 * A code's hyphen between two word joiners (U+2060). The non-breaking hyphen U+2011 is not enough: LibreOffice
 * (and so the PDF a 纪委 prints) breaks a line after it in Chinese text (RC2026‑/0001, measured in
 * documents/gbt9704.documents.ts); a plain hyphen held by joiners stays whole in LibreOffice, Word and WPS.
 */
export const CODE_HYPHEN_JOINED = '\u2060-\u2060';

/**
 * Text as it may go into a generated document: every character XML 1.0 refuses is dropped, and the hyphens of
 * codes are held by word joiners, so that a code is never split across two lines.
 */
export function documentText(text: string): string {
  return text.replace(NOT_XML, '').replace(CODE_HYPHEN, CODE_HYPHEN_JOINED);
}
