/**
 * The limits of the printed-style reports, the PDF and the Word document: a browser cannot lay
 * out and print a page of 200,000 evidence rows or of a 10 MB note in the time netdz waits, a
 * Word document of a 10 MB text takes over 250 MB to write, and nobody reads one on paper. So
 * the PDF and Word reports — and only they — show at most DOCUMENT_MAX_EVIDENCE evidence items
 * per question (DOCUMENT_MAX_EVIDENCE_TOTAL in all) and at most DOCUMENT_MAX_TEXT characters
 * (Unicode code points) of any one text, and say at each cut, with the exact number left out,
 * where the rest is. The Markdown, HTML and JSON reports show everything. Pure.
 */
import type { DocumentMessages } from "../i18n/document-messages.js";
import type { HtmlDocument } from "./report-html.js";
import type { Block, Rich, Section, Span, Table } from "./report-document.js";

/** Evidence items shown per question in the PDF and Word reports. */
export const DOCUMENT_MAX_EVIDENCE = 1_000;
/**
 * Evidence items shown in the whole PDF or Word report: a browser does not print tens of
 * thousands of rows in time, even when each question has fewer than DOCUMENT_MAX_EVIDENCE. Past it, a question's evidence
 * is one row saying how many items it has.
 */
export const DOCUMENT_MAX_EVIDENCE_TOTAL = 5_000;
/** Characters shown of any one text (a note, a free-text answer, an evidence item, a zone field). */
export const DOCUMENT_MAX_TEXT = 20_000;

export interface PrintLimits {
  maxEvidence: number;
  maxEvidenceTotal: number;
  maxText: number;
  /**
   * When the method section states the limits: always (the PDF), or only when something was cut
   * (the Word report, whose file for a report with nothing cut stays as it is without limits).
   */
  sayLimits?: "always" | "when-cut";
}

/** Whether a document's limits cut anything yet (set as its texts and rows are made). */
interface Seen {
  cut: boolean;
}

export const DOCUMENT_LIMITS: PrintLimits = {
  maxEvidence: DOCUMENT_MAX_EVIDENCE,
  maxEvidenceTotal: DOCUMENT_MAX_EVIDENCE_TOTAL,
  maxText: DOCUMENT_MAX_TEXT,
};

/** The table whose rows are evidence items, grouped by question (see report-document.ts). */
const EVIDENCE_TABLE = "evidence";

/** Whether the UTF-16 code unit at `i` starts a surrogate pair in `text`. */
function pairAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/** The number of characters (code points) of text from code unit `from` on. */
function charsFrom(text: string, from: number): number {
  let count = 0;
  for (let i = from; i < text.length; i += pairAt(text, i) ? 2 : 1) count++;
  return count;
}

/**
 * The first `max` characters of a text and how many characters follow them (0 when the text is
 * not longer than `max`). A surrogate pair is one character, never split.
 */
export function cutText(text: string, max: number): { kept: string; more: number } {
  // Fewer code units than the limit: fewer characters too, nothing to count.
  if (text.length <= max) return { kept: text, more: 0 };
  let end = 0;
  for (let count = 0; count < max && end < text.length; count++) end += pairAt(text, end) ? 2 : 1;
  return { kept: text.slice(0, end), more: charsFrom(text, end) };
}

/** A text cut to `max` characters with the cut said, or the text itself when it fits. */
export function limitText(
  text: string,
  max: number,
  d: DocumentMessages,
  seen: Seen = { cut: false },
): string {
  const { kept, more } = cutText(text, max);
  if (more === 0) return text;
  seen.cut = true;
  return `${kept}${d.printCuts.moreCharacters(more)}`;
}

/** The spans of a rich text, each cut; the same array when nothing is cut. */
function limitRich(rich: Rich, max: number, d: DocumentMessages, seen: Seen): Rich {
  let out: Span[] | undefined;
  rich.forEach((span, i) => {
    const cut = limitText(span.text, max, d, seen);
    if (cut === span.text) return;
    out ??= [...rich];
    // A cut link keeps no address: the address shown would not be the one followed.
    const next: Span = { ...span, text: cut };
    delete next.href;
    out[i] = next;
  });
  return out ?? rich;
}

/** The text of a rich text, to tell one question's evidence rows from the next one's. */
const plainText = (rich: Rich | undefined): string => (rich ?? []).map((s) => s.text).join("");

/**
 * An evidence table's rows with at most `maxEvidence` rows of each question (consecutive rows
 * whose first cell is the same) and `maxEvidenceTotal` in all, then one row saying how many
 * more that question has.
 */
function* limitEvidenceRows(
  rows: Iterable<readonly Rich[]>,
  limits: PrintLimits,
  d: DocumentMessages,
  seen: Seen,
): Generator<readonly Rich[]> {
  let first: Rich | undefined;
  let key = "";
  let shown = 0;
  let more = 0;
  let total = 0;
  let last: readonly Rich[] | undefined;
  const moreRow = (row: readonly Rich[]): Rich[] => {
    seen.cut = true;
    return [...row.slice(0, -1), [{ text: d.printCuts.moreEvidence(more, shown), strong: true }]];
  };
  for (const row of rows) {
    const head = row[0];
    const same = last !== undefined && (head === first || plainText(head) === key);
    if (!same) {
      if (more > 0 && last !== undefined) yield moreRow(last);
      first = head;
      key = plainText(head);
      shown = 0;
      more = 0;
    }
    last = row;
    if (shown < limits.maxEvidence && total < limits.maxEvidenceTotal) {
      shown++;
      total++;
      yield row.map((cell) => limitRich(cell, limits.maxText, d, seen));
    } else more++;
  }
  if (more > 0 && last !== undefined) yield moreRow(last);
}

function limitTable(table: Table, limits: PrintLimits, d: DocumentMessages, seen: Seen): Table {
  const { rows } = table;
  const limited: Iterable<readonly Rich[]> =
    table.id === EVIDENCE_TABLE
      ? { [Symbol.iterator]: () => limitEvidenceRows(rows, limits, d, seen) }
      : {
          *[Symbol.iterator]() {
            for (const row of rows) {
              yield row.map((cell) => limitRich(cell, limits.maxText, d, seen));
            }
          },
        };
  return { ...table, rows: limited };
}

function limitBlock(block: Block, limits: PrintLimits, d: DocumentMessages, seen: Seen): Block {
  const max = limits.maxText;
  switch (block.kind) {
    case "paragraph":
      return { ...block, content: limitRich(block.content, max, d, seen) };
    case "facts":
      return {
        ...block,
        items: block.items.map((item) => ({ ...item, value: limitRich(item.value, max, d, seen) })),
      };
    case "table":
      return { ...block, table: limitTable(block.table, limits, d, seen) };
    case "columns":
      return {
        ...block,
        parts: block.parts.map((part) => ({
          ...part,
          blocks: part.blocks.map((inner) => limitBlock(inner, limits, d, seen)),
        })),
      };
    case "chart":
      return {
        ...block,
        chart: {
          ...block.chart,
          bars: block.chart.bars.map((bar) => ({
            ...bar,
            label: limitText(bar.label, max, d, seen),
            fullLabel: limitText(bar.fullLabel, max, d, seen),
          })),
        },
      };
  }
}

/**
 * The document as the PDF and Word reports show it: every text cut to `maxText` characters,
 * every question's evidence to `maxEvidence` items, each cut said in the document's language;
 * the method section (the last) says the limits — with `sayLimits: "when-cut"` only when a cut
 * was made before it is read. Rows are still made as they are read.
 */
export function limitForPrint<D extends HtmlDocument>(doc: D, limits: PrintLimits): D {
  const d = doc.d;
  const max = limits.maxText;
  const seen: Seen = { cut: false };
  const zoneName = limitText(doc.zoneName, max, d, seen);
  const facts = doc.facts.map((item) => ({ ...item, value: limitRich(item.value, max, d, seen) }));
  const warning = doc.warning === undefined ? undefined : limitRich(doc.warning, max, d, seen);
  const said: Block = { kind: "paragraph", content: [{ text: d.printCuts.method(limits) }] };
  const sections = doc.sections.map((s): Section => {
    const blocks = s.blocks.map((block) => limitBlock(block, limits, d, seen));
    if (s.id !== "method") return { ...s, blocks };
    if (limits.sayLimits !== "when-cut") return { ...s, blocks: [...blocks, said] };
    // Read after the sections before it (whose rows are made as they are read): once read, fixed.
    let fixed: Block[] | undefined;
    return {
      ...s,
      get blocks(): Block[] {
        fixed ??= seen.cut ? [...blocks, said] : blocks;
        return fixed;
      },
    };
  });
  return {
    ...doc,
    zoneName,
    facts,
    ...(warning === undefined ? {} : { warning }),
    sections,
  };
}
