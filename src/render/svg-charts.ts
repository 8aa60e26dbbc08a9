/**
 * Horizontal bar charts as standalone SVG, drawn by netdz itself: one row per bar, its label above
 * it and its value printed after it, so the chart reads without colour. The chart and every bar
 * carry a `<title>` (and the chart an `aria-label`) with the label and value in words. The same
 * SVG is inlined in the HTML report and rasterised for the Word report. Pure and deterministic.
 */
import type { BarChart } from "./report-document.js";
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

export interface ChartLabels {
  /** Alternative text of one bar. */
  bar(label: string, value: string, unit: string): string;
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
  const code = char.codePointAt(0) ?? 0;
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

/** The text cut to `ems` wide, with an ellipsis when cut. */
export function fitText(text: string, ems: number): string {
  if (textWidth(text) <= ems) return text;
  let out = "";
  for (const char of text) {
    if (textWidth(`${out}${char}`) > ems - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** A number for SVG coordinates: at most two decimals, no trailing zeros. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Height of a chart with this many bars. */
export function chartHeight(bars: number): number {
  return PADDING * 2 + bars * ROW_HEIGHT;
}

/** The chart as an `<svg>` element (with its namespace, so it also stands alone as a file). */
export function renderBarChart(chart: BarChart, labels: ChartLabels): string {
  const height = chartHeight(chart.bars.length);
  const track = CHART_WIDTH - VALUE_SPACE;
  const summary = labels.summary(chart.title, chart.bars.length);
  const rows = chart.bars.map((bar, i) => {
    const top = PADDING + i * ROW_HEIGHT;
    const labelY = top + FONT_SIZE;
    const barY = labelY + LABEL_GAP;
    const share = bar.value === null ? 0 : Math.min(1, Math.max(0, bar.value / chart.max));
    const length = share * track;
    const label = fitText(bar.label, CHART_WIDTH / FONT_SIZE);
    const title = labels.bar(bar.fullLabel, bar.display, chart.unit);
    const fill =
      bar.value === null
        ? ""
        : `<rect class="bar-fill" x="0" y="${n(barY)}" width="${n(length)}" height="${BAR_HEIGHT}" fill="#2563a8" data-value="${escapeHtml(bar.display)}"/>`;
    return (
      `<g class="bar" role="img" aria-label="${escapeHtml(title)}">` +
      `<title>${escapeHtml(title)}</title>` +
      `<text class="bar-label" x="0" y="${n(labelY)}" font-size="${FONT_SIZE}" fill="#1a1a1a">${escapeHtml(label)}</text>` +
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
