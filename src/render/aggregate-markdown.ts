/**
 * The roll-up as GitHub-flavoured Markdown, sections 1–7 of issue 9: header, league table,
 * regions, measures across zones, common gaps, the bottom zones of each region, and the files
 * left out or superseded with the method. Pure and deterministic; every text from a file or a
 * set goes through markdown-escape.
 */
import type { Aggregate, LeftOut, RankedZone, Stats, ZoneGap } from "../core/aggregate.js";
import { leftOutCount, nullable, regionLabel } from "../core/aggregate.js";
import { profileValueLabel } from "../core/applicability.js";
import type { Band, Lang } from "../core/model.js";
import { figure, scoreInItsBand } from "../core/score.js";
import { aggregateMessages, type AggregateMessages } from "../i18n/aggregate-messages.js";
import { escapeCell, escapeInline } from "./markdown-escape.js";
import { table } from "./report-markdown.js";

export interface AggregateMarkdownOptions {
  lang: Lang;
}

interface Context {
  agg: Aggregate;
  lang: Lang;
  m: AggregateMessages;
  /**
   * escapeCell, each text escaped once: the tables of thousands of zones repeat the same
   * provinces, regions and bands in every row.
   */
  cell: (text: string | undefined) => string;
}

/**
 * `fn` computed once per argument for as long as the returned function lives (one render): the
 * tables of a roll-up repeat the same labels and scores in thousands of cells.
 */
function onceEach<K, V>(fn: (key: K) => V): (key: K) => V {
  const done = new Map<K, V>();
  return (key) => {
    if (done.has(key)) return done.get(key) as V;
    const value = fn(key);
    done.set(key, value);
    return value;
  };
}

function escapedOnce(): (text: string | undefined) => string {
  const escape = onceEach(escapeCell);
  return (text) => escape(text ?? "");
}

/** Renders the whole roll-up. */
export function renderAggregateMarkdown(agg: Aggregate, options: AggregateMarkdownOptions): string {
  const ctx: Context = {
    agg,
    lang: options.lang,
    m: aggregateMessages(options.lang),
    cell: escapedOnce(),
  };
  const blocks = [
    `# ${escapeInline(ctx.m.title)}`,
    header(ctx),
    ...league(ctx),
    ...regions(ctx),
    ...matrix(ctx),
    ...commonGaps(ctx),
    ...bottom(ctx),
    ...setProblems(ctx),
    ...leftOut(ctx),
    ...method(ctx),
  ];
  return `${blocks.join("\n\n")}\n`;
}

/** A score on 0…100 to one decimal (`figure`, the reports' one rounding rule), or `—`. */
export function oneDecimal(value: number | null): string {
  return value === null ? "—" : figure(value);
}

/** A zone's overall score beside its band, as the report writes it (scoreInItsBand), or `—`. */
export function overallInItsBand(value: number | null, bands?: readonly Band[]): string {
  return value === null ? "—" : scoreInItsBand(value, bands);
}

/** A share on 0…1 as a percentage to one decimal (as the report writes it), or `—`. */
export function percent(share: number | null): string {
  return share === null ? "—" : `${figure(share * 100)}%`;
}

/**
 * A zone profile field as shown: a text as typed, a choice or yes/no by its label in the
 * language; an empty string when the file does not give it.
 */
export function zoneText(
  agg: Aggregate,
  zone: RankedZone["zone"],
  field: string,
  lang: Lang,
): string {
  const value = zone[field];
  if (value === undefined || value === "") return "";
  const type = agg.set.profile.find((p) => p.id === field)?.type;
  return type === "choice" || type === "yesno" || typeof value !== "string"
    ? profileValueLabel(agg.set, field, value)[lang]
    : value;
}

/** How many used zones show each text (name, or name and province) in each language, by roll-up. */
const SHOWN_COUNTS = new WeakMap<Aggregate, Map<string, number>>();

/**
 * How many used zones of the roll-up `key` gives the same text as `z` (`kind` names the key:
 * every zone is counted once for each kind).
 */
function sameShown(
  agg: Aggregate,
  z: RankedZone,
  kind: string,
  key: (x: RankedZone) => string,
): number {
  let counts = SHOWN_COUNTS.get(agg);
  if (counts === undefined) {
    counts = new Map();
    SHOWN_COUNTS.set(agg, counts);
  }
  const mark = `\u0001${kind}`;
  if (!counts.has(mark)) {
    counts.set(mark, 0);
    for (const x of agg.zones) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  }
  return counts.get(key(z)) ?? 0;
}

/**
 * A zone's name where it is shown without the province column (the measure matrix, the bottom
 * tables, the xlsx matrix): the name alone when no other used zone shows it; else with the
 * province (`Same Name (Jiangxi)`), and with the file too when name and province still do not
 * tell it apart (several nameless zones: `— (Hebei, zones/a.yaml)`). Plain text, unescaped.
 */
export function zoneLabel(agg: Aggregate, z: RankedZone, lang: Lang): string {
  const m = aggregateMessages(lang);
  const name = (x: RankedZone) => `${lang}\u0000${zoneText(agg, x.zone, "name", lang)}`;
  const place = (x: RankedZone) => `${name(x)}\u0000${zoneText(agg, x.zone, "province", lang)}`;
  const given = zoneText(agg, z.zone, "name", lang);
  const shown = given === "" ? "—" : given;
  if (sameShown(agg, z, `name ${lang}`, name) < 2) return shown;
  const province = zoneText(agg, z.zone, "province", lang);
  const where = province === "" ? "—" : province;
  return sameShown(agg, z, `place ${lang}`, place) < 2
    ? m.parenthetical(shown, where)
    : m.parenthetical(shown, `${where}${m.listSeparator}${z.file}`);
}

function header(ctx: Context): string {
  const { agg, m, lang } = ctx;
  const stats = agg.completeness;
  const items: [string, string][] = [
    [m.header.measureSet, m.parenthetical(agg.set.title[lang], `${agg.set.id} ${agg.set.version}`)],
    [
      m.header.zones,
      m.zonesLine(agg.zones.length, leftOutCount(agg.leftOut), agg.superseded.length),
    ],
    [
      m.header.regions,
      agg.regions.length === 0
        ? "—"
        : agg.regions.map((r) => m.regionCount(r.label[lang], r.zones)).join(m.listSeparator),
    ],
    [m.header.date, agg.options.date ?? "—"],
    [
      m.header.completeness,
      stats.count === 0
        ? "—"
        : m.completenessSpread(percent(stats.min), percent(stats.median), percent(stats.max)),
    ],
  ];
  return items
    .map(
      ([label, value]) => `- **${escapeInline(label)}**${m.fieldSeparator}${escapeInline(value)}`,
    )
    .join("\n");
}

function league(ctx: Context): string[] {
  const { agg, m, lang } = ctx;
  const heading = `## ${escapeInline(m.sections.league)}`;
  if (agg.zones.length === 0) return [heading, escapeInline(m.noZones)];
  const c = m.columns;
  const rows = agg.zones.map((z) => [
    z.ranked ? String(z.rank) : `*${escapeInline(m.unranked)}*`,
    z.regionRank === null ? "—" : String(z.regionRank),
    ctx.cell(zoneText(agg, z.zone, "name", lang)),
    ctx.cell(zoneText(agg, z.zone, "province", lang)),
    ctx.cell(regionLabel(agg.set, z.region)[lang]),
    overallInItsBand(z.overall, agg.set.bands),
    ctx.cell(z.band?.label[lang]),
    percent(z.completeness),
    String(z.counts.unknown),
  ]);
  const blocks = [
    heading,
    table(
      [
        { title: c.rank, align: "right" },
        { title: c.regionRank, align: "right" },
        { title: c.zone },
        { title: c.province },
        { title: c.region },
        { title: c.overall, align: "right" },
        { title: c.band },
        { title: c.completeness, align: "right" },
        { title: c.unknown, align: "right" },
      ],
      rows,
    ),
  ];
  if (agg.zones.some((z) => !z.ranked)) {
    blocks.push(escapeInline(m.unrankedNote(`${agg.options.minCompleteness}%`)));
  }
  return blocks;
}

function statsCells(stats: Stats): string[] {
  return [stats.mean, stats.median, stats.min, stats.max].map(oneDecimal);
}

function regions(ctx: Context): string[] {
  const { agg, m, lang } = ctx;
  const blocks = [`## ${escapeInline(m.sections.regions)}`];
  if (agg.regions.length === 0) return [...blocks, escapeInline(m.none)];
  const c = m.columns;
  for (const region of agg.regions) {
    blocks.push(`### ${escapeInline(m.regionHeading(region.label[lang], region.zones))}`);
    const rows = [
      [escapeCell(m.overallScore), ...statsCells(region.overall)],
      ...region.areas.map((a) => {
        const area = agg.set.areas.find((x) => x.id === a.id);
        return [escapeCell(area?.title[lang] ?? a.id), ...statsCells(a.stats)];
      }),
    ];
    blocks.push(
      table(
        [
          { title: c.statistic },
          { title: c.mean, align: "right" },
          { title: c.median, align: "right" },
          { title: c.min, align: "right" },
          { title: c.max, align: "right" },
        ],
        rows,
      ),
    );
  }
  return blocks;
}

function matrix(ctx: Context): string[] {
  const { agg, m, lang } = ctx;
  const blocks = [`## ${escapeInline(m.sections.matrix)}`];
  if (agg.zones.length === 0) return [...blocks, escapeInline(m.none)];
  const measures = agg.set.measures;
  // An empty cell where the measure does not apply. Each score is worded once: zones share most
  // of their measure scores, and a roll-up of thousands of zones has a great many cells.
  const worded = onceEach(figure);
  const cell = (score: number | null) => (score === null ? "" : worded(score));
  const rows = agg.zones.map((z) => [
    ctx.cell(zoneLabel(agg, z, lang)),
    ...nullable(z.measureScores).map(cell),
  ]);
  rows.push([`**${escapeInline(m.meanRow)}**`, ...agg.measureMeans.map((x) => cell(x.mean))]);
  blocks.push(escapeInline(m.matrixIntro));
  blocks.push(
    table(
      [
        { title: m.columns.zone },
        ...measures.map((x) => ({ title: x.id, align: "right" as const })),
      ],
      rows,
    ).replace(/\| {2}(?=\|)/g, "| "),
  );
  return blocks;
}

function commonGaps(ctx: Context): string[] {
  const { agg, m, lang } = ctx;
  const blocks = [`## ${escapeInline(m.sections.commonGaps)}`, escapeInline(m.commonGapsIntro)];
  if (agg.commonGaps.length === 0) return [...blocks, escapeInline(m.none)];
  const c = m.columns;
  const rows = agg.commonGaps.map((g) => [
    `${escapeInline(g.question)} ${escapeCell(g.text[lang])}`,
    escapeCell(g.measure),
    escapeCell(g.ref),
    escapeCell(m.shareCell(g.below, g.zones, percent(g.share))),
    figure(g.meanGap, 2),
    escapeCell(g.guidance[lang]),
  ]);
  blocks.push(
    table(
      [
        { title: c.question },
        { title: c.measure },
        { title: c.ref },
        { title: c.zonesBelow, align: "right" },
        { title: c.meanPoints, align: "right" },
        { title: c.next },
      ],
      rows,
    ),
  );
  return blocks;
}

/**
 * What the bottom zones section says of the ranked zones that give no region (in no region's
 * list, so none seems dropped); undefined when there are none, or no bottom zones were asked for.
 */
export function noRegionNote(agg: Aggregate, m: AggregateMessages): string | undefined {
  const count = agg.zones.filter((z) => z.ranked && z.region === null).length;
  return agg.options.bottom > 0 && count > 0 ? m.bottomNoRegion(count) : undefined;
}

/** What the bottom zones section says when it lists none: none asked for, or none to list. */
export function bottomNone(agg: Aggregate, m: AggregateMessages): string {
  return agg.options.bottom === 0 ? m.bottomNoneRequested : m.none;
}

/** A zone's largest gaps as one line of text (`M01.Q2 18.75; M01.Q1 12.50`, `；` in Chinese). */
export function gapList(gaps: readonly ZoneGap[], m: AggregateMessages): string {
  return gaps.map((g) => m.gapItem(g.question, figure(g.gap, 2))).join(m.itemSeparator);
}

function bottom(ctx: Context): string[] {
  const { agg, m, lang } = ctx;
  const blocks = [`## ${escapeInline(m.sections.bottom)}`];
  const note = noRegionNote(agg, m);
  const aside = note === undefined ? [] : [escapeInline(note)];
  if (agg.bottom.length === 0) return [...blocks, escapeInline(bottomNone(agg, m)), ...aside];
  blocks.push(escapeInline(m.bottomIntro(agg.options.bottom)));
  const c = m.columns;
  for (const region of agg.bottom) {
    blocks.push(`### ${escapeInline(region.label[lang])}`);
    if (region.zones.length === 0) {
      blocks.push(escapeInline(m.bottomNoRanked(`${agg.options.minCompleteness}%`)));
      continue;
    }
    const rows = region.zones.map((z) => [
      String(z.regionRank ?? "—"),
      String(z.rank ?? "—"),
      ctx.cell(zoneLabel(agg, z, lang)),
      oneDecimal(z.overall),
      z.topGaps.length === 0 ? "—" : escapeInline(gapList(z.topGaps, m)),
    ]);
    blocks.push(
      table(
        [
          { title: c.regionRank, align: "right" },
          { title: c.rank, align: "right" },
          { title: c.zone },
          { title: c.overall, align: "right" },
          { title: c.largestGaps },
        ],
        rows,
      ),
    );
  }
  return [...blocks, ...aside];
}

/** Where a left-out file's problem is: `file:line:col`, or the file alone. */
export function leftOutPlace(entry: Pick<LeftOut, "file" | "line" | "column">): string {
  return entry.line === null ? entry.file : `${entry.file}:${entry.line}:${entry.column ?? 1}`;
}

/** A left-out file's reason in words; `used` is the set and version the roll-up is of. */
export function leftOutReason(
  entry: LeftOut,
  used: { id: string; version: string },
  m: AggregateMessages,
): string {
  const reason = entry.reason;
  switch (reason.kind) {
    case "invalid":
      return (
        m.parenthetical(reason.message, reason.code) +
        (reason.zoneUsedFrom === undefined ? "" : m.reasons.zoneUsedFrom(reason.zoneUsedFrom))
      );
    case "other-set":
      return m.reasons.otherSet(reason.id, reason.version, used.id, used.version);
    case "other-version":
      return m.reasons.otherVersion(
        reason.version,
        used.version,
        reason.migrate,
        reason.tie === true,
      );
  }
}

/** Left-out and superseded files as [place, reason] pairs, in file order. */
export function leftOutRows(
  agg: Aggregate,
  m: AggregateMessages,
): [LeftOut | null, string, string][] {
  // A file superseded by one that is left out itself: its zone has no figures, which is said.
  const leftOutFiles = new Set(agg.leftOut.map((e) => e.file));
  const rows: [LeftOut | null, string, string][] = [
    ...agg.leftOut.map((e): [LeftOut, string, string] => [
      e,
      leftOutPlace(e),
      leftOutReason(e, agg.set, m),
    ]),
    ...agg.superseded.map((s): [null, string, string] => [
      null,
      s.file,
      m.reasons.superseded(s.by, s.why, s.dated) +
        (leftOutFiles.has(s.by) ? m.reasons.supersededByLeftOut(s.by) : ""),
    ]),
  ];
  return rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
}

/** The problems of the invalid measure sets met, as [place, problem] pairs, once each. */
export function setProblemRows(agg: Aggregate, m: AggregateMessages): [string, string][] {
  return (agg.setProblems ?? []).map((e) => [leftOutPlace(e), leftOutReason(e, agg.set, m)]);
}

function setProblems(ctx: Context): string[] {
  const { agg, m } = ctx;
  const blocks = [`## ${escapeInline(m.sections.setProblems)}`];
  const rows = setProblemRows(agg, m);
  if (rows.length === 0) return [...blocks, escapeInline(m.none)];
  blocks.push(
    escapeInline(m.setProblemsIntro),
    table(
      [{ title: m.columns.place }, { title: m.columns.problem }],
      rows.map(([place, problem]) => [escapeCell(place), escapeCell(problem)]),
    ),
  );
  return blocks;
}

function leftOut(ctx: Context): string[] {
  const { agg, m } = ctx;
  const blocks = [`## ${escapeInline(m.sections.leftOut)}`];
  const rows = leftOutRows(agg, m);
  if (rows.length === 0) return [...blocks, escapeInline(m.none)];
  blocks.push(
    table(
      [{ title: m.columns.file }, { title: m.columns.reason }],
      rows.map(([, place, reason]) => [escapeCell(place), escapeCell(reason)]),
    ),
  );
  return blocks;
}

function method(ctx: Context): string[] {
  const { agg, m } = ctx;
  return [
    `## ${escapeInline(m.sections.method)}`,
    ...m.method(`${agg.options.minCompleteness}%`, agg.options.bottom).map(escapeInline),
  ];
}
