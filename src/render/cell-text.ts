/** Text as a spreadsheet cell (CSV or xlsx) can carry it. Pure. */

// eslint-disable-next-line no-control-regex -- these are the characters removed
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;
/** A UTF-16 surrogate without its other half: no character, and not allowed in XML. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const LINE_SEPARATOR = /[\u2028\u2029]/g;

/**
 * Text as a spreadsheet cell (CSV or xlsx) carries it: control characters other than tab and
 * line breaks, U+FFFE/U+FFFF and lone surrogates are dropped (an xlsx with them is not valid
 * XML and does not open), a line break inside the text is LF (as Excel writes one within a
 * cell), and the Unicode line and paragraph separators become spaces.
 */
export function cellText(text: string): string {
  return text
    .replace(CONTROL, "")
    .replace(LONE_SURROGATE, "")
    .replace(/\r\n?/g, "\n")
    .replace(LINE_SEPARATOR, " ");
}
