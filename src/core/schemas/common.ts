import { STATUSES } from "../model.js";

/** Building blocks shared by the JSON Schemas of netdz's file formats. */

export const DRAFT = "https://json-schema.org/draft/2020-12/schema";
export const SCHEMA_BASE = "https://netdz.dev/schemas/";

/**
 * Objects reject unknown keys (typos) but allow `x-…` extension keys, which netdz keeps and
 * ignores. Every object schema spreads this in (test/schemas.test.ts checks it).
 */
export const EXTENSIONS = { patternProperties: { "^x-": true } } as const;

export const text = {
  type: "object",
  description: "A text in English (en) and Simplified Chinese (zh).",
  properties: {
    en: { type: "string", minLength: 1 },
    zh: { type: "string", minLength: 1 },
  },
  required: ["en", "zh"],
  additionalProperties: false,
  ...EXTENSIONS,
} as const;

export const semver = {
  type: "string",
  pattern: "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$",
  description: "A semantic version, e.g. 1.0.0.",
} as const;

export const identifier = {
  type: "string",
  pattern: "^[a-z][a-z0-9-]*$",
  description: "Lower-case letters, digits and hyphens, starting with a letter.",
} as const;

export const statusEnum = STATUSES;

/** Measure ids: `M01`, or with a prefix of the set's own for a set that extends another (`JS-M01`). */
export const MEASURE_ID_PATTERN = "^([A-Z][A-Z0-9]*-)?M\\d{2,}$";
/** Question ids: the measure id, `.Q` and a number (`M01.Q1`, `JS-M01.Q1`). */
export const QUESTION_ID_PATTERN = "^([A-Z][A-Z0-9]*-)?M\\d{2,}\\.Q\\d+$";

/** The value of an answer given with a value rather than a status: a number, yes/no, text or a list. */
export const answerValue = {
  anyOf: [
    { type: "number" },
    { type: "boolean" },
    { type: "string" },
    { type: "array", items: { type: "string" } },
  ],
} as const;
