/**
 * Horizontal bar charts as standalone SVG, drawn by netdz itself: one row per bar, its label above
 * it (in full, wrapped over as many lines as it needs) and its value printed after it, so the
 * chart reads without colour. The chart and every bar
 * carry a `<title>` (and the chart an `aria-label`) with the label and value in words. The same
 * SVG is inlined in the HTML report and rasterised for the Word report. Pure and deterministic.
 */
import type { BarChart, ChartBar } from "./report-document.js";
import { escapeHtml } from "./html-escape.js";

/** The font stack of the charts and the HTML report: CJK faces of Windows, macOS and Linux. */
export const FONT_STACK =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", ' +
  '"Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

export const CHART_WIDTH = 420;
const FONT_SIZE = 12;
const ROW_HEIGHT = 34;
const BAR_HEIGHT = 12;
const LABEL_GAP = 5;
const VALUE_SPACE = 48;
const PADDING = 6;
/** Distance between the lines of a label that wraps. */
const LINE_HEIGHT = 15;
/** Width of a label line in ems: the chart's width, with a little room for wide Latin letters. */
const LABEL_EMS = (CHART_WIDTH / FONT_SIZE) * 0.92;

export interface ChartLabels {
  /** Alternative text of one bar; `value` null for "not applicable", said in words. */
  bar(label: string, value: string | null, unit: string): string;
  /** Alternative text of the whole chart. */
  summary(title: string, count: number): string;
}

/** Width of text in ems, roughly: wide (CJK, full-width) characters 1, others 0.6. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char) ? 1 : 0.6;
  return width;
}

function isWide(char: string): boolean {
  return isWideCode(char.codePointAt(0) ?? 0);
}

/** Whether a code point is set a full em wide (CJK), as textWidth counts it. */
export function isWideCode(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/**
 * The text broken into lines at most `ems` wide: at spaces, and between wide (CJK) characters,
 * which Chinese text may break between; a word longer than a line is broken where it must. Each
 * line but the last keeps its trailing space, so the lines joined give the text back.
 */
export function wrapText(text: string, ems: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of unbreakable(text)) {
    if (textWidth(`${line}${piece}`.trimEnd()) <= ems) {
      line += piece;
      continue;
    }
    if (line !== "") lines.push(line);
    line = "";
    // A piece wider than a line on its own: cut it where the line is full.
    for (const char of piece) {
      if (line !== "" && textWidth(`${line}${char}`.trimEnd()) > ems) {
        lines.push(line);
        line = "";
      }
      line += char;
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * The text in pieces that are not broken: a run of narrow characters, or one wide character,
 * each with the spaces that follow it.
 */
function unbreakable(text: string): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const char of text) {
    const space = /\s/u.test(char);
    const ends =
      piece !== "" &&
      !space &&
      (/\s$/u.test(piece) || isWide(char) || isWide([...piece].at(-1) ?? ""));
    if (ends) {
      pieces.push(piece);
      piece = "";
    }
    piece += char;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

/** A number for SVG coordinates: at most two decimals, no trailing zeros. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Where each bar of a chart goes: its label's lines, its top, and the chart's height. */
export function chartLayout(chart: BarChart): {
  rows: { lines: string[]; top: number }[];
  height: number;
} {
  let top = PADDING;
  const rows = chart.bars.map((bar) => {
    const lines = wrapText(bar.label, LABEL_EMS);
    const row = { lines, top };
    top += ROW_HEIGHT + (lines.length - 1) * LINE_HEIGHT;
    return row;
  });
  return { rows, height: top + PADDING };
}

/** One bar's alternative text (its `<title>`, and the Word picture's text): label and value. */
export function barTitle(bar: ChartBar, unit: string, labels: ChartLabels): string {
  return labels.bar(bar.fullLabel, bar.value === null ? null : bar.display, unit);
}

/** The chart as an `<svg>` element (with its namespace, so it also stands alone as a file). */
export function renderBarChart(chart: BarChart, labels: ChartLabels): string {
  const { rows: layout, height } = chartLayout(chart);
  const track = CHART_WIDTH - VALUE_SPACE;
  const summary = labels.summary(chart.title, chart.bars.length);
  const rows = chart.bars.map((bar, i) => {
    const { lines, top } = layout[i] ?? { lines: [bar.label], top: PADDING };
    const labelY = top + FONT_SIZE;
    const barY = labelY + (lines.length - 1) * LINE_HEIGHT + LABEL_GAP;
    const share = bar.value === null ? 0 : Math.min(1, Math.max(0, bar.value / chart.max));
    const length = share * track;
    const title = barTitle(bar, chart.unit, labels);
    const label =
      lines.length === 1
        ? escapeHtml(bar.label)
        : lines
            .map(
              (line, k) =>
                `<tspan x="0" y="${n(labelY + k * LINE_HEIGHT)}">${escapeHtml(line)}</tspan>`,
            )
            .join("");
    const fill =
      bar.value === null
        ? ""
        : `<rect class="bar-fill" x="0" y="${n(barY)}" width="${n(length)}" height="${BAR_HEIGHT}" fill="#2563a8" data-value="${escapeHtml(bar.display)}"/>`;
    return (
      `<g class="bar" role="img" aria-label="${escapeHtml(title)}">` +
      `<title>${escapeHtml(title)}</title>` +
      `<text class="bar-label" x="0" y="${n(labelY)}" font-size="${FONT_SIZE}" fill="#1a1a1a">${label}</text>` +
      `<rect class="bar-track" x="0" y="${n(barY)}" width="${n(track)}" height="${BAR_HEIGHT}" fill="#e6e9ee"/>` +
      fill +
      `<text class="bar-value" x="${n(length + 6)}" y="${n(barY + BAR_HEIGHT - 2)}" font-size="${FONT_SIZE}" fill="#1a1a1a">${escapeHtml(bar.display)}</text>` +
      `</g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${chart.id}" role="group" ` +
    `aria-label="${escapeHtml(summary)}" viewBox="0 0 ${CHART_WIDTH} ${height}" ` +
    `width="${CHART_WIDTH}" height="${height}" font-family="${escapeHtml(FONT_STACK)}" data-bars="${chart.bars.length}">` +
    `<title>${escapeHtml(summary)}</title>` +
    `<rect x="0" y="0" width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>` +
    rows.join("") +
    `</svg>`
  );
}
