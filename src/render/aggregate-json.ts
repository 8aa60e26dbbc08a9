/**
 * The roll-up as JSON (`netdz-aggregate/1`, schema in src/core/schemas/aggregate-schema.ts).
 * Numbers are unrounded: scores on 0…100, completeness and shares on 0…1. Pure and deterministic.
 */
import {
  AGGREGATE_FORMAT,
  scoreAt,
  type Aggregate,
  type RankedZone,
  type Stats,
} from "../core/aggregate.js";
import type { Counts } from "../core/score.js";
import type { Lang, Zone } from "../core/model.js";
import { aggregateMessages } from "../i18n/aggregate-messages.js";
import { leftOutReason } from "./aggregate-markdown.js";

export interface AggregateJsonOptions {
  lang: Lang;
}

export interface JsonAggregateZone {
  file: string;
  zone: Zone;
  region: string | null;
  overall: number | null;
  band: string | null;
  completeness: number | null;
  areas: { id: string; score: number | null }[];
  measures: { id: string; area: string; score: number | null }[];
  counts: Counts;
  ranked: boolean;
  rank: number | null;
  regionRank: number | null;
  gaps: { question: string; measure: string; gap: number }[];
}

export interface JsonAggregate {
  format: typeof AGGREGATE_FORMAT;
  lang: Lang;
  date?: string;
  measureSet: { id: string; version: string };
  minCompleteness: number;
  bottom: number;
  totals: { used: number; leftOut: number; superseded: number };
  completeness: Stats;
  zones: JsonAggregateZone[];
  regions: {
    region: string | null;
    zones: number;
    overall: Stats;
    areas: ({ id: string } & Stats)[];
  }[];
  measures: { id: string; area: string; mean: number | null }[];
  commonGaps: {
    question: string;
    measure: string;
    ref: string;
    zones: number;
    below: number;
    share: number;
    meanGap: number;
    nextStep: string;
  }[];
  bottomZones: { region: string; files: string[] }[];
  leftOut: {
    file: string;
    code: string;
    reason: string;
    line: number | null;
    column: number | null;
  }[];
  superseded: { file: string; by: string }[];
  setProblems: { file: string; code: string; message: string; line: number; column: number }[];
}

/** One zone of the roll-up as its JSON entry. */
function jsonZone(agg: Aggregate, z: RankedZone, lang: Lang): JsonAggregateZone {
  return {
    file: z.file,
    zone: z.zone,
    region: z.region,
    overall: z.overall,
    band: z.band ? z.band.label[lang] : null,
    completeness: z.completeness,
    areas: agg.set.areas.map((a, i) => ({ id: a.id, score: scoreAt(z.areaScores, i) })),
    measures: agg.set.measures.map((m, i) => ({
      id: m.id,
      area: m.area,
      score: scoreAt(z.measureScores, i),
    })),
    counts: z.counts,
    ranked: z.ranked,
    rank: z.rank,
    regionRank: z.regionRank,
    gaps: z.topGaps,
  };
}

/** The roll-up as a plain object, in the shape of the JSON schema. */
export function buildAggregateJson(agg: Aggregate, options: AggregateJsonOptions): JsonAggregate {
  const m = aggregateMessages(options.lang);
  return {
    format: AGGREGATE_FORMAT,
    lang: options.lang,
    ...(agg.options.date === undefined ? {} : { date: agg.options.date }),
    measureSet: { id: agg.set.id, version: agg.set.version },
    minCompleteness: agg.options.minCompleteness,
    bottom: agg.options.bottom,
    totals: {
      used: agg.zones.length,
      leftOut: agg.leftOut.length,
      superseded: agg.superseded.length,
    },
    completeness: { ...agg.completeness },
    zones: agg.zones.map((z) => jsonZone(agg, z, options.lang)),
    regions: agg.regions.map((r) => ({
      region: r.region,
      zones: r.zones,
      overall: r.overall,
      areas: r.areas.map((a) => ({ id: a.id, ...a.stats })),
    })),
    measures: agg.measureMeans,
    commonGaps: agg.commonGaps.map((g) => ({
      question: g.question,
      measure: g.measure,
      ref: g.ref,
      zones: g.zones,
      below: g.below,
      share: g.share,
      meanGap: g.meanGap,
      nextStep: g.guidance[options.lang],
    })),
    bottomZones: agg.bottom.map((b) => ({
      region: b.region,
      files: b.zones.map((z) => z.file),
    })),
    leftOut: agg.leftOut.map((e) => ({
      file: e.file,
      code: e.reason.kind === "invalid" ? e.reason.code : `aggregate/${e.reason.kind}`,
      reason: leftOutReason(e, agg.set, m),
      line: e.line,
      column: e.column,
    })),
    superseded: agg.superseded.map((s) => ({ file: s.file, by: s.by })),
    setProblems: (agg.setProblems ?? []).map((e) => ({
      file: e.file,
      code: e.reason.kind === "invalid" ? e.reason.code : `aggregate/${e.reason.kind}`,
      message: e.reason.kind === "invalid" ? e.reason.message : "",
      line: e.line ?? 1,
      column: e.column ?? 1,
    })),
  };
}

/** The roll-up as 2-space indented JSON with a trailing newline. */
export function renderAggregateJson(agg: Aggregate, options: AggregateJsonOptions): string {
  return `${JSON.stringify(buildAggregateJson(agg, options), null, 2)}\n`;
}
