/**
 * The gap report as a Word document (.docx, written with the `docx` library) that opens in Word,
 * WPS and LibreOffice: the title, the header facts as a table, a Heading 1/Heading 2 per section
 * (real heading styles, so the navigation pane and a table of contents work), the areas,
 * measures, gaps and other lists as real tables whose header row repeats on every page, and the
 * charts as PNG pictures with alternative text. A4 with page numbers and the zone's name in the
 * footer. Chinese text in SimSun (宋体), headings in SimHei (黑体), Latin text in Calibri.
 *
 * Pure apart from the chart pictures, which the caller rasterises (see src/fs/chart-images.ts).
 * Deterministic: the document properties carry the report's date, not the clock, and the zip is
 * written with fixed entry times, so the same answers give the same bytes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { AnswersFile, MeasureSet } from "../core/model.js";
import type { Assessment } from "../core/score.js";
import { escapedSlices } from "./escape-slices.js";
import { escapeHtml } from "./html-escape.js";
import { documentTime, withEntryTimes } from "./zip-time.js";
import {
  buildReportDocument,
  footerName,
  type BarChart,
  type Block,
  type DocumentOptions,
  type ReportDocument,
  type Rich,
  type Span,
  type Table as DocTable,
} from "./report-document.js";
import { limitForPrint, type PrintLimits } from "./print-limits.js";
import {
  barTitle,
  CHART_WIDTH,
  chartLayout,
  isWideCode,
  renderBarChart,
  textWidth,
} from "./svg-charts.js";

/** The drawing id of each chart, unique in the document. */
const CHART_IDS: Readonly<Record<BarChart["id"], number>> = { areas: 1, measures: 2, gaps: 3 };

/** A chart rasterised to PNG. */
export interface ChartImage {
  png: Uint8Array;
}

/** Turns a chart's SVG into a PNG (I/O: it reads fonts); injected so this module stays pure. */
export type Rasterise = (svg: string) => ChartImage | Promise<ChartImage>;

export interface DocxOptions extends DocumentOptions {
  /** Rasterises the charts; without it, the charts are left out. */
  rasterise?: Rasterise;
  /**
   * Show at most this many evidence items per question and characters of any one text, saying
   * each cut (see print-limits.ts); `netdz report --format docx` gives DOCUMENT_LIMITS. Without
   * it, everything.
   */
  limits?: PrintLimits;
  /**
   * Texts of runs longer than this many characters are kept out of the docx library (see
   * LongTexts); default LONG_TEXT. Tests set it to Infinity to compare both ways.
   */
  longText?: number;
}

export const LATIN_FONT = "Calibri";
export const BODY_CJK_FONT = "SimSun";
export const HEADING_CJK_FONT = "SimHei";

/** A4 in twentieths of a point, and 2 cm margins. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134;
/** The text width in twentieths of a point. */
const TEXT_WIDTH = A4.width - 2 * MARGIN;
/** The text width in pixels at 96 dpi (A4 minus margins), for picture sizes. */
const TEXT_WIDTH_PX = Math.floor(((A4.width - 2 * MARGIN) / 1440) * 96);

const font = (cjk: string) => ({
  ascii: LATIN_FONT,
  hAnsi: LATIN_FONT,
  cs: LATIN_FONT,
  eastAsia: cjk,
});

/** Renders the report as .docx bytes. */
export async function renderDocx(
  assessment: Assessment,
  set: MeasureSet,
  answers: AnswersFile,
  options: DocxOptions,
): Promise<Uint8Array> {
  const { limits } = options;
  const whole = buildReportDocument(assessment, set, answers, options);
  const doc = limits === undefined ? whole : limitForPrint(whole, limits);
  const long = new LongTexts(options.longText ?? LONG_TEXT);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    factsTable(doc, long),
    ...(doc.warning
      ? [new Paragraph({ spacing: { before: 160 }, children: runs(doc.warning, long) })]
      : []),
  ];
  for (const section of doc.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
    );
    for (const [i, block] of section.blocks.entries()) {
      const beforeTable = section.blocks[i + 1]?.kind === "table";
      children.push(...(await blockParts(block, doc, options, long, beforeTable)));
    }
  }
  const document = new Document({
    creator: "netdz",
    lastModifiedBy: "netdz",
    title: propertiesTitle(doc),
    description: doc.title,
    revision: 1,
    styles: styles(doc),
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, footer: 567 },
            pageNumbers: { start: 1 },
          },
        },
        footers: { default: footer(doc) },
        children,
      },
    ],
  });
  const stamp = documentTime(doc.date);
  const core = corePropertiesXml(doc, stamp);
  const packed = await Packer.toBuffer(document, false, [
    { path: "docProps/core.xml", data: core },
  ]);
  return withEntryTimes(new Uint8Array(packed), stamp, (name, data) =>
    name === "word/document.xml" ? long.expand(withLineBreaks(data)) : data,
  );
}

/** Runs longer than this many characters are kept out of the docx library (see LongTexts). */
export const LONG_TEXT = 1000;

const LONG_OPEN = "\uE011";
const LONG_CLOSE = "\uE012";
const LONG_OPEN_BYTES = new TextEncoder().encode(LONG_OPEN);

/**
 * Long texts kept out of the docx library's tree: a run of a 10 MB note, or a cell of 200,000
 * evidence lines, holds a short mark (two private-use characters around a number) in its place,
 * and the text, escaped as the library escapes a run's text, is written over the mark in
 * document.xml after packing. The library keeps several copies of every text it holds (its
 * tree, the XML string, the zip): a 10 MB note took 300 MB; this way the report's text is in
 * memory about once. The same bytes out as through the library (a test compares both ways).
 */
class LongTexts {
  private readonly texts: (readonly string[])[] = [];
  constructor(private readonly limit: number) {}

  /** The text of a run from its pieces: as it is, or a mark standing for it. */
  run(pieces: readonly string[]): string {
    let length = 0;
    for (const piece of pieces) length += piece.length;
    if (length <= this.limit) return pieces.join("");
    this.texts.push(pieces);
    return `${LONG_OPEN}${this.texts.length - 1}${LONG_CLOSE}`;
  }

  /** document.xml with each mark replaced by its text, escaped (line-break marks as breaks). */
  expand(xml: Uint8Array): Uint8Array {
    if (this.texts.length === 0) return xml;
    const bytes = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
    const isDigit = (byte: number | undefined) =>
      byte !== undefined && byte >= 0x30 && byte <= 0x39;
    // The marks in order: where each starts and ends, and the pieces of its text.
    const marks: { at: number; end: number; pieces: readonly string[] }[] = [];
    for (let at = bytes.indexOf(LONG_OPEN_BYTES); at !== -1;) {
      const digits = at + LONG_OPEN_BYTES.length;
      let end = digits;
      while (isDigit(bytes[end])) end++;
      const pieces = this.texts[Number(bytes.toString("latin1", digits, end))] ?? [];
      end += LONG_OPEN_BYTES.length;
      marks.push({ at, end, pieces });
      at = bytes.indexOf(LONG_OPEN_BYTES, end);
    }
    // Twice over the pieces: the size of the expanded XML first, then each piece escaped again
    // and written straight into it, so the XML is never held in parts and then copied whole.
    // A long piece (a 10 MB note) is escaped a slice at a time, never whole.
    const xmlOf = (piece: string): Iterable<string> =>
      piece === LINE_BREAK ? [BREAK_XML] : escapedSlices(piece, escapeRunTextWhole);
    let total = bytes.length;
    for (const mark of marks) {
      total -= mark.end - mark.at;
      for (const piece of mark.pieces) {
        for (const xml of xmlOf(piece)) total += Buffer.byteLength(xml, "utf8");
      }
    }
    const out = Buffer.alloc(total);
    let written = 0;
    let start = 0;
    for (const mark of marks) {
      written += bytes.copy(out, written, start, mark.at);
      for (const piece of mark.pieces) {
        for (const xml of xmlOf(piece)) written += out.write(xml, written, "utf8");
      }
      start = mark.end;
    }
    bytes.copy(out, written, start);
    return out;
  }
}

/** What the docx library escapes in a run's text, and how (its `escapeAll`). */
// eslint-disable-next-line no-control-regex -- the control characters it drops
const RUN_TEXT_SPECIAL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const RUN_TEXT_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};

/** A run's text as the docx library writes it into document.xml; line-break marks as breaks. */
function escapeRunTextWhole(text: string): string {
  const escaped = text.replace(RUN_TEXT_SPECIAL, (char) => RUN_TEXT_ESCAPES[char] ?? "");
  return escaped.includes(LINE_BREAK) ? escaped.split(LINE_BREAK).join(BREAK_XML) : escaped;
}

/**
 * Stands for a line break inside the text of one run: a cell of thousands of lines is one run
 * whose text the packer escapes as usual, and each mark becomes `<w:br/>` in document.xml after
 * packing. (The docx library keeps dozens of objects per run, row or cell: a run per line of a
 * 10 MB list took gigabytes.) A private-use character, so no report text holds it.
 */
const LINE_BREAK = "\uE010";
const BREAK_XML = '</w:t><w:br/><w:t xml:space="preserve">';

const encoder = new TextEncoder();
const BREAK_MARK_BYTES = encoder.encode(LINE_BREAK);
const BREAK_XML_BYTES = encoder.encode(BREAK_XML);

/** document.xml with each line-break mark replaced, byte by byte (the XML is never decoded). */
function withLineBreaks(xml: Uint8Array): Uint8Array {
  const bytes = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  let at = bytes.indexOf(BREAK_MARK_BYTES);
  if (at === -1) return xml;
  const parts: Uint8Array[] = [];
  let start = 0;
  while (at !== -1) {
    parts.push(bytes.subarray(start, at), BREAK_XML_BYTES);
    start = at + BREAK_MARK_BYTES.length;
    at = bytes.indexOf(BREAK_MARK_BYTES, start);
  }
  parts.push(bytes.subarray(start));
  return Buffer.concat(parts);
}

function styles(doc: ReportDocument) {
  const language = { value: doc.lang === "zh" ? "zh-CN" : "en-GB", eastAsia: "zh-CN" };
  return {
    default: {
      document: {
        run: { font: font(BODY_CJK_FONT), size: 21, language },
        paragraph: { spacing: { after: 120, line: 300, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: font(HEADING_CJK_FONT), size: 36, bold: true } },
      heading1: {
        run: { font: font(HEADING_CJK_FONT), size: 30, bold: true, color: "1F3A5F" },
        paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
      },
      heading2: {
        run: { font: font(HEADING_CJK_FONT), size: 24, bold: true, color: "1F3A5F" },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
      },
    },
  };
}

function footer(doc: ReportDocument): Footer {
  const [before = "", rest = ""] = doc.d.pageOf("\uE000", "\uE001").split("\uE000");
  const [between = "", after = ""] = rest.split("\uE001");
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            text: doc.zoneName === "" ? "" : `${footerName(doc.zoneName)}    `,
            size: 16,
          }),
          new TextRun({
            size: 16,
            children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES, after],
          }),
        ],
      }),
    ],
  });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "9AA5B5" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
const HEAD_SHADING = { type: ShadingType.CLEAR, fill: "E8EDF4", color: "auto" };

function runs(content: Rich, long: LongTexts, bold = false): TextRun[] {
  return content.map(
    (span) => new TextRun({ text: long.run([runText(span)]), bold: bold || span.strong === true }),
  );
}

/** A span's text for a run: its kept line breaks ("\n", see keptLines) as line-break marks. */
function runText(span: Span): string {
  return span.lines ? span.text.replace(/\n/g, LINE_BREAK) : span.text;
}

/** Type size of table text in half-points (9 pt), and the cells' left and right margins. */
const TABLE_SIZE = 18;
const CELL_MARGIN = 80;

function cell(
  content: Rich,
  long: LongTexts,
  options: { head?: boolean; right?: boolean; width?: number; size?: number } = {},
): TableCell {
  return new TableCell({
    borders: BORDERS,
    ...(options.width === undefined ? {} : { width: { size: options.width, type: WidthType.DXA } }),
    ...(options.head ? { shading: HEAD_SHADING } : {}),
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
    children: [
      new Paragraph({
        spacing: { after: 0, line: 260, lineRule: LineRuleType.AUTO },
        ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
        children: mergedSpans(content).map(
          (span) =>
            new TextRun({
              text: long.run(span.texts),
              bold: options.head === true || span.strong === true,
              ...(options.size === undefined ? {} : { size: options.size }),
            }),
        ),
      }),
    ],
  });
}

/** Adjacent spans of the same weight as one span (one run instead of one per span). */
function mergedSpans(content: Rich): { texts: string[]; strong: boolean }[] {
  const merged: { texts: string[]; strong: boolean }[] = [];
  for (const span of content) {
    const strong = span.strong === true;
    const last = merged.at(-1);
    if (last?.strong === strong) last.texts.push(runText(span));
    else merged.push({ texts: [runText(span)], strong });
  }
  return merged;
}

/**
 * Consecutive rows equal in every cell but the last, as one row whose last cell holds each of
 * their last cells on a line of its own: a question with 5,000 evidence items is one row with
 * 5,000 lines, not 5,000 rows (each row costs the docx library tens of kilobytes). Nothing is
 * left out.
 */
export function stackedRows(rows: Iterable<readonly Rich[]>): Rich[][] {
  const out: Rich[][] = [];
  let lastKey: string | undefined;
  let lastRow: readonly Rich[] | undefined;
  for (const row of rows) {
    // The same cells as the row before (a question's cells shared by its evidence rows) need
    // no key of their own.
    const same = lastRow !== undefined && lastKey !== undefined && sameLeadingCells(row, lastRow);
    const key =
      row.length < 2
        ? undefined
        : same
          ? lastKey
          : JSON.stringify(row.slice(0, -1).map((c) => c.map((s) => [s.text, s.strong, s.bar])));
    const previous = out.at(-1);
    const last = previous?.at(-1);
    if (key !== undefined && key === lastKey && last !== undefined) {
      // In place: a copy per line would be quadratic in the lines of the cell.
      last.push(BREAK_SPAN);
      for (const span of row.at(-1) ?? []) last.push(span);
    } else {
      out.push([...row.slice(0, -1), [...(row.at(-1) ?? [])]]);
    }
    lastKey = key;
    lastRow = row;
  }
  return out;
}

/** One line-break span, shared by every cell of stacked lines. */
const BREAK_SPAN: Readonly<{ text: string }> = { text: LINE_BREAK };

/** Whether two rows of the same length hold the very same cells but the last. */
function sameLeadingCells(row: readonly Rich[], other: readonly Rich[]): boolean {
  if (row.length !== other.length) return false;
  for (let i = 0; i < row.length - 1; i++) if (row[i] !== other[i]) return false;
  return true;
}

/**
 * The width in twentieths of a point that a text needs on one line in table type, with the
 * cell's margins; generous, since LibreOffice sets Calibri in a wider stand-in when it lacks it.
 */
export function unbrokenWidth(text: string): number {
  return emsWidth(textWidth(text));
}

/** The width in twentieths of a point of `ems` on one line in table type, with the margins. */
function emsWidth(ems: number): number {
  const points = ems * (TABLE_SIZE / 2) * 1.12;
  return Math.ceil(points * 20) + 2 * CELL_MARGIN + 40;
}

/**
 * The narrowest each column may be: the longest word of its header and of its cells (a run of
 * Chinese counts as one word in a header, so 完成时限 is not broken; in a cell Chinese may break
 * anywhere) and, for a column that must not wrap, its longest value. fittedWidths caps it.
 */
export function minimumWidths(table: DocTable): number[] {
  // No column is made wider than the text width, so a scan stops there (a 10 MB note is not
  // walked to its end, nor copied). One pass over the rows for every column: the evidence
  // index makes its rows as they are read.
  const cap = TEXT_WIDTH;
  const wordWidth = (ems: number) => (ems === 0 ? 0 : emsWidth(ems));
  const least = table.columns.map((column) => wordWidth(widestWord([column.title], false, cap)));
  const previous: (Rich | undefined)[] = table.columns.map(() => undefined);
  for (const row of table.rows) {
    let open = false;
    for (const [i, column] of table.columns.entries()) {
      const cell = row[i];
      // A cell shared with the row before (a question's, beside each of its evidence items)
      // was measured there.
      if ((least[i] ?? 0) >= cap || cell === undefined || cell === previous[i]) {
        open ||= (least[i] ?? 0) < cap;
        continue;
      }
      previous[i] = cell;
      const texts = cell.map((span) => span.text);
      const width = column.nowrap
        ? emsWidth(lineWidth(texts, cap))
        : wordWidth(widestWord(texts, true, cap));
      least[i] = Math.max(least[i] ?? 0, width);
      open ||= (least[i] ?? 0) < cap;
    }
    if (!open) break;
  }
  return least;
}

/** The ems past which a text is wider than `cap` twentieths of a point in table type. */
function capEms(cap: number): number {
  return cap / (20 * (TABLE_SIZE / 2) * 1.12);
}

/** The width in ems of texts set on one line, counted up to the cap. */
function lineWidth(texts: readonly string[], cap: number): number {
  const limit = capEms(cap);
  let width = 0;
  for (const text of texts) {
    for (const char of text) {
      width += textWidth(char);
      if (width > limit) return width;
    }
  }
  return width;
}

/**
 * The width in ems of the widest word of texts (the spans of one cell, read as one text): words
 * end at white space and, with `cjkBreaks`, at every wide (CJK) character, where Chinese may
 * break (the runs of other characters between them are the words). One pass, no copies; counted
 * up to the cap.
 */
/** The characters `\s` matches. */
function isSpaceCode(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function widestWord(texts: readonly string[], cjkBreaks: boolean, cap: number): number {
  const limit = capEms(cap);
  let widest = 0;
  let word = 0;
  for (const text of texts) {
    // By code point, not `for of`: a 10 MB note would make a string of every character.
    for (let at = 0; at < text.length;) {
      const code = text.codePointAt(at) ?? 0;
      at += code > 0xffff ? 2 : 1;
      if (isSpaceCode(code)) {
        word = 0;
        continue;
      }
      const width = isWideCode(code) ? 1 : 0.6;
      if (cjkBreaks && width >= 1) {
        word = 0;
        continue;
      }
      word += width;
      if (word > widest) {
        widest = word;
        if (widest > limit) return widest;
      }
    }
  }
  return widest;
}

/**
 * Widths from shares, each at least its minimum: what a narrow column lacks is taken from the
 * columns that have room to spare, in proportion to that room. The widths add up to the text width.
 */
export function fittedWidths(shares: readonly number[], minimums: readonly number[]): number[] {
  const widths = columnWidths(shares);
  const least = widths.map((_, i) => Math.min(minimums[i] ?? 0, TEXT_WIDTH / widths.length));
  const lacking = widths.reduce((sum, width, i) => sum + Math.max(0, (least[i] ?? 0) - width), 0);
  if (lacking <= 0) return widths;
  const spare = widths.map((width, i) => Math.max(0, width - (least[i] ?? 0)));
  const totalSpare = spare.reduce((sum, room) => sum + room, 0);
  if (totalSpare <= 0) return widths;
  const fitted = widths.map((width, i) =>
    Math.floor(
      Math.max(width, least[i] ?? 0) -
        ((spare[i] ?? 0) / totalSpare) * Math.min(lacking, totalSpare),
    ),
  );
  const rest = TEXT_WIDTH - fitted.reduce((sum, width) => sum + width, 0);
  const widest = fitted.indexOf(Math.max(...fitted));
  fitted[widest] = (fitted[widest] ?? 0) + rest;
  return fitted;
}

/**
 * Column widths in twentieths of a point, from relative shares: Word, WPS and LibreOffice lay out
 * a fixed grid alike, where "autofit" leaves narrow columns wrapping a character a line.
 */
export function columnWidths(shares: readonly number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  const widths = shares.map((share) => Math.floor((share / total) * TEXT_WIDTH));
  const rest = TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  if (widths.length > 0) widths[widths.length - 1] = (widths.at(-1) ?? 0) + rest;
  return widths;
}

/** Relative column widths: the document model's shares, else by the length of the texts. */
function sharesOf(table: DocTable): readonly number[] {
  if (table.columns.every((column) => column.share !== undefined)) {
    return table.columns.map((column) => column.share ?? 0);
  }
  return table.columns.map((_, i) => {
    const longest = Math.max(
      4,
      ...[...table.rows].map((row) => (row[i] ?? []).reduce((n, span) => n + span.text.length, 0)),
    );
    return Math.min(60, Math.sqrt(longest));
  });
}

function factsTable(doc: ReportDocument, long: LongTexts): Table {
  const widths = columnWidths([20, 80]);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: doc.facts.map(
      (item) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell([{ text: item.label }], long, { head: true, width: widths[0] }),
            cell(item.value, long, { width: widths[1] }),
          ],
        }),
    ),
  });
}

function dataTable(table: DocTable, long: LongTexts): Table {
  const widths = fittedWidths(sharesOf(table), minimumWidths(table));
  const at = (i: number) => ({
    right: table.columns[i]?.align === "right",
    width: widths[i],
    size: TABLE_SIZE,
  });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) =>
      cell([{ text: c.title }], long, { head: true, ...at(i) }),
    ),
  });
  const rows = stackedRows(table.rows).map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((content, i) => cell(barAsText(content), long, at(i))),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

/** Width of the text bars in Word tables: half the Markdown report's, to fit a column. */
const DOCX_BAR_WIDTH = 10;

/** A score bar as `█` and `░` characters. */
function barAsText(content: Rich): Rich {
  // A cell of 200,000 evidence lines is passed on as it is, not copied.
  if (!content.some((span) => span.bar !== undefined)) return content;
  return content.map((span) => {
    if (span.bar === undefined) return span;
    if (span.bar === null) return { text: "—" };
    const filled = Math.round((Math.min(100, Math.max(0, span.bar)) / 100) * DOCX_BAR_WIDTH);
    return { text: "█".repeat(filled) + "░".repeat(DOCX_BAR_WIDTH - filled) };
  });
}

/**
 * A block as Word paragraphs and tables. A paragraph that introduces a table is kept on the page
 * of the table's first row (keepNext, keepLines), as headings are by their style.
 */
async function blockParts(
  block: Block,
  doc: ReportDocument,
  options: DocxOptions,
  long: LongTexts,
  beforeTable = false,
): Promise<(Paragraph | Table)[]> {
  switch (block.kind) {
    case "paragraph":
      return [
        new Paragraph({
          ...(beforeTable ? { keepNext: true, keepLines: true } : {}),
          children: runs(block.content, long),
        }),
      ];
    case "facts":
      return block.items.map(
        (item) =>
          new Paragraph({
            children: [
              new TextRun({ text: `${item.label}: `, bold: true }),
              ...runs(item.value, long),
            ],
          }),
      );
    case "table":
      return [dataTable(block.table, long), new Paragraph({ children: [] })];
    case "chart":
      return chartParts(block.chart, doc, options);
    case "columns": {
      const parts: (Paragraph | Table)[] = [];
      for (const part of block.parts) {
        parts.push(
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(part.heading)] }),
        );
        for (const [i, inner] of part.blocks.entries()) {
          const beforeTable = part.blocks[i + 1]?.kind === "table";
          parts.push(...(await blockParts(inner, doc, options, long, beforeTable)));
        }
      }
      return parts;
    }
  }
}

async function chartParts(
  chart: BarChart,
  doc: ReportDocument,
  options: DocxOptions,
): Promise<Paragraph[]> {
  if (options.rasterise === undefined) return [];
  const svg = renderBarChart(chart, doc.d.charts);
  const image = await options.rasterise(svg);
  const width = Math.min(TEXT_WIDTH_PX, Math.round(CHART_WIDTH * 1.4));
  const height = Math.round((chartLayout(chart).height * width) / CHART_WIDTH);
  const description = chart.bars.map((bar) => barTitle(bar, chart.unit, doc.d.charts)).join("; ");
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      children: [new TextRun(chart.title)],
    }),
    new Paragraph({
      keepLines: true,
      spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: "png",
          data: image.png,
          transformation: { width, height },
          altText: {
            // Fixed ids: the library's own counter runs on across documents in one process.
            id: String(CHART_IDS[chart.id]),
            name: `chart-${chart.id}`,
            title: doc.d.charts.summary(chart.title, chart.bars.length),
            description,
          },
        }),
      ],
    }),
  ];
}

/**
 * The document's title property: the report's title and the zone's name, cut with "…" as the
 * page footer cuts it (the first page's header facts carry the name in full), so a 10 MB name is
 * not copied into the properties as well.
 */
function propertiesTitle(doc: ReportDocument): string {
  return doc.zoneName === "" ? doc.title : `${doc.title} — ${footerName(doc.zoneName)}`;
}

/** docProps/core.xml with the report's date as created and modified time. */
function corePropertiesXml(doc: ReportDocument, time: Date): string {
  const stamp = time.toISOString().replace(/\.\d{3}Z$/, "Z");
  const title = propertiesTitle(doc);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeHtml(title)}</dc:title>` +
    `<dc:creator>netdz</dc:creator>` +
    `<dc:language>${doc.d.htmlLang}</dc:language>` +
    `<cp:lastModifiedBy>netdz</cp:lastModifiedBy>` +
    `<cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}
