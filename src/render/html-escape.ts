/**
 * Escaping of text for HTML and XML (text content and double-quoted attribute values). Control
 * characters other than tab and line feed are not allowed in XML and are dropped, so user text
 * can never produce markup, break an attribute or make a document unreadable.
 */

import { escapeInSlices } from "./escape-slices.js";

const SPECIAL: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text made safe for HTML/XML text content and attribute values. */
export function escapeHtml(text: string): string {
  return escapeInSlices(text, escapeHtmlWhole);
}

function escapeHtmlWhole(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (char) => SPECIAL[char] ?? char);
}
