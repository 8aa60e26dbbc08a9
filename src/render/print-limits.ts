/**
 * The limits of the printed (PDF) report: a browser cannot lay out and print a page of 200,000
 * evidence rows or of a 10 MB note in the time netdz waits, and nobody reads one on paper. So
 * the PDF — and only the PDF — shows at most PDF_MAX_EVIDENCE evidence items per question and at
 * most PDF_MAX_TEXT characters (Unicode code points) of any one text, and says at each cut, with
 * the exact number left out, where the rest is. Every other format shows everything. Pure.
 */
import type { DocumentMessages } from "../i18n/document-messages.js";
import type { HtmlDocument } from "./report-html.js";
import type { Block, Rich, Section, Span, Table } from "./report-document.js";

/** Evidence items shown per question in the PDF. */
export const PDF_MAX_EVIDENCE = 1_000;
/**
 * Evidence items shown in the whole PDF: a browser does not print tens of thousands of rows in
 * time, even when each question has fewer than PDF_MAX_EVIDENCE. Past it, a question's evidence
 * is one row saying how many items it has.
 */
export const PDF_MAX_EVIDENCE_TOTAL = 5_000;
/** Characters shown of any one text (a note, a free-text answer, an evidence item, a zone field). */
export const PDF_MAX_TEXT = 20_000;

export interface PrintLimits {
  maxEvidence: number;
  maxEvidenceTotal: number;
  maxText: number;
}

export const PDF_LIMITS: PrintLimits = {
  maxEvidence: PDF_MAX_EVIDENCE,
  maxEvidenceTotal: PDF_MAX_EVIDENCE_TOTAL,
  maxText: PDF_MAX_TEXT,
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
export function limitText(text: string, max: number, d: DocumentMessages): string {
  const { kept, more } = cutText(text, max);
  return more === 0 ? text : `${kept}${d.printCuts.moreCharacters(more)}`;
}

/** The spans of a rich text, each cut; the same array when nothing is cut. */
function limitRich(rich: Rich, max: number, d: DocumentMessages): Rich {
  let out: Span[] | undefined;
  rich.forEach((span, i) => {
    const cut = limitText(span.text, max, d);
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
): Generator<readonly Rich[]> {
  let first: Rich | undefined;
  let key = "";
  let shown = 0;
  let more = 0;
  let total = 0;
  let last: readonly Rich[] | undefined;
  const moreRow = (row: readonly Rich[]): Rich[] => [
    ...row.slice(0, -1),
    [{ text: d.printCuts.moreEvidence(more, shown), strong: true }],
  ];
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
      yield row.map((cell) => limitRich(cell, limits.maxText, d));
    } else more++;
  }
  if (more > 0 && last !== undefined) yield moreRow(last);
}

function limitTable(table: Table, limits: PrintLimits, d: DocumentMessages): Table {
  const { rows } = table;
  const limited: Iterable<readonly Rich[]> =
    table.id === EVIDENCE_TABLE
      ? { [Symbol.iterator]: () => limitEvidenceRows(rows, limits, d) }
      : {
          *[Symbol.iterator]() {
            for (const row of rows) yield row.map((cell) => limitRich(cell, limits.maxText, d));
          },
        };
  return { ...table, rows: limited };
}

function limitBlock(block: Block, limits: PrintLimits, d: DocumentMessages): Block {
  const max = limits.maxText;
  switch (block.kind) {
    case "paragraph":
      return { ...block, content: limitRich(block.content, max, d) };
    case "facts":
      return {
        ...block,
        items: block.items.map((item) => ({ ...item, value: limitRich(item.value, max, d) })),
      };
    case "table":
      return { ...block, table: limitTable(block.table, limits, d) };
    case "columns":
      return {
        ...block,
        parts: block.parts.map((part) => ({
          ...part,
          blocks: part.blocks.map((inner) => limitBlock(inner, limits, d)),
        })),
      };
    case "chart":
      return {
        ...block,
        chart: {
          ...block.chart,
          bars: block.chart.bars.map((bar) => ({
            ...bar,
            label: limitText(bar.label, max, d),
            fullLabel: limitText(bar.fullLabel, max, d),
          })),
        },
      };
  }
}

/**
 * The document as the PDF shows it: every text cut to `maxText` characters, every question's
 * evidence to `maxEvidence` items, each cut said in the document's language; the method section
 * says the limits. Rows are still made as they are read.
 */
export function limitForPrint<D extends HtmlDocument>(doc: D, limits: PrintLimits): D {
  const d = doc.d;
  const max = limits.maxText;
  const sections = doc.sections.map((s): Section => ({
    ...s,
    blocks: [
      ...s.blocks.map((block) => limitBlock(block, limits, d)),
      ...(s.id === "method"
        ? [
            {
              kind: "paragraph",
              content: [{ text: d.printCuts.method(limits) }],
            } satisfies Block,
          ]
        : []),
    ],
  }));
  return {
    ...doc,
    zoneName: limitText(doc.zoneName, max, d),
    facts: doc.facts.map((item) => ({ ...item, value: limitRich(item.value, max, d) })),
    ...(doc.warning === undefined ? {} : { warning: limitRich(doc.warning, max, d) }),
    sections,
  };
}
