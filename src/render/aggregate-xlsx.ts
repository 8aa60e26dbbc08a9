/**
 * The roll-up as an Excel workbook (exceljs): league table, measure matrix with a colour scale,
 * common gaps, regions and files left out. Header rows frozen, columns sized to their contents,
 * numbers stored as numbers, sheet names and headers in the chosen language. The workbook's
 * creation and modification dates and its zip entries carry the roll-up's date (1980-01-01 when
 * it has none), not the clock, so the same files give the same bytes. Pure: builds the bytes in
 * memory.
 */
import type { Worksheet } from "exceljs";
import { nullable, regionLabel, type Aggregate } from "../core/aggregate.js";
import type { Lang } from "../core/model.js";
import { aggregateMessages } from "../i18n/aggregate-messages.js";
import { leftOutRows, zoneLabel, zoneText } from "./aggregate-markdown.js";
import { cellText } from "./cell-text.js";
import { documentTime, withEntryTimes } from "./zip-time.js";

export interface AggregateXlsxOptions {
  lang: Lang;
}

type Cell = string | number | null;

const SCORE_FORMAT = "0.0";
const SHARE_FORMAT = "0.0%";
const POINTS_FORMAT = "0.00";

/** Display width of a text: CJK and other wide characters count twice. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/** Adds a sheet with a frozen, bold header row, the rows, number formats and sized columns. */
function addSheet(
  sheet: Worksheet,
  header: readonly string[],
  rows: readonly Cell[][],
  formats: Readonly<Record<number, string>> = {},
): void {
  sheet.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (typeof cell === "string" ? cellText(cell) : cell)));
  }
  header.forEach((title, i) => {
    const column = sheet.getColumn(i + 1);
    const format = formats[i];
    if (format) column.numFmt = format;
    const widest = Math.max(
      displayWidth(title),
      ...rows.map((row) => {
        const cell = row[i];
        return typeof cell === "number" ? 8 : displayWidth(cell ?? "");
      }),
    );
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
}

/** The roll-up as the bytes of an .xlsx file. */
export async function renderAggregateXlsx(
  agg: Aggregate,
  options: AggregateXlsxOptions,
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const { lang } = options;
  const m = aggregateMessages(lang);
  const c = m.columns;
  const workbook = new ExcelJS.Workbook();
  const when = documentTime(agg.options.date);
  workbook.creator = "netdz";
  workbook.lastModifiedBy = "netdz";
  workbook.created = when;
  workbook.modified = when;

  addSheet(
    workbook.addWorksheet(m.sheets.league),
    [
      c.rank,
      c.regionRank,
      c.zone,
      c.province,
      c.region,
      c.overall,
      c.band,
      c.completeness,
      c.unknown,
      c.file,
    ],
    agg.zones.map((z) => [
      z.ranked ? z.rank : m.unranked,
      z.regionRank,
      zoneText(agg, z.zone, "name", lang),
      zoneText(agg, z.zone, "province", lang),
      regionLabel(agg.set, z.region)[lang],
      z.overall,
      z.band?.label[lang] ?? null,
      z.completeness,
      z.counts.unknown,
      z.file,
    ]),
    { 5: SCORE_FORMAT, 7: SHARE_FORMAT },
  );

  const measures = agg.set.measures;
  const matrix = workbook.addWorksheet(m.sheets.matrix);
  addSheet(
    matrix,
    [c.zone, ...measures.map((x) => x.id)],
    [
      ...agg.zones.map((z) => [zoneLabel(agg, z, lang), ...nullable(z.measureScores)]),
      [m.meanRow, ...agg.measureMeans.map((x) => x.mean)],
    ],
    Object.fromEntries(measures.map((_, i) => [i + 1, SCORE_FORMAT])),
  );
  if (agg.zones.length > 0 && measures.length > 0) {
    const last = matrix.getColumn(measures.length + 1).letter;
    matrix.addConditionalFormatting({
      ref: `B2:${last}${agg.zones.length + 1}`,
      rules: [
        {
          type: "colorScale",
          priority: 1,
          cfvo: [
            { type: "num", value: 0 },
            { type: "num", value: 50 },
            { type: "num", value: 100 },
          ],
          color: [{ argb: "FFF8696B" }, { argb: "FFFFEB84" }, { argb: "FF63BE7B" }],
        },
      ],
    });
  }

  addSheet(
    workbook.addWorksheet(m.sheets.commonGaps),
    [c.question, c.measure, c.ref, c.zones, c.zonesBelow, c.share, c.meanPoints, c.next],
    agg.commonGaps.map((g) => [
      `${g.question} ${g.text[lang]}`,
      g.measure,
      g.ref,
      g.zones,
      g.below,
      g.share,
      g.meanGap,
      g.guidance[lang],
    ]),
    { 5: SHARE_FORMAT, 6: POINTS_FORMAT },
  );

  const areaTitle = (id: string) => agg.set.areas.find((a) => a.id === id)?.title[lang] ?? id;
  addSheet(
    workbook.addWorksheet(m.sheets.regions),
    [c.region, c.zones, c.statistic, c.mean, c.median, c.min, c.max],
    agg.regions.flatMap((r) =>
      [
        { title: m.overallScore, stats: r.overall },
        ...r.areas.map((a) => ({ title: areaTitle(a.id), stats: a.stats })),
      ].map((row): Cell[] => [
        r.label[lang],
        r.zones,
        row.title,
        row.stats.mean,
        row.stats.median,
        row.stats.min,
        row.stats.max,
      ]),
    ),
    { 3: SCORE_FORMAT, 4: SCORE_FORMAT, 5: SCORE_FORMAT, 6: SCORE_FORMAT },
  );

  addSheet(
    workbook.addWorksheet(m.sheets.leftOut),
    [c.file, c.line, c.column, c.reason],
    leftOutRows(agg, m).map(([entry, place, reason]) => [
      entry?.file ?? place,
      entry?.line ?? null,
      entry?.column ?? null,
      reason,
    ]),
  );

  return withEntryTimes(new Uint8Array(await workbook.xlsx.writeBuffer()), when);
}
