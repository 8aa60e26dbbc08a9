import type { ErrorObject } from "ajv";
import { LANGUAGE_NAMES, type Diagnostic } from "./model.js";
import type { SchemaName } from "./schemas/names.js";
import { diagnosticAt, pointerToPath, type PathSegment, type YamlSource } from "./yaml-source.js";

/** A compiled validator as ajv (or ajv's standalone code) produces it. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type ValidatorSet = Record<SchemaName, CompiledValidator>;

/** Validates a parsed YAML file against one schema and returns located, readable diagnostics. */
export function checkSchema(
  source: YamlSource,
  validate: CompiledValidator,
  codePrefix = "schema",
): Diagnostic[] {
  if (validate(source.data)) return [];
  const errors = simplifyErrors(validate.errors ?? []);
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const error of errors) {
    const d = describeError(source, error, codePrefix);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    diagnostics.push(d);
  }
  return diagnostics;
}

/**
 * ajv reports every failed branch of anyOf/if/then; keep what a person can act on: drop the
 * `if` wrapper errors and, under an anyOf, the branch errors in favour of one combined message.
 */
function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  const anyOfPaths = errors
    .filter((e) => e.keyword === "anyOf")
    .map((e) => ({
      instancePath: e.instancePath,
      schemaPath: e.schemaPath.replace(/\/anyOf$/, ""),
    }));
  return errors.filter((e) => {
    if (e.keyword === "if") return false;
    if (e.keyword === "anyOf") return true;
    return !anyOfPaths.some(
      (a) => e.instancePath === a.instancePath && e.schemaPath.startsWith(`${a.schemaPath}/anyOf/`),
    );
  });
}

function describeError(source: YamlSource, error: ErrorObject, prefix: string): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const where = fieldName(path);
  const params = error.params as Record<string, unknown>;
  // A missing property is reported at the key of the mapping that lacks it (`title:`), or at the
  // start of a list item.
  const atParentKey = { key: typeof path.at(-1) === "string" };
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      if (missing === "en" || missing === "zh") {
        const other = LANGUAGE_NAMES[missing === "en" ? "zh" : "en"];
        const lacking = LANGUAGE_NAMES[missing];
        return diagnosticAt(
          source,
          path,
          "error",
          "set/missing-translation",
          `${where} has ${other} but no ${lacking} text`,
          atParentKey,
        );
      }
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/required`,
        `${where} is missing required property "${missing}"`,
        atParentKey,
      );
    }
    case "minLength": {
      const last = path.at(-1);
      if (last === "en" || last === "zh") {
        return diagnosticAt(
          source,
          path,
          "error",
          "set/missing-translation",
          `${LANGUAGE_NAMES[last]} text is empty`,
        );
      }
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/minLength`,
        `${where} must not be empty`,
      );
    }
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      return diagnosticAt(
        source,
        [...path, extra],
        "error",
        `${prefix}/unknown-property`,
        `unknown property "${extra}" in ${where}`,
        { key: true },
      );
    }
    case "false schema":
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/not-allowed`,
        `${where} is not allowed here (it belongs to another question type)`,
        { key: true },
      );
    case "enum":
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/enum`,
        `${where} must be one of: ${(params.allowedValues as unknown[]).map(String).join(", ")}`,
      );
    case "const":
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/const`,
        `${where} must be "${String(params.allowedValue)}"`,
      );
    case "type":
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/type`,
        `${where} must be ${describeType(params.type)}`,
      );
    case "anyOf":
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/type`,
        `${where} must be a number, true/false, a text or a list of texts`,
      );
    case "not":
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/status-and-value`,
        `${where} has both "status" and "value"; give one of them`,
      );
    case "pattern":
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/pattern`,
        `${where} "${String(valueAt(source.data, path))}" does not have the expected form (${patternHint(String(params.pattern))})`,
      );
    case "propertyNames":
      return diagnosticAt(
        source,
        [...path, String(params.propertyName)],
        "error",
        `${prefix}/question-id`,
        `"${String(params.propertyName)}" is not a question id (expected the form M01.Q1)`,
        { key: true },
      );
    default:
      return diagnosticAt(
        source,
        path,
        "error",
        `${prefix}/${error.keyword}`,
        `${where} ${error.message ?? "is invalid"}`,
      );
  }
}

/** A readable name for the value at a path: `questions[2].weight`, or `the file` at the root. */
export function fieldName(path: readonly PathSegment[]): string {
  if (path.length === 0) return "the file";
  return path
    .map((segment, i) =>
      typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
    )
    .join("");
}

function describeType(type: unknown): string {
  const names: Record<string, string> = {
    string: "a text",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
    object: "a mapping (key: value)",
    array: "a list",
    null: "empty",
  };
  const list = Array.isArray(type) ? type : String(type).split(",");
  return list.map((t) => names[String(t)] ?? String(t)).join(" or ");
}

function patternHint(pattern: string): string {
  const hints: Record<string, string> = {
    "^M\\d{2,}\\.Q\\d+$": "e.g. M01.Q1",
    "^M\\d{2,}$": "e.g. M01",
    "^[a-z][a-z0-9-]*$": "lower-case letters, digits and hyphens",
    "^\\d{4}-\\d{2}-\\d{2}$": "a date like 2025-05-21",
    "^https?://": "a web address starting with http:// or https://",
  };
  if (pattern.startsWith("^(0|[1-9]\\d*)\\.")) return "a version like 1.0.0";
  if (pattern.startsWith("^\\d{4}-\\d{2}-\\d{2}T")) return "a date-time like 2026-11-26T10:00:00Z";
  return hints[pattern] ?? `pattern ${pattern}`;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}
