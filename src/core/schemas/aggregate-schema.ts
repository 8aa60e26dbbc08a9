import { reportSchema } from "./report-schema.js";

/** JSON Schema (draft 2020-12) of the JSON roll-up, `netdz aggregate --format json`. */

const id = { type: "string", minLength: 1 } as const;
const count = { type: "integer", minimum: 0 } as const;
const score = { type: ["number", "null"], minimum: 0, maximum: 100 } as const;
const share = { type: ["number", "null"], minimum: 0, maximum: 1 } as const;
const rank = { type: ["integer", "null"], minimum: 1 } as const;
const place = { type: ["integer", "null"], minimum: 1 } as const;

const stats = {
  description: "Over the values present (null ones left out); all null when count is 0.",
  type: "object",
  additionalProperties: false,
  required: ["count", "mean", "median", "min", "max"],
  properties: {
    count,
    mean: { type: ["number", "null"] },
    median: {
      description: "The middle value; for an even count, the mean of the middle two.",
      type: ["number", "null"],
    },
    min: { type: ["number", "null"] },
    max: { type: ["number", "null"] },
  },
} as const;

/** The same counts as the JSON report's (one definition). */
const counts = reportSchema.properties.counts;

const zoneEntry = {
  type: "object",
  additionalProperties: false,
  required: [
    "file",
    "zone",
    "region",
    "overall",
    "band",
    "completeness",
    "areas",
    "measures",
    "counts",
    "ranked",
    "rank",
    "regionRank",
    "gaps",
  ],
  properties: {
    file: { description: "The answers file, as given or found.", type: "string" },
    zone: {
      description: "The zone profile from the answers file.",
      type: "object",
      additionalProperties: { type: ["string", "boolean"] },
    },
    region: { description: "The profile's region id; null when not given.", type: ["string", "null"] },
    overall: { description: "Overall score, as `netdz report` gives it.", ...score },
    band: { description: "Label of the band, in `lang`.", type: ["string", "null"] },
    completeness: { description: "Answered share of applicable questions.", ...share },
    areas: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "score"],
        properties: { id, score },
      },
    },
    measures: {
      description: "Every measure of the set; score null where it does not apply to the zone.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "area", "score"],
        properties: { id, area: id, score },
      },
    },
    counts,
    ranked: {
      description: "False when completeness is below minCompleteness (or there is no score).",
      type: "boolean",
    },
    rank: { description: "Competition rank (1, 1, 3); null when not ranked.", ...rank },
    regionRank: { description: "Rank among the ranked zones of its region.", ...rank },
    gaps: {
      description: "The zone's three largest gaps, in points of the overall score.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["question", "measure", "gap"],
        properties: { question: id, measure: id, gap: { type: "number", minimum: 0 } },
      },
    },
  },
} as const;

export const aggregateSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://netdz.dev/schemas/aggregate.schema.json",
  title: "netdz roll-up",
  description:
    "Many zones' assessments of one measure set and version. Scores 0…100 and shares 0…1, " +
    "unrounded; null where nothing applies.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "lang",
    "measureSet",
    "minCompleteness",
    "bottom",
    "totals",
    "completeness",
    "zones",
    "regions",
    "measures",
    "commonGaps",
    "bottomZones",
    "leftOut",
    "superseded",
    "setProblems",
  ],
  properties: {
    format: { const: "netdz-aggregate/1" },
    lang: { description: "Language of band labels and reasons.", enum: ["en", "zh"] },
    date: {
      description: "SOURCE_DATE_EPOCH, else the newest answeredAt of the used files; absent when neither " +
        "is there (the roll-up is undated).",
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    },
    measureSet: {
      type: "object",
      additionalProperties: false,
      required: ["id", "version"],
      properties: { id, version: id },
    },
    minCompleteness: {
      description: "Percentage (0–100) of applicable questions a zone must answer to be ranked.",
      type: "number",
      minimum: 0,
      maximum: 100,
    },
    bottom: { description: "How many lowest-ranked zones per region are listed.", ...count },
    totals: {
      type: "object",
      additionalProperties: false,
      required: ["used", "leftOut", "superseded"],
      properties: { used: count, leftOut: count, superseded: count },
    },
    completeness: { ...stats, description: "Spread of completeness (0…1) over the used zones." },
    zones: {
      description: "Used zones in league order: the ranked by rank, then the unranked.",
      type: "array",
      items: zoneEntry,
    },
    regions: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["region", "zones", "overall", "areas"],
        properties: {
          region: { type: ["string", "null"] },
          zones: count,
          overall: stats,
          areas: {
            type: "array",
            items: {
              type: "object",
              additionalProperties: false,
              required: ["id", ...stats.required],
              properties: { id, ...stats.properties },
            },
          },
        },
      },
    },
    measures: {
      description: "Each measure's mean score over the zones it applies to.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "area", "mean"],
        properties: { id, area: id, mean: score },
      },
    },
    commonGaps: {
      description:
        "Questions on which at least half of the zones they apply to score below 0.5, by meanGap.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["question", "measure", "ref", "zones", "below", "share", "meanGap", "nextStep"],
        properties: {
          question: id,
          measure: id,
          ref: { type: "string" },
          zones: { description: "Zones the question applies to.", ...count },
          below: { description: "Of those, zones scoring below 0.5.", ...count },
          share: { type: "number", minimum: 0, maximum: 1 },
          meanGap: {
            description: "Mean points of the overall score lost, over the zones it applies to.",
            type: "number",
            minimum: 0,
          },
          nextStep: { description: "The question's guidance, in `lang`.", type: "string" },
        },
      },
    },
    bottomZones: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["region", "files"],
        properties: {
          region: id,
          files: {
            description:
              "In league order (the last is the lowest), with the zones tied in region rank with the " +
              "highest of them; empty when the region has no ranked zone.",
            type: "array",
            items: { type: "string" },
          },
        },
      },
    },
    leftOut: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "code", "reason", "line", "column"],
        properties: {
          file: { type: "string" },
          code: { description: "The first problem's code, or aggregate/other-set, aggregate/other-version.", type: "string" },
          reason: { type: "string" },
          line: place,
          column: place,
        },
      },
    },
    setProblems: {
      description:
        "Problems of the invalid measure sets that answers files were pinned to, each once (the answers files themselves are in leftOut).",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "code", "message", "line", "column"],
        properties: {
          file: { type: "string" },
          code: { type: "string" },
          message: { type: "string" },
          line: { type: "integer", minimum: 1 },
          column: { type: "integer", minimum: 1 },
        },
      },
    },
    superseded: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["file", "by"],
        properties: { file: { type: "string" }, by: { type: "string" } },
      },
    },
  },
} as const;
