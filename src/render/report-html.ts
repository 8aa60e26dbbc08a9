/**
 * The gap report as one self-contained HTML file: the content and order of the Markdown report,
 * with the scores also drawn as inline SVG bar charts, a screen layout that reads from 360 px to
 * wide screens, and a print stylesheet for A4 (a page per section, table headers repeated, no row
 * cut, page numbers and the zone's name in the footer). No scripts, fonts or images are loaded
 * (a Content-Security-Policy forbids it), and every piece of typed text is escaped. Pure.
 */
import type { AnswersFile, MeasureSet } from "../core/model.js";
import { figure, type Assessment } from "../core/score.js";
import { escapedSlices, SLICE_CHARS } from "./escape-slices.js";
import { escapeHtml } from "./html-escape.js";
import {
  buildReportDocument,
  footerName,
  type Block,
  type DocumentOptions,
  type ReportDocument,
  type Rich,
  type Section,
  type Span,
  type Table,
} from "./report-document.js";
import { limitForPrint, type PrintLimits } from "./print-limits.js";
import { FONT_STACK, renderBarChart } from "./svg-charts.js";

export interface HtmlOptions extends DocumentOptions {
  /**
   * For the page printed to PDF only: show at most this many evidence items per question and
   * characters of any one text, saying each cut (see print-limits.ts). The HTML report has none.
   */
  limits?: PrintLimits;
}

/** Renders the report as an HTML document. */
export function renderHtml(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: HtmlOptions,
): string {
  return renderHtmlDocument(reportHtmlDocument(assessment, set, answers, options));
}

/** The page of renderHtml in pieces whose concatenation it is, made as they are read. */
export function htmlPieces(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: HtmlOptions,
): Generator<string> {
  return htmlDocumentPieces(reportHtmlDocument(assessment, set, answers, options));
}

function reportHtmlDocument(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: HtmlOptions,
): HtmlDocument {
  const { limits, ...documentOptions } = options;
  const doc = buildReportDocument(assessment, set, answers, documentOptions);
  return limits === undefined ? doc : limitForPrint(doc, limits);
}

/** What the HTML layout needs of a document (a zone's report, or a roll-up of many). */
export type HtmlDocument = Pick<
  ReportDocument,
  "title" | "zoneName" | "facts" | "warning" | "sections" | "d"
>;

/** Lays out a report document as HTML. */
export function renderHtmlDocument(doc: HtmlDocument): string {
  return [...htmlDocumentPieces(doc)].join("");
}

/**
 * The page of renderHtmlDocument in pieces, a table row or a cell at a time: a report of
 * 200,000 evidence rows, or of a 10 MB note, is written as it is made and never held whole.
 */
export function* htmlDocumentPieces(doc: HtmlDocument): Generator<string> {
  const title = doc.zoneName === "" ? doc.title : `${doc.title} — ${doc.zoneName}`;
  yield [
    "<!DOCTYPE html>",
    `<html lang="${doc.d.htmlLang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="generator" content="netdz">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${stylesheet(doc)}</style>`,
    "</head>",
    "<body>",
    "<main>",
    '<header class="report-header">',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    factsList(doc.facts),
    ...(doc.warning ? [`<p class="warning" role="note">${richHtml(doc.warning)}</p>`] : []),
    "</header>",
  ].join("\n");
  for (const s of doc.sections) {
    yield "\n";
    yield* sectionHtml(s, doc);
  }
  yield "\n</main>\n</body>\n</html>\n";
}

function factsList(items: HtmlDocument["facts"]): string {
  const rows = items.map(
    (item) => `<div><dt>${escapeHtml(item.label)}</dt><dd>${richHtml(item.value)}</dd></div>`,
  );
  return `<dl class="facts">\n${rows.join("\n")}\n</dl>`;
}

/** Pieces joined by line feeds, each piece itself given in pieces. */
function* lines(parts: Iterable<string | Iterable<string>>): Generator<string> {
  let first = true;
  for (const part of parts) {
    if (!first) yield "\n";
    first = false;
    if (typeof part === "string") yield part;
    else yield* part;
  }
}

function sectionHtml(section: Section, doc: HtmlDocument): Generator<string> {
  const classes = section.empty ? "report-section brief" : "report-section";
  const headingId = `h-${section.id}`;
  return lines([
    `<section id="${section.id}" class="${classes}" aria-labelledby="${headingId}">`,
    `<h2 id="${headingId}">${escapeHtml(section.heading)}</h2>`,
    ...section.blocks.map((block) => blockHtml(block, headingId, doc)),
    "</section>",
  ]);
}

function blockHtml(block: Block, headingId: string, doc: HtmlDocument): string | Iterable<string> {
  switch (block.kind) {
    case "paragraph":
      return `<p>${richHtml(block.content)}</p>`;
    case "facts":
      return factsList(block.items);
    case "table":
      return tableHtml(block.table, headingId, doc);
    case "columns":
      return lines([
        block.stacked ? '<div class="parts">' : '<div class="side-by-side">',
        ...block.parts.map((part, i) => {
          const id = `${headingId}-${i + 1}`;
          return lines([
            `<div class="part" role="group" aria-labelledby="${id}">`,
            `<h3 id="${id}">${escapeHtml(part.heading)}</h3>`,
            ...part.blocks.map((inner) => blockHtml(inner, id, doc)),
            "</div>",
          ]);
        }),
        "</div>",
      ]);
    case "chart":
      return (
        `<figure class="chart-figure" id="chart-${block.chart.id}">` +
        `<figcaption>${escapeHtml(block.chart.title)}</figcaption>\n` +
        `${renderBarChart(block.chart, doc.d.charts)}</figure>`
      );
  }
}

function* tableHtml(table: Table, headingId: string, doc: HtmlDocument): Generator<string> {
  const classOf = (i: number, header: boolean): string => {
    const column = table.columns[i];
    const classes = [
      column?.align === "right" ? "num" : "",
      column?.nowrap && !header ? "nowrap" : "",
    ];
    const joined = classes.filter((c) => c !== "").join(" ");
    return joined === "" ? "" : ` class="${joined}"`;
  };
  const head = table.columns
    .map((column, i) => `<th scope="col"${classOf(i, true)}>${escapeHtml(column.title)}</th>`)
    .join("");
  // A table of long texts is laid out on the columns' shares (see Column.share).
  const shared = table.columns.length > 0 && table.columns.every((c) => c.share !== undefined);
  const colgroup = shared
    ? `<colgroup>${table.columns.map((c) => `<col style="width:${c.share ?? 0}%">`).join("")}</colgroup>`
    : "";
  // Each column's class and label of a cell, made once for all rows.
  const classes = table.columns.map((_, i) => `<td${classOf(i, false)}`);
  const labels = table.columns.map((column) => ` data-label="${escapeHtml(column.title)}">`);
  yield [
    `<div class="table-block"><table id="table-${table.id}"${shared ? ' class="shared"' : ""} aria-labelledby="${headingId}">`,
    ...(colgroup === "" ? [] : [colgroup]),
    `<thead><tr>${head}</tr></thead>`,
    "<tbody>",
  ].join("\n");
  // A cell shared by consecutive rows (a question's cells beside each of its evidence items) is
  // escaped once.
  const last: { cell?: Rich; html?: string }[] = table.columns.map(() => ({}));
  for (const row of table.rows) {
    yield "\n<tr>";
    for (const [i, cell] of row.entries()) {
      const heat = cell.find((span) => span.heat !== undefined)?.heat;
      const shade = heat === undefined ? "" : ` style="background:${heatColour(heat)}"`;
      yield `${classes[i] ?? "<td"}${shade}${labels[i] ?? ' data-label="">'}`;
      const memo = last[i];
      if (cell.some(isLong)) {
        // A 10 MB note is escaped and written a slice at a time, never held escaped whole.
        for (const span of cell) yield* spanPieces(span, doc);
      } else if (memo !== undefined && memo.cell === cell && memo.html !== undefined) {
        yield memo.html;
      } else {
        const html = richHtml(cell, doc);
        if (memo !== undefined) Object.assign(memo, { cell, html });
        yield html;
      }
      yield "</td>";
    }
    yield "</tr>";
  }
  yield "\n</tbody>\n</table></div>";
}

/**
 * A light background for a score on 0…100: pale red for low, pale yellow for middling, pale green
 * for high. Light enough for black text and for printing; the number is always printed too.
 */
export function heatColour(score: number): string {
  const t = Math.min(100, Math.max(0, score)) / 100;
  const hue = Math.round(t * 120);
  return `hsl(${hue}, 70%, 86%)`;
}

/** A text span longer than a slice (see escape-slices). */
function isLong(span: Span): boolean {
  return span.bar === undefined && span.text.length + (span.href?.length ?? 0) > SLICE_CHARS;
}

/** The HTML of spanHtml in pieces: a long text escaped a slice at a time. */
function* spanPieces(span: Span, doc: HtmlDocument): Generator<string> {
  if (!isLong(span)) {
    yield spanHtml(span, doc);
    return;
  }
  const [open, close] =
    span.href !== undefined ? ["", "</a>"] : span.strong ? ["<strong>", "</strong>"] : ["", ""];
  if (span.href !== undefined) {
    yield '<a href="';
    yield* escapedSlices(span.href, escapeHtml);
    yield '" rel="noopener noreferrer">';
  }
  yield open;
  yield* escapedSlices(span.text, span.lines ? escapeLines : escapeHtml);
  yield close;
}

/** Escaped text with its line breaks ("\n", see keptLines) as `<br>`. */
function escapeLines(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>");
}

function richHtml(content: Rich, doc?: HtmlDocument): string {
  return content.map((span) => spanHtml(span, doc)).join("");
}

function spanHtml(span: Span, doc: HtmlDocument | undefined): string {
  if (span.bar !== undefined) {
    if (span.bar === null || doc === undefined) return "—";
    const width = Math.min(100, Math.max(0, span.bar));
    const label = doc.d.barLabel(span.shown ?? figure(span.bar));
    return (
      `<span class="meter" role="img" aria-label="${escapeHtml(label)}">` +
      `<span class="meter-fill" style="width:${width.toFixed(1)}%"></span></span>`
    );
  }
  const text = span.lines ? escapeLines(span.text) : escapeHtml(span.text);
  if (span.href !== undefined) {
    return `<a href="${escapeHtml(span.href)}" rel="noopener noreferrer">${text}</a>`;
  }
  return span.strong ? `<strong>${text}</strong>` : text;
}

/** A CSS string literal: quotes, backslashes, line breaks and `<` written as escapes. */
export function cssString(text: string): string {
  const escaped = text.replace(
    /[\\"'<>&\p{Cc}\p{Zl}\p{Zp}]/gu,
    (char) => `\\${(char.codePointAt(0) ?? 0).toString(16)} `,
  );
  return `"${escaped}"`;
}

function stylesheet(doc: HtmlDocument): string {
  const [before = "", rest = ""] = doc.d.pageOf("\uE000", "\uE001").split("\uE000");
  const [between = "", after = ""] = rest.split("\uE001");
  const pageNumbers = [
    cssString(before),
    "counter(page)",
    cssString(between),
    "counter(pages)",
    cssString(after),
  ].join(" ");
  return `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a5565; --line: #c9d0da; --head: #eef2f7; --accent: #2563a8; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font-family: ${FONT_STACK}; line-height: 1.6; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.65rem; line-height: 1.3; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; line-height: 1.35; margin: 2.25rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--accent); }
p { margin: 0.5rem 0; }
.warning { margin: 1rem 0; padding: 0.5rem 0.75rem; border-left: 4px solid #b45309; background: #fff7ed; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.25rem 1rem; margin: 0; }
.facts div { display: contents; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.table-block { margin: 0.75rem 0; max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border: 1px solid var(--line); padding: 0.35rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { min-width: 3.5em; overflow-wrap: normal; word-break: keep-all; hyphens: manual; }
table.shared { table-layout: fixed; }
.nowrap { white-space: nowrap; }
thead th { background: var(--head); font-weight: 700; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
.meter { display: inline-block; width: 8rem; max-width: 100%; height: 0.85rem; vertical-align: middle; background: #e6e9ee; border: 1px solid #8a94a6; }
.meter-fill { display: block; height: 100%; background: var(--accent); }
.chart-figure { margin: 1.25rem 0; }
.chart-figure figcaption { font-weight: 700; margin-bottom: 0.4rem; }
svg.chart { display: block; width: 100%; max-width: 34rem; height: auto; }
a { color: #1d4f91; overflow-wrap: anywhere; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 30rem), 1fr)); gap: 1rem; }
.part { min-width: 0; }
.side-by-side h3, .parts h3 { font-size: 1.05rem; margin: 0.75rem 0 0.5rem; }
td[style] { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media screen and (max-width: 40rem) {
  main { padding: 1rem 0.75rem 2rem; }
  .facts { grid-template-columns: minmax(0, 1fr); }
  .facts dd { margin-bottom: 0.4rem; }
  table, thead, tbody, tr, th, td { display: block; width: 100%; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  tr { border: 1px solid var(--line); margin-bottom: 0.6rem; }
  td { border: 0; border-bottom: 1px solid var(--head); display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 0.5rem; }
  td:last-child { border-bottom: 0; }
  td::before { content: attr(data-label); font-weight: 700; }
  td.num { text-align: left; }
  th { min-width: 0; }
  .nowrap { white-space: normal; }
  table.shared { table-layout: auto; }
  colgroup { display: none; }
}
@page { size: A4; margin: 16mm 14mm 18mm 14mm;
  @bottom-left { content: ${cssString(footerName(doc.zoneName))}; font-size: 8pt; color: #333; }
  @bottom-right { content: ${pageNumbers}; font-size: 8pt; color: #333; } }
@media print {
  html { font-size: 9.5pt; }
  body { font-size: 1rem; line-height: 1.45; }
  table { font-size: 0.95rem; line-height: 1.35; }
  main { max-width: none; padding: 0; }
  .report-section { break-before: page; }
  .report-section.brief, .report-header + .report-section { break-before: auto; }
  h2 { break-after: avoid; margin-top: 0.5rem; }
  .report-section.brief h2 { margin-top: 1.5rem; }
  .table-block { overflow: visible; }
  thead { display: table-header-group; }
  th, td { padding: 0.25rem 0.3rem; }
  tr, figure, svg, .facts div { break-inside: avoid; }
  thead th, .meter, .meter-fill { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;
}
