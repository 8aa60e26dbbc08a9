import { DRAFT, EXTENSIONS, SCHEMA_BASE, identifier, semver, text } from "./common.js";

/** JSON Schema of a measure set's `set.yaml`. */
export const measureSetSchema = {
  $schema: DRAFT,
  $id: `${SCHEMA_BASE}measure-set.schema.json`,
  title: "netdz measure set (set.yaml)",
  description:
    "Header of a measure set: identity, source document, areas, the zone-profile questions and score bands. Lives in measures/<id>/<version>/set.yaml beside one file per measure.",
  type: "object",
  required: ["format", "id", "version", "title", "source"],
  // A set that extends another may add no areas or profile fields of its own.
  if: { not: { required: ["extends"] } },
  then: { required: ["areas", "profile"] },
  properties: {
    format: { const: "netdz-measure-set/1" },
    id: identifier,
    version: semver,
    title: text,
    description: text,
    extends: {
      type: "object",
      description:
        "The set this one adds to (e.g. the national set a province's set builds on): its areas, measures, profile fields and bands stay as they are.",
      required: ["id", "version"],
      properties: { id: identifier, version: semver },
      additionalProperties: false,
      ...EXTENSIONS,
    },
    source: {
      type: "object",
      required: ["document", "issuer", "issued", "authoritativeLanguage"],
      properties: {
        document: { type: "string", minLength: 1, description: "Document number." },
        title: text,
        issuer: text,
        issued: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "ISO date" },
        authoritativeLanguage: { enum: ["en", "zh"] },
        url: { type: "string", pattern: "^https?://" },
      },
      additionalProperties: false,
      ...EXTENSIONS,
    },
    areas: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["id", "title", "weight"],
        properties: {
          id: identifier,
          ref: { type: "string", minLength: 1 },
          title: text,
          weight: { type: "number" },
        },
        additionalProperties: false,
        ...EXTENSIONS,
      },
    },
    profile: {
      type: "array",
      items: {
        type: "object",
        required: ["id", "type", "label"],
        properties: {
          id: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9_]*$" },
          type: { enum: ["text", "choice", "yesno"] },
          label: text,
          help: text,
          required: { type: "boolean" },
          options: {
            type: "array",
            minItems: 1,
            items: {
              type: "object",
              required: ["id", "label"],
              properties: { id: identifier, label: text },
              additionalProperties: false,
              ...EXTENSIONS,
            },
          },
          derive: {
            type: "object",
            description:
              "Not asked: the value follows from another choice field's value, e.g. the region from the province.",
            required: ["from", "map"],
            properties: {
              from: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9_]*$" },
              map: {
                type: "object",
                description: "The other field's option id → this field's option id.",
                additionalProperties: identifier,
                ...EXTENSIONS,
              },
            },
            additionalProperties: false,
            ...EXTENSIONS,
          },
        },
        if: { properties: { type: { const: "choice" } } },
        then: { required: ["options"] },
        else: { not: { required: ["options"] } },
        additionalProperties: false,
        ...EXTENSIONS,
      },
    },
    bands: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        required: ["min", "label"],
        properties: {
          min: { type: "number", minimum: 0, maximum: 100 },
          label: text,
        },
        additionalProperties: false,
        ...EXTENSIONS,
      },
    },
  },
  additionalProperties: false,
  ...EXTENSIONS,
} as const;
