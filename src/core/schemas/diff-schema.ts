import { STATUSES } from "../model.js";
import { answerValue } from "./common.js";

/** JSON Schema (draft 2020-12) of the JSON comparison, `netdz diff --format json`. */

const id = { type: "string", minLength: 1 } as const;
const num = { type: ["number", "null"] } as const;

const change = {
  required: ["old", "new", "change"],
  properties: {
    old: num,
    new: num,
    change: { description: "new − old; null unless both are numbers.", ...num },
  },
} as const;

const scoreRow = (extra: Record<string, unknown>, required: readonly string[]) =>
  ({
    type: "array",
    items: {
      type: "object",
      additionalProperties: false,
      required: [...required, ...change.required],
      properties: { ...extra, ...change.properties },
    },
  }) as const;

const state = { enum: [...STATUSES, "answered", "unanswered"] } as const;

const questionList = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["id", "measure", "oldState", "newState", ...change.required],
    properties: {
      id,
      measure: id,
      oldState: state,
      newState: state,
      oldValue: answerValue,
      newValue: answerValue,
      ...change.properties,
    },
  },
} as const;

const gapList = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["id", "measure", "points"],
    properties: { id, measure: id, points: { type: "number", minimum: 0 } },
  },
} as const;

const evidenceList = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["question", "item"],
    properties: { question: id, item: { type: "string" } },
  },
} as const;

const actionList = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    required: ["id", "measure"],
    properties: {
      id,
      measure: id,
      owner: { type: "string", minLength: 1 },
      due: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
    },
  },
} as const;

const side = {
  type: "object",
  additionalProperties: false,
  required: ["file", "zone"],
  properties: {
    file: { type: "string" },
    zone: { type: "object", additionalProperties: { type: ["string", "boolean"] } },
    date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
  },
} as const;

export const diffSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://netdz.dev/schemas/diff.schema.json",
  title: "netdz comparison of two assessments",
  description:
    "Two answers files of the same measure set and version. Scores 0…100 (questions 0…1), " +
    "completeness 0…1, gaps in points of the overall score; unrounded.",
  type: "object",
  additionalProperties: false,
  required: [
    "format",
    "lang",
    "measureSet",
    "old",
    "new",
    "sameZone",
    "overall",
    "completeness",
    "areas",
    "measures",
    "questions",
    "gapsClosed",
    "newGaps",
    "evidenceAdded",
    "evidenceRemoved",
    "actions",
  ],
  properties: {
    format: { const: "netdz-diff/1" },
    lang: { enum: ["en", "zh"] },
    measureSet: {
      type: "object",
      additionalProperties: false,
      required: ["id", "version"],
      properties: { id, version: id },
    },
    old: side,
    new: side,
    sameZone: {
      description:
        "Same zone: the same zone key (name and province, as netdz aggregate matches zones); " +
        "true for a file compared with itself; null when a zone has no name, so it cannot be told.",
      type: ["boolean", "null"],
    },
    overall: {
      type: "object",
      additionalProperties: false,
      required: [...change.required, "oldBand", "newBand", "bandChanged"],
      properties: {
        ...change.properties,
        oldBand: { type: ["string", "null"] },
        newBand: { type: ["string", "null"] },
        bandChanged: { type: "boolean" },
      },
    },
    completeness: {
      type: "object",
      additionalProperties: false,
      required: change.required,
      properties: change.properties,
    },
    areas: scoreRow({ id }, ["id"]),
    measures: scoreRow({ id, area: id }, ["id", "area"]),
    questions: {
      description:
        "Each question that moved, in the first category that fits: becameNotApplicable, " +
        "becameUnknown, newlyAnswered, becameUnanswered (answered before, unanswered now), improved, " +
        "regressed.",
      type: "object",
      additionalProperties: false,
      required: [
        "becameNotApplicable",
        "becameUnknown",
        "newlyAnswered",
        "becameUnanswered",
        "improved",
        "regressed",
      ],
      properties: {
        becameNotApplicable: questionList,
        becameUnknown: questionList,
        newlyAnswered: questionList,
        becameUnanswered: questionList,
        improved: questionList,
        regressed: questionList,
      },
    },
    gapsClosed: { ...gapList, description: "Questions that lost points before and none now." },
    newGaps: { ...gapList, description: "Questions that lose points now and lost none before." },
    evidenceAdded: evidenceList,
    evidenceRemoved: evidenceList,
    actions: {
      description:
        "The action plans compared (a gap whose answer has an owner or a due date is an " +
        "action): completed (an old action whose question loses no points now), slipped (an " +
        "old action still open whose due date — the new entry's, else the old one's — is " +
        "before date) and added (an action the old file did not have), each by question id.",
      type: "object",
      additionalProperties: false,
      required: ["completed", "slipped", "added"],
      properties: {
        date: {
          description:
            "The new file's report date (SOURCE_DATE_EPOCH, else its last answeredAt), which " +
            "slipped is measured against; absent when it has none (then nothing slips).",
          type: "string",
          pattern: "^\\d{4}-\\d{2}-\\d{2}$",
        },
        completed: actionList,
        slipped: actionList,
        added: actionList,
      },
    },
  },
} as const;
