/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab/newline/return, U+FFFE, U+FFFF, lone surrogates):
 * one of them in a document.xml text run makes Word refuse the whole .docx.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A hyphen inside a code (RC2026-0003, WT-2026-0012, 0871-1234567): a line must not break there. */
const CODE_HYPHEN = /(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])/g;

/**
 * Text as it may go into a generated document: every character XML 1.0 refuses is dropped, and the hyphens of
 * codes become non-breaking hyphens (U+2011, the character Word's own "no-break hyphen" is), so that a code is
 * never split across two lines.
 */
export function documentText(text: string): string {
  return text.replace(NOT_XML, '').replace(CODE_HYPHEN, '\u2011');
}
