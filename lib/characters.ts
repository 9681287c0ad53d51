/** Characters no stored text may hold. */

// Lone surrogates (stored as U+FFFD by SQLite's UTF-8) and control characters other than
// tab, line feed and carriage return (they break file names, CSV cells and terminals).
const BAD = '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const BAD_TEXT = new RegExp(BAD);
const BAD_TEXT_ALL = new RegExp(BAD, 'g');

/** Whether `text` holds a lone surrogate or a control character other than tab, newline and carriage return. */
export function hasBadCharacters(text: string): boolean {
  return BAD_TEXT.test(text);
}

/** The text without lone surrogates and control characters other than tab, newline and carriage return. */
export function withoutBadCharacters(text: string): string {
  return text.replace(BAD_TEXT_ALL, '');
}
