/**
 * The roll-up as CSV: one row per used zone (file, zone profile fields, overall, band,
 * completeness, each area, each measure), in league order. UTF-8 with a byte-order mark and
 * CRLF line ends so Excel and WPS read Chinese text correctly; quoting by RFC 4180 (csv-stringify).
 * Pure and deterministic.
 */
import { stringify } from "csv-stringify/sync";
import { nullable, type Aggregate } from "../core/aggregate.js";
import type { Lang } from "../core/model.js";
import { aggregateMessages } from "../i18n/aggregate-messages.js";
import { zoneText } from "./aggregate-markdown.js";
import { cellText } from "./cell-text.js";

export interface AggregateCsvOptions {
  lang: Lang;
}

/** Header and rows of the zone table shared by CSV and the xlsx league sheet's data. */
export function zoneTable(
  agg: Aggregate,
  lang: Lang,
): { header: string[]; rows: (string | number | null)[][] } {
  const m = aggregateMessages(lang);
  const header = [
    m.columns.file,
    ...agg.set.profile.map((field) => field.label[lang]),
    m.columns.overall,
    m.columns.band,
    `${m.columns.completeness} (%)`,
    ...agg.set.areas.map((area) => area.title[lang]),
    ...agg.set.measures.map((measure) => measure.id),
  ];
  const rows = agg.zones.map((z) => [
    z.file,
    ...agg.set.profile.map((field) => zoneText(agg, z.zone, field.id, lang)),
    z.overall,
    z.band?.label[lang] ?? null,
    z.completeness === null ? null : z.completeness * 100,
    ...nullable(z.areaScores),
    ...nullable(z.measureScores),
  ]);
  return { header, rows };
}

/** The roll-up's zones as CSV text (with its byte-order mark). */
export function renderAggregateCsv(agg: Aggregate, options: AggregateCsvOptions): string {
  const { header, rows } = zoneTable(agg, options.lang);
  const clean = (cell: string | number | null | undefined) =>
    typeof cell === "string" ? csvText(cell) : (cell ?? "");
  return stringify([header, ...rows.map((row) => row.map(clean))], {
    bom: true,
    record_delimiter: "windows",
    // A field holding a line break of any kind (LF, CR, CRLF) is quoted, as RFC 4180 requires:
    // csv-stringify quotes only the record delimiter itself once one is given, unless told to.
    quote_record_delimiter: true,
    escape_formulas: true,
    cast: { number: (value) => String(value) },
  });
}

/** Spaces before a formula sign: a spreadsheet may still take the cell for a formula. */
const SPACED_FORMULA = /^[ \u00a0\u3000]+[=+\-@]/u;

/**
 * Text as a CSV cell carries it: the cell text, with a leading ' when its first sign after
 * leading spaces is =, +, - or @ (csv-stringify's escape_formulas covers the text that starts
 * with one; records end with CRLF).
 */
export function csvText(text: string): string {
  const clean = cellText(text);
  return SPACED_FORMULA.test(clean) ? `'${clean}` : clean;
}
