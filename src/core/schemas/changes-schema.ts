import { DRAFT, EXTENSIONS, QUESTION_ID_PATTERN, SCHEMA_BASE, semver, text } from "./common.js";

const questionId = {
  type: "string",
  pattern: QUESTION_ID_PATTERN,
  description: "A question id, e.g. M01.Q1",
} as const;

const profileFieldId = { type: "string", pattern: "^[A-Za-z][A-Za-z0-9_]*$" } as const;

/** JSON Schema of a version folder's `changes.yaml`: what changed from the version before. */
export const changesSchema = {
  $schema: DRAFT,
  $id: `${SCHEMA_BASE}changes.schema.json`,
  title: "netdz changes (changes.yaml)",
  description:
    "What changed in a version of a measure set from the version before, so that answers can be carried over (netdz migrate). Lives beside set.yaml.",
  type: "object",
  required: ["format", "from", "changes"],
  properties: {
    format: { const: "netdz-changes/1" },
    from: { ...semver, description: "The previous version, e.g. 1.0.0." },
    changes: {
      type: "array",
      items: {
        type: "object",
        description:
          "One change: exactly one of rename, reword, rescale, retire or profile (x- keys beside it are your own notes; netdz checks that exactly one change is named).",
        properties: {
          rename: {
            type: "object",
            description: "The same question under another id; its answer moves over as it is.",
            required: ["from", "to"],
            properties: { from: questionId, to: questionId },
            additionalProperties: false,
            ...EXTENSIONS,
          },
          reword: {
            ...questionId,
            description:
              "Same meaning, clearer text; the answer moves over and is marked for review.",
          },
          rescale: {
            type: "object",
            description:
              "Type, options, target, unit or bounds changed; the old answer goes into the answer's note, its value is cleared and it is marked for review.",
            required: ["id", "note"],
            properties: { id: questionId, note: text },
            additionalProperties: false,
            ...EXTENSIONS,
          },
          retire: {
            type: "object",
            description: "The question is gone; its answer is kept under `retired:`.",
            required: ["id", "reason"],
            properties: { id: questionId, reason: text },
            additionalProperties: false,
            ...EXTENSIONS,
          },
          profile: {
            type: "object",
            description:
              "A zone-profile field changed form; known old values map to new ones (matched without regard to case or surrounding spaces), others are cleared and asked again.",
            required: ["field", "map"],
            properties: {
              field: profileFieldId,
              map: {
                type: "object",
                description:
                  "Old value → new value; x- keys are your own notes, never an old value.",
                additionalProperties: { type: ["string", "boolean"] },
                ...EXTENSIONS,
              },
            },
            additionalProperties: false,
            ...EXTENSIONS,
          },
        },
        additionalProperties: false,
        ...EXTENSIONS,
      },
    },
  },
  additionalProperties: false,
  ...EXTENSIONS,
} as const;
