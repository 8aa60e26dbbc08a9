import { STATUSES } from "../model.js";

/** JSON Schema (draft 2020-12) of the JSON gap report, `netdz report --format json`. */

const nullableNumber = { type: ["number", "null"] } as const;
const id = { type: "string", minLength: 1 } as const;
const owner = {
  description: "Who is responsible for closing the gap (the answer's `owner`).",
  type: "string",
} as const;
const due = {
  description: "When the gap is to be closed (the answer's `due`), YYYY-MM-DD.",
  type: "string",
  pattern: "^\\d{4}-\\d{2}-\\d{2}$",
} as const;

const questionEntry = {
  type: "object",
  additionalProperties: false,
  required: ["id", "measure", "status", "score", "gap"],
  properties: {
    id,
    measure: id,
    status: {
      description:
        "A status, `answered` (a value given to a non-status question) or `unanswered`; " +
        "`not_applicable` also when the zone profile excludes the question.",
      enum: [
        ...STATUSES,
        "answered",
        "unanswered",
      ],
    },
    score: {
      description: "Question score s in 0…1, unrounded; null when not scored (text, not applicable).",
      type: ["number", "null"],
      minimum: 0,
      maximum: 1,
    },
    gap: {
      description: "Points of the overall score lost, (1 − s) × share × 100; null when not scored.",
      type: ["number", "null"],
      minimum: 0,
      maximum: 100,
    },
    value: {
      description: "The value given (yes/no, number, option id(s) or free text), as in the answers file.",
      type: ["boolean", "number", "string", "array"],
      items: { type: "string" },
    },
    note: { description: "The note of the answer, as written.", type: "string" },
    evidence: {
      description: "The evidence items of the answer, as written.",
      type: "array",
      items: { type: "string" },
    },
    review: { description: "Present (true) when the question is marked for review.", const: true },
    owner,
    due,
  },
} as const;

const actionEntry = {
  type: "object",
  additionalProperties: false,
  required: ["id", "measure", "overdue", "gap"],
  properties: {
    id,
    measure: id,
    owner,
    due,
    overdue: {
      description: "Still a gap and due before the report's date.",
      type: "boolean",
    },
    gap: { type: "number", minimum: 0, maximum: 100 },
  },
} as const;

const count = { type: "integer", minimum: 0 } as const;

const declaredOnly = {
  description:
    "True when this is left out of the score only because the zone answered every scored " +
    "question in it that applies not applicable (text questions are never scored; its weight " +
    "is not counted).",
  type: "boolean",
} as const;

/** The score of one part of an extended set (the national measures, or the additions). */
const partScore = {
  type: "object",
  additionalProperties: false,
  required: ["score", "band", "completeness"],
  properties: {
    score: { ...nullableNumber, minimum: 0, maximum: 100 },
    band: { description: "Label of the band, in `lang`.", type: ["string", "null"] },
    completeness: {
      description: "Answered share of the part's applicable questions, 0…1.",
      ...nullableNumber,
      minimum: 0,
      maximum: 1,
    },
  },
} as const;

export const reportSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://netdz.dev/schemas/report.schema.json",
  title: "netdz gap report",
  description:
    "Scores of one answers file against its measure set. Measure, area and overall scores are " +
    "0…100 and unrounded; null where nothing is applicable.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "lang",
    "measureSet",
    "zone",
    "overall",
    "areas",
    "measures",
    "questions",
    "gaps",
    "actions",
    "counts",
  ],
  properties: {
    format: { const: "netdz-report/1" },
    lang: { description: "Language of the band label.", enum: ["en", "zh"] },
    date: {
      description: "SOURCE_DATE_EPOCH, else the answers' last update (UTC).",
      type: "string",
      pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    },
    measureSet: {
      type: "object",
      additionalProperties: false,
      required: ["id", "version"],
      properties: { id, version: id },
    },
    zone: {
      description: "The zone profile from the answers file.",
      type: "object",
      additionalProperties: { type: ["string", "boolean"] },
    },
    assessor: {
      description: "Who filled in the answers, from the answers file (left out when not given).",
      type: "object",
      additionalProperties: false,
      properties: { name: { type: "string" }, role: { type: "string" } },
    },
    overall: {
      type: "object",
      additionalProperties: false,
      required: [
        "score",
        "band",
        "completeness",
        "declaredNotApplicableShare",
        "missingProfileFields",
      ],
      properties: {
        score: { ...nullableNumber, minimum: 0, maximum: 100 },
        band: { description: "Label of the band, in `lang`.", type: ["string", "null"] },
        completeness: {
          description: "Answered share of applicable questions, 0…1.",
          ...nullableNumber,
          minimum: 0,
          maximum: 1,
        },
        declaredNotApplicableShare: {
          description:
            "Share, 0…1, of the questions that apply to the zone profile that the zone itself " +
            "answered not applicable (counts.declaredNotApplicable ÷ (total − excludedByProfile)); " +
            "null when the profile excludes everything. Above 0.2 the report warns; above 0.5 " +
            "--fail-under refuses the report.",
          ...nullableNumber,
          minimum: 0,
          maximum: 1,
        },
        missingProfileFields: {
          description:
            "Profile fields the zone has not given that the set requires or a question depends on; " +
            "questions depending on them count as applicable (and unanswered) until they are given.",
          type: "array",
          items: id,
        },
      },
    },
    parts: {
      type: "object",
      description:
        "Only for a set that extends another: the base (national) set's measures and the additions, each scored alone over its own measures and the areas they sit in.",
      additionalProperties: false,
      required: ["base", "national", "additions"],
      properties: {
        base: {
          type: "object",
          additionalProperties: false,
          required: ["id", "version"],
          properties: { id: { type: "string" }, version: { type: "string" } },
        },
        national: partScore,
        additions: partScore,
      },
    },
    areas: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "weight", "score", "declaredOnly"],
        properties: {
          id,
          weight: { type: "number" },
          score: { ...nullableNumber, minimum: 0, maximum: 100 },
          declaredOnly: declaredOnly,
        },
      },
    },
    measures: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["id", "area", "score", "applicable", "declaredOnly"],
        properties: {
          id,
          area: id,
          score: { ...nullableNumber, minimum: 0, maximum: 100 },
          applicable: { type: "boolean" },
          declaredOnly: declaredOnly,
        },
      },
    },
    questions: { type: "array", items: questionEntry },
    gaps: {
      description: "Questions that lose points, by points lost (descending), then id.",
      type: "array",
      items: questionEntry,
    },
    actions: {
      description:
        "The action plan: every gap whose answer has an owner or a due date, by due date " +
        "(undated last), then points lost.",
      type: "array",
      items: actionEntry,
    },
    counts: {
      description:
        "total = applicable + notApplicable; applicable = answered + unknown + unanswered; " +
        "notApplicable = excludedByProfile + declaredNotApplicable; " +
        "review counts every question marked for review.",
      type: "object",
      additionalProperties: false,
      required: [
        "total",
        "applicable",
        "answered",
        "unanswered",
        "unknown",
        "notApplicable",
        "excludedByProfile",
        "declaredNotApplicable",
        "review",
      ],
      properties: {
        total: count,
        applicable: count,
        answered: count,
        unanswered: count,
        unknown: count,
        notApplicable: count,
        excludedByProfile: count,
        declaredNotApplicable: count,
        review: count,
      },
    },
  },
} as const;
