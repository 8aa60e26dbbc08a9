/**
 * The roll-up (`netdz aggregate`) as one self-contained HTML page, with the sections of the
 * Markdown roll-up in the same order: header, league table, regions side by side, the
 * zones-by-measures matrix with each cell shaded by its score (the number is printed in it, so it
 * reads without colour), common gaps, the bottom zones of each region, the problems of the
 * measure sets, the files left out, and the method. It shares the report's HTML layout and
 * print stylesheet. Pure.
 */
import {
  leftOutCount,
  nullable,
  regionLabel,
  type Aggregate,
  type Stats,
} from "../core/aggregate.js";
import type { Lang } from "../core/model.js";
import { figure } from "../core/score.js";
import { aggregateMessages, type AggregateMessages } from "../i18n/aggregate-messages.js";
import { documentMessages } from "../i18n/document-messages.js";
import {
  bottomNone,
  noRegionNote,
  gapList,
  leftOutRows,
  oneDecimal,
  percent,
  setProblemRows,
  zoneLabel,
  zoneText,
} from "./aggregate-markdown.js";
import type { Block, Column, Rich, Section } from "./report-document.js";
import { renderHtmlDocument } from "./report-html.js";

export interface AggregateHtmlOptions {
  lang: Lang;
}

interface Context {
  agg: Aggregate;
  lang: Lang;
  m: AggregateMessages;
}

const text = (value: string): Rich => [{ text: value === "" ? "—" : value }];

function section(id: string, heading: string, blocks: Block[], empty = false): Section {
  return { id, heading, blocks, empty };
}

function table(id: string, caption: string, columns: Column[], rows: Rich[][]): Block {
  return { kind: "table", table: { id, caption, columns, rows } };
}

function paragraph(value: string): Block {
  return { kind: "paragraph", content: text(value) };
}

/** Renders the roll-up as an HTML page. */
export function renderAggregateHtml(agg: Aggregate, options: AggregateHtmlOptions): string {
  const ctx: Context = { agg, lang: options.lang, m: aggregateMessages(options.lang) };
  return renderHtmlDocument({
    title: ctx.m.title,
    zoneName: agg.set.title[options.lang],
    facts: header(ctx),
    sections: [
      league(ctx),
      regions(ctx),
      matrix(ctx),
      commonGaps(ctx),
      bottom(ctx),
      setProblems(ctx),
      leftOut(ctx),
      section(
        "method",
        ctx.m.sections.method,
        ctx.m.method(`${agg.options.minCompleteness}%`, agg.options.bottom).map(paragraph),
      ),
    ],
    d: documentMessages(options.lang),
  });
}

function header(ctx: Context): { label: string; value: Rich }[] {
  const { agg, m, lang } = ctx;
  const stats = agg.completeness;
  return [
    {
      label: m.header.measureSet,
      value: text(m.parenthetical(agg.set.title[lang], `${agg.set.id} ${agg.set.version}`)),
    },
    {
      label: m.header.zones,
      value: text(m.zonesLine(agg.zones.length, leftOutCount(agg.leftOut), agg.superseded.length)),
    },
    {
      label: m.header.regions,
      value: text(
        agg.regions.map((r) => m.regionCount(r.label[lang], r.zones)).join(m.listSeparator),
      ),
    },
    { label: m.header.date, value: text(agg.options.date ?? "") },
    {
      label: m.header.completeness,
      value: text(
        stats.count === 0
          ? ""
          : m.completenessSpread(percent(stats.min), percent(stats.median), percent(stats.max)),
      ),
    },
  ];
}

function league(ctx: Context): Section {
  const { agg, m, lang } = ctx;
  if (agg.zones.length === 0)
    return section("league", m.sections.league, [paragraph(m.noZones)], true);
  const c = m.columns;
  const rows = agg.zones.map((z): Rich[] => [
    z.ranked ? text(String(z.rank)) : [{ text: m.unranked, strong: true }],
    text(z.regionRank === null ? "" : String(z.regionRank)),
    text(zoneText(agg, z.zone, "name", lang)),
    text(zoneText(agg, z.zone, "province", lang)),
    text(regionLabel(agg.set, z.region)[lang]),
    z.overall === null ? text("") : [{ text: oneDecimal(z.overall), heat: z.overall }],
    text(z.band?.label[lang] ?? ""),
    text(percent(z.completeness)),
    text(String(z.counts.unknown)),
  ]);
  const blocks: Block[] = [
    table(
      "league",
      m.sections.league,
      [
        { title: c.rank, align: "right", nowrap: true },
        { title: c.regionRank, align: "right", nowrap: true },
        { title: c.zone },
        { title: c.province },
        { title: c.region },
        { title: c.overall, align: "right", nowrap: true },
        { title: c.band },
        { title: c.completeness, align: "right", nowrap: true },
        { title: c.unknown, align: "right", nowrap: true },
      ],
      rows,
    ),
  ];
  if (agg.zones.some((z) => !z.ranked)) {
    blocks.push(paragraph(m.unrankedNote(`${agg.options.minCompleteness}%`)));
  }
  return section("league", m.sections.league, blocks);
}

function statsCells(stats: Stats): Rich[] {
  return [stats.mean, stats.median, stats.min, stats.max].map((v) =>
    v === null ? text("") : [{ text: oneDecimal(v), heat: v }],
  );
}

function regions(ctx: Context): Section {
  const { agg, m, lang } = ctx;
  if (agg.regions.length === 0)
    return section("regions", m.sections.regions, [paragraph(m.none)], true);
  const c = m.columns;
  const columns: Column[] = [
    { title: c.statistic },
    { title: c.mean, align: "right", nowrap: true },
    { title: c.median, align: "right", nowrap: true },
    { title: c.min, align: "right", nowrap: true },
    { title: c.max, align: "right", nowrap: true },
  ];
  const parts = agg.regions.map((region, i) => {
    const heading = m.regionHeading(region.label[lang], region.zones);
    const rows = [
      [text(m.overallScore), ...statsCells(region.overall)],
      ...region.areas.map((a) => {
        const area = agg.set.areas.find((x) => x.id === a.id);
        return [text(area?.title[lang] ?? a.id), ...statsCells(a.stats)];
      }),
    ];
    return { heading, blocks: [table(`region-${i + 1}`, heading, columns, rows)] };
  });
  return section("regions", m.sections.regions, [{ kind: "columns", parts }]);
}

function matrix(ctx: Context): Section {
  const { agg, m, lang } = ctx;
  if (agg.zones.length === 0)
    return section("matrix", m.sections.matrix, [paragraph(m.none)], true);
  const cell = (score: number | null): Rich =>
    score === null ? text("") : [{ text: figure(score), heat: score }];
  const rows = agg.zones.map((z): Rich[] => [
    text(zoneLabel(agg, z, lang)),
    ...nullable(z.measureScores).map(cell),
  ]);
  rows.push([[{ text: m.meanRow, strong: true }], ...agg.measureMeans.map((x) => cell(x.mean))]);
  return section("matrix", m.sections.matrix, [
    paragraph(m.matrixIntro),
    table(
      "matrix",
      m.sections.matrix,
      [
        { title: m.columns.zone },
        ...agg.set.measures.map((x): Column => ({ title: x.id, align: "right", nowrap: true })),
      ],
      rows,
    ),
  ]);
}

function commonGaps(ctx: Context): Section {
  const { agg, m, lang } = ctx;
  const intro = paragraph(m.commonGapsIntro);
  if (agg.commonGaps.length === 0) {
    return section("common-gaps", m.sections.commonGaps, [intro, paragraph(m.none)], true);
  }
  const c = m.columns;
  const rows = agg.commonGaps.map((g): Rich[] => [
    text(`${g.question} ${g.text[lang]}`),
    text(g.measure),
    text(g.ref),
    text(m.shareCell(g.below, g.zones, percent(g.share))),
    text(figure(g.meanGap, 2)),
    text(g.guidance[lang]),
  ]);
  return section("common-gaps", m.sections.commonGaps, [
    intro,
    table(
      "common-gaps",
      m.sections.commonGaps,
      [
        { title: c.question },
        { title: c.measure },
        { title: c.ref, nowrap: true },
        { title: c.zonesBelow, align: "right" },
        { title: c.meanPoints, align: "right", nowrap: true },
        { title: c.next },
      ],
      rows,
    ),
  ]);
}

function bottom(ctx: Context): Section {
  const { agg, m, lang } = ctx;
  const note = noRegionNote(agg, m);
  const aside = note === undefined ? [] : [paragraph(note)];
  if (agg.bottom.length === 0)
    return section("bottom", m.sections.bottom, [paragraph(bottomNone(agg, m)), ...aside], true);
  const c = m.columns;
  const columns: Column[] = [
    { title: c.regionRank, align: "right", nowrap: true },
    { title: c.rank, align: "right", nowrap: true },
    { title: c.zone },
    { title: c.overall, align: "right", nowrap: true },
    { title: c.largestGaps },
  ];
  const parts = agg.bottom.map((region, i) => {
    const heading = region.label[lang];
    if (region.zones.length === 0) {
      return {
        heading,
        blocks: [paragraph(m.bottomNoRanked(`${agg.options.minCompleteness}%`))],
      };
    }
    const rows = region.zones.map((z): Rich[] => [
      text(String(z.regionRank ?? "")),
      text(String(z.rank ?? "")),
      text(zoneLabel(agg, z, lang)),
      text(oneDecimal(z.overall)),
      text(gapList(z.topGaps, m)),
    ]);
    return { heading, blocks: [table(`bottom-${i + 1}`, heading, columns, rows)] };
  });
  return section("bottom", m.sections.bottom, [
    paragraph(m.bottomIntro(agg.options.bottom)),
    { kind: "columns", parts, stacked: true },
    ...aside,
  ]);
}

function setProblems(ctx: Context): Section {
  const { agg, m } = ctx;
  const rows = setProblemRows(agg, m);
  if (rows.length === 0)
    return section("set-problems", m.sections.setProblems, [paragraph(m.none)], true);
  return section("set-problems", m.sections.setProblems, [
    paragraph(m.setProblemsIntro),
    table(
      "set-problems",
      m.sections.setProblems,
      [{ title: m.columns.place }, { title: m.columns.problem }],
      rows.map(([place, problem]) => [text(place), text(problem)]),
    ),
  ]);
}

function leftOut(ctx: Context): Section {
  const { agg, m } = ctx;
  const rows = leftOutRows(agg, m);
  if (rows.length === 0) return section("left-out", m.sections.leftOut, [paragraph(m.none)], true);
  return section("left-out", m.sections.leftOut, [
    table(
      "left-out",
      m.sections.leftOut,
      [{ title: m.columns.file }, { title: m.columns.reason }],
      rows.map(([, place, reason]) => [text(place), text(reason)]),
    ),
  ]);
}
