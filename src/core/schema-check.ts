import { MEASURE_ID_PATTERN, QUESTION_ID_PATTERN } from "./schemas/common.js";
import type { ErrorObject } from "ajv";
import type {
  DiagnosticText,
  FieldRef,
  FormName,
  OwnerKind,
  ValueKind,
} from "../i18n/diagnostic-messages.js";
import { MAX_PROBLEMS_COLLECTED, PROBLEM_LIMIT_CODE } from "./diagnostic-filter.js";
import { asRecord, asString } from "./loose.js";
import type { Diagnostic } from "./model.js";
import { numberHint, splitNumberHint, type NumberHint } from "./number-hint.js";
import type { SchemaName } from "./schemas/names.js";
import {
  diagnosticAt,
  locate,
  pointerToPath,
  type PathSegment,
  type YamlSource,
} from "./yaml-source.js";

/** A compiled validator as ajv (or ajv's standalone code) produces it. */
export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export type ValidatorSet = Record<SchemaName, CompiledValidator>;

/** A mapping this large is validated a slice of entries at a time (see `checkSchema`). */
const SLICE_ENTRIES = 2000;

/**
 * Validates a parsed YAML file against one schema and returns located, readable diagnostics:
 * at most MAX_PROBLEMS_COLLECTED, then one problem that says checking stopped there. `sliced`
 * names a top-level mapping whose schema checks each entry on its own (no limit on the whole
 * mapping, as `answers`): a large one is validated a slice of entries at a time, so a huge file
 * with a problem in every entry never holds more than a slice's errors.
 */
export function checkSchema(
  source: YamlSource,
  validate: CompiledValidator,
  codePrefix = "schema",
  options: { sliced?: string } = {},
): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const large = source.text.length > LONG_LIST_TEXT;
  for (const slice of slicesOf(source.data, options.sliced)) {
    for (const part of large ? listParts(slice) : [{ data: slice } as Part]) {
      if (validate(part.data)) continue;
      const all = mergeRequired(simplifyErrors(validate.errors ?? []));
      validate.errors = null;
      const errors = part.list ? inList(all, part.list) : all;
      for (const error of errors) {
        if (diagnostics.length >= MAX_PROBLEMS_COLLECTED) {
          diagnostics.push(problemLimit(source));
          return diagnostics;
        }
        const d = describeError(source, error, codePrefix);
        const key = `${d.line}:${d.column}:${d.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push(d);
      }
    }
  }
  return diagnostics;
}

/** A list longer than this, in a file of more than LONG_LIST_TEXT characters, is validated in parts. */
const LONG_LIST = 2000;
const LONG_LIST_TEXT = 64 * 1024;

/** One validation of a part of the data: `list` names the long list whose items it holds. */
interface Part {
  data: unknown;
  list?: { pointer: string; start: number };
}

/**
 * The data with every long list cut to its first LONG_LIST items, then, for each long list, a
 * copy holding the next items in turn (all other long lists cut). ajv collects every error of a
 * list (allErrors), so a list of a million wrong items would otherwise hold a million errors in
 * memory before the problem limit could stop it. Item errors are put back at their real index.
 */
function* listParts(data: unknown): Generator<Part> {
  const lists: { path: PathSegment[]; items: unknown[] }[] = [];
  // Each node links to its parent; a path is built only for a long list (a path copied per node
  // took lines nested 95 deep over 200 MB).
  const stack: Walked[] = [{ value: data }];
  while (stack.length > 0) {
    const node = stack.pop() as Walked;
    const value = node.value;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      if (value.length > LONG_LIST) lists.push({ path: pathTo(node), items: value });
      else value.forEach((child: unknown, i) => pushObject(stack, child, node, i));
    } else {
      for (const key of Object.keys(value))
        pushObject(stack, (value as Record<string, unknown>)[key], node, key);
    }
  }
  if (lists.length === 0) {
    yield { data };
    return;
  }
  let cut = data;
  for (const list of lists) cut = replaceAt(cut, list.path, list.items.slice(0, LONG_LIST));
  yield { data: cut };
  for (const list of lists) {
    const pointer = list.path
      .map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`)
      .join("");
    for (let start = LONG_LIST; start < list.items.length; start += LONG_LIST) {
      const part = replaceAt(cut, list.path, list.items.slice(start, start + LONG_LIST));
      yield { data: part, list: { pointer, start } };
    }
  }
}

/** A value met in the walk of `listParts`, with the key it has in its parent. */
interface Walked {
  value: unknown;
  parent?: Walked;
  key?: PathSegment;
}

function pushObject(stack: Walked[], value: unknown, parent: Walked, key: PathSegment): void {
  if (value !== null && typeof value === "object") stack.push({ value, parent, key });
}

/** The path from the root to a walked value. */
function pathTo(node: Walked): PathSegment[] {
  const path: PathSegment[] = [];
  for (let at: Walked | undefined = node; at?.parent !== undefined; at = at.parent)
    path.unshift(at.key as PathSegment);
  return path;
}

/** A copy of `data` with the value at `path` replaced (only the containers on the path copied). */
function replaceAt(data: unknown, path: readonly PathSegment[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [PathSegment, ...PathSegment[]];
  if (Array.isArray(data)) {
    const copy = data.slice();
    copy[head as number] = replaceAt(data[head as number], rest, value);
    return copy;
  }
  const record = data as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    Object.defineProperty(copy, key, {
      value: key === head ? replaceAt(record[key], rest, value) : record[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** The errors of a list part that lie inside its list, at the index they have in the whole list. */
function inList(errors: ErrorObject[], list: { pointer: string; start: number }): ErrorObject[] {
  const prefix = `${list.pointer}/`;
  return errors.flatMap((e) => {
    if (!e.instancePath.startsWith(prefix)) return [];
    const rest = e.instancePath.slice(prefix.length);
    const slash = rest.indexOf("/");
    const index = Number(slash < 0 ? rest : rest.slice(0, slash)) + list.start;
    return [{ ...e, instancePath: `${prefix}${index}${slash < 0 ? "" : rest.slice(slash)}` }];
  });
}

/** The data itself, or copies of it that each hold one slice of the large mapping `key`. */
function* slicesOf(data: unknown, key: string | undefined): Generator<unknown> {
  const record = data !== null && typeof data === "object" && !Array.isArray(data) ? data : {};
  const map =
    key !== undefined && Object.hasOwn(record, key) ? asRecord(ownValue(record, key)) : {};
  const keys = Object.keys(map);
  if (key === undefined || keys.length <= SLICE_ENTRIES) {
    yield data;
    return;
  }
  for (let start = 0; start < keys.length; start += SLICE_ENTRIES) {
    const slice: Record<string, unknown> = {};
    for (let i = start; i < Math.min(keys.length, start + SLICE_ENTRIES); i++) {
      const k = keys[i] as string;
      // A key named `__proto__` is an own key like any other, never the prototype.
      if (k === "__proto__") {
        Object.defineProperty(slice, k, {
          value: map[k],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else slice[k] = map[k];
    }
    yield { ...record, [key]: slice };
  }
}

/** The one problem that says checking `source` stopped after MAX_PROBLEMS_COLLECTED problems. */
export function problemLimit(source: YamlSource): Diagnostic {
  return diagnosticAt(source, [], "error", PROBLEM_LIMIT_CODE, {
    id: "file/problem-limit",
    params: { limit: MAX_PROBLEMS_COLLECTED },
  });
}

/** True when `diagnostics` already stopped at the limit (its PROBLEM_LIMIT_CODE problem). */
export function reachedLimit(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.code === PROBLEM_LIMIT_CODE);
}

/** `diagnostics` of one file, cut to MAX_PROBLEMS_COLLECTED plus the limit problem when longer. */
export function withinLimit(source: YamlSource, diagnostics: Diagnostic[]): Diagnostic[] {
  if (reachedLimit(diagnostics)) return diagnostics;
  if (diagnostics.length <= MAX_PROBLEMS_COLLECTED) return diagnostics;
  return [...diagnostics.slice(0, MAX_PROBLEMS_COLLECTED), problemLimit(source)];
}

/**
 * ajv reports every failed branch of anyOf/if/then; keep what a person can act on: drop the
 * `if` wrapper errors and, under an anyOf, the branch errors in favour of one combined message.
 */
function simplifyErrors(errors: ErrorObject[]): ErrorObject[] {
  // The anyOf schema paths failed at each instance path (an index: linear in the errors).
  const anyOfAt = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== "anyOf") continue;
    const list = anyOfAt.get(e.instancePath) ?? [];
    list.push(`${e.schemaPath.replace(/\/anyOf$/, "")}/anyOf/`);
    anyOfAt.set(e.instancePath, list);
  }
  return errors.filter((e) => {
    if (e.keyword === "if") return false;
    // A key that fails `propertyNames` also fails the pattern inside it, reported at the mapping.
    if (e.schemaPath.includes("/propertyNames/")) return false;
    if (e.keyword === "anyOf") return true;
    const branches = anyOfAt.get(e.instancePath);
    return !branches?.some((prefix) => e.schemaPath.startsWith(prefix));
  });
}

/**
 * The fields missing from one mapping, as one error (`missing the required fields "id", "title"
 * and "weight"`), not one line each. A missing translation stays its own problem.
 */
function mergeRequired(errors: ErrorObject[]): ErrorObject[] {
  const isMissingField = (e: ErrorObject) =>
    e.keyword === "required" && !["en", "zh"].includes(String(e.params.missingProperty));
  const byPath = new Map<string, string[]>();
  for (const e of errors.filter(isMissingField)) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(String(e.params.missingProperty));
    byPath.set(e.instancePath, list);
  }
  const done = new Set<string>();
  return errors.flatMap((e) => {
    if (!isMissingField(e)) return [e];
    if (done.has(e.instancePath)) return [];
    done.add(e.instancePath);
    const missing = [...new Set(byPath.get(e.instancePath))].sort();
    return [{ ...e, params: { ...e.params, missingProperties: missing } }];
  });
}

function describeError(source: YamlSource, error: ErrorObject, prefix: string): Diagnostic {
  const path = pointerToPath(error.instancePath);
  const field = fieldRef(source.data, path);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(source.data, path);
  const at = (
    code: string,
    text: DiagnosticText,
    where: readonly PathSegment[] = path,
    options: { key?: boolean } = {},
  ) => diagnosticAt(source, where, "error", code, text, options);
  // A missing property is reported at the key of the mapping that lacks it (`title:`), or at the
  // start of a list item.
  const atParentKey = { key: typeof path.at(-1) === "string" };
  const limit = Number(params.limit);
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      if (missing === "en" || missing === "zh") {
        return at(
          "set/missing-translation",
          { id: "schema/missing-translation", params: { field, missing } },
          path,
          atParentKey,
        );
      }
      const properties = (params.missingProperties as string[] | undefined) ?? [missing];
      // `not_applicable` without a note: say what the note is for.
      if (path.length === 2 && path[0] === "answers" && properties.join() === "note") {
        return at(
          `${prefix}/required`,
          { id: "answers/na-note", params: { id: String(path[1]) } },
          path,
          atParentKey,
        );
      }
      return at(
        `${prefix}/required`,
        { id: "schema/required", params: { field, properties } },
        path,
        atParentKey,
      );
    }
    case "minLength": {
      const last = path.at(-1);
      if (last === "en" || last === "zh") {
        return at("set/missing-translation", {
          id: "schema/empty-translation",
          params: { lang: last },
        });
      }
      return at(`${prefix}/minLength`, { id: "schema/empty", params: { field } });
    }
    case "maxLength":
      return at(`${prefix}/maxLength`, { id: "schema/too-long", params: { field, limit } });
    case "additionalProperties": {
      const extra = String(params.additionalProperty);
      const split = splitNumberHint(
        numberRun(source, [...path, extra], extra),
        ownValue(value, extra),
      );
      return at(
        `${prefix}/unknown-property`,
        split
          ? { id: "schema/number-split", params: { field, property: extra, ...split } }
          : { id: "schema/unknown-property", params: { field, property: extra } },
        [...path, extra],
        { key: true },
      );
    }
    case "false schema":
      return at(`${prefix}/not-allowed`, { id: "schema/not-allowed", params: { field } }, path, {
        key: true,
      });
    case "enum":
      return at(`${prefix}/enum`, {
        id: "schema/enum",
        params: { field, allowed: (params.allowedValues as unknown[]).map(String) },
      });
    case "const":
      return at(`${prefix}/const`, {
        id: "schema/const",
        params: { field, allowed: String(params.allowedValue) },
      });
    case "type": {
      const expected = typeList(params.type);
      const hint = expected.some((t) => t === "number" || t === "integer")
        ? numberHint(value)
        : undefined;
      return at(
        `${prefix}/type`,
        numberText(hint, field) ?? {
          id: "schema/type",
          params: { field, expected, ...dateForm(path, value) },
        },
      );
    }
    case "anyOf":
      return at(
        `${prefix}/type`,
        numberText(numberHint(value), field) ?? {
          id: "schema/answer-value",
          params: { field },
        },
      );
    case "oneOf":
      return at(`${prefix}/oneOf`, { id: "schema/one-of", params: { field } });
    case "not":
      if (error.schemaPath.endsWith("/dependentSchemas/status/not")) {
        return at(`${prefix}/status-and-value`, {
          id: "schema/status-and-value",
          params: { field },
        });
      }
      // The only other `not` refuses options on a profile field that is not a choice.
      if (error.schemaPath.endsWith("/else/not") && ownValue(value, "options") !== undefined) {
        const options = [...path, "options"];
        return at(
          `${prefix}/not-allowed`,
          { id: "schema/not-allowed", params: { field: fieldRef(source.data, options) } },
          options,
          { key: true },
        );
      }
      return at(`${prefix}/not-allowed`, { id: "schema/not-allowed", params: { field } });
    case "pattern": {
      const pattern = String(params.pattern);
      const text = String(value);
      const capitals = text.toUpperCase();
      if (capitals !== text && new RegExp(pattern).test(capitals)) {
        return at(`${prefix}/pattern`, {
          id: "schema/id-case",
          params: { field, value: text, fixed: capitals, form: formOf(pattern) },
        });
      }
      return at(`${prefix}/pattern`, {
        id: "schema/pattern",
        params: { field, value: text, form: formOf(pattern), pattern },
      });
    }
    case "propertyNames": {
      const key = String(params.propertyName);
      const capitals = key.toUpperCase();
      return at(
        `${prefix}/question-id`,
        QUESTION_ID.test(capitals)
          ? { id: "schema/question-id-case", params: { key, fixed: capitals } }
          : { id: "schema/question-id", params: { key } },
        [...path, key],
        { key: true },
      );
    }
    case "minItems":
      return at(`${prefix}/minItems`, { id: "schema/min-items", params: { field, limit } });
    case "maxItems":
      return at(`${prefix}/maxItems`, { id: "schema/max-items", params: { field, limit } });
    case "uniqueItems":
      return at(`${prefix}/uniqueItems`, { id: "schema/unique-items", params: { field } });
    case "minimum":
    case "exclusiveMinimum":
      return at(`${prefix}/${error.keyword}`, {
        id: "schema/minimum",
        params: { field, limit, exclusive: error.keyword === "exclusiveMinimum" },
      });
    case "maximum":
    case "exclusiveMaximum":
      return at(`${prefix}/${error.keyword}`, {
        id: "schema/maximum",
        params: { field, limit, exclusive: error.keyword === "exclusiveMaximum" },
      });
    case "minProperties":
      return at(`${prefix}/minProperties`, {
        id: "schema/min-properties",
        params: { field, limit },
      });
    case "maxProperties":
      return at(`${prefix}/maxProperties`, {
        id: "schema/max-properties",
        params: { field, limit },
      });
    case "format":
      return at(`${prefix}/format`, {
        id: "schema/format",
        params: { field, format: String(params.format) },
      });
    case "multipleOf":
      return at(`${prefix}/multipleOf`, {
        id: "schema/multiple-of",
        params: { field, step: Number(params.multipleOf) },
      });
    case "dependentRequired":
      return at(`${prefix}/dependentRequired`, {
        id: "schema/dependent-required",
        params: { field, property: String(params.property), needs: String(params.missingProperty) },
      });
    default:
      return at(`${prefix}/${error.keyword}`, {
        id: "schema/invalid",
        params: { field, keyword: error.keyword },
      });
  }
}

const QUESTION_ID = /^M\d{2,}\.Q\d+$/;

/**
 * The run of digits and commas a flow mapping's key `key` was cut from (`1,200,300` for the key
 * `200` of `{ value: 1,200,300 }`), read from the text around the key; undefined when the key is
 * no such part (it has to be digits, with a fraction only at the end of the run).
 */
function numberRun(
  source: YamlSource,
  path: readonly PathSegment[],
  key: string,
): string | undefined {
  if (!/^\d+(?:\.\d+)?$/.test(key)) return undefined;
  const { line, column } = locate(source, path, { key: true });
  // The line from the line starts kept for positions: splitting a 2 MB text for each unknown
  // key took a file of 200,000 of them over 350 MB and 9 s.
  const start = source.lineCounter.lineStarts[line - 1] ?? 0;
  const keyAt = start + column - 1;
  if (source.text.slice(keyAt, keyAt + key.length) !== key) return undefined;
  const before = /(?:^|[\s:{[])([+-]?\d+(?:,\d+)*),\s*$/.exec(source.text.slice(start, keyAt));
  if (!before) return undefined;
  const tail = key.includes(".")
    ? ""
    : /^(?:,\d+)*(?:\.\d+)?/.exec(
        source.text.slice(keyAt + key.length, keyAt + key.length + 200),
      )?.[0];
  return `${before[1]},${key}${tail ?? ""}`;
}

/** The message for a value that was meant as a number, if it looks like one. */
function numberText(hint: NumberHint | undefined, field: FieldRef): DiagnosticText | undefined {
  switch (hint?.kind) {
    case "not-finite":
      return { id: "schema/not-finite", params: { field } };
    case "thousands":
      return { id: "schema/thousands", params: { field, fixed: hint.fixed } };
    case "decimal-comma":
      return { id: "schema/decimal-comma", params: { field, fixed: hint.fixed } };
    default:
      return undefined;
  }
}

/** The list keys whose items messages name by their id, and what they call such an item. */
const OWNER_LISTS: Readonly<Record<string, OwnerKind>> = {
  questions: "question",
  areas: "area",
  profile: "profileField",
  options: "option",
  bands: "band",
};

/**
 * Where a value sits, in words: `questions[1].target` is the target of question M01.Q2 when that
 * question has an id, else of question #2; an answers entry is named by its question id.
 */
export function fieldRef(data: unknown, path: readonly PathSegment[]): FieldRef {
  const owners: FieldRef["owners"] = [];
  let rest: PathSegment[] = [];
  let value = data;
  path.forEach((segment, i) => {
    const parent = path[i - 1];
    const child = ownValue(value, segment);
    const remaining = path.slice(i + 1);
    const isIdItself = remaining.length === 1 && remaining[0] === "id";
    const id = asString(asRecord(child).id);
    if (
      typeof segment === "number" &&
      typeof parent === "string" &&
      Object.hasOwn(OWNER_LISTS, parent)
    ) {
      const kind = OWNER_LISTS[parent];
      if (kind && rest.length === 1) {
        // By its id, unless the id is what is wrong (or missing): then by its place in the list.
        owners.push(
          id !== undefined && !isIdItself ? { kind, id } : { kind, position: segment + 1 },
        );
        rest = [];
        value = child;
        return;
      }
    }
    if (i === 1 && path[0] === "answers" && typeof segment === "string") {
      owners.push({ kind: "answer", id: segment });
      rest = [];
      value = child;
      return;
    }
    rest.push(segment);
    value = child;
  });
  return { owners, path: pathText(rest) };
}

/** `questions[2].weight`; empty for no segments. */
function pathText(path: readonly PathSegment[]): string {
  return path
    .map((segment, i) =>
      typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
    )
    .join("");
}

function typeList(type: unknown): ValueKind[] {
  const list = Array.isArray(type) ? type : String(type).split(",");
  return list.map((t) => String(t) as ValueKind);
}

/** The date fields (YYYY-MM-DD texts) whose value written as a number is told how to write it. */
const DATE_FIELDS = new Set(["due", "issued"]);

/** A date field given a number (`due: 20261231`): the message says the form a date takes. */
function dateForm(path: readonly PathSegment[], value: unknown): { form?: FormName } {
  const last = path.at(-1);
  return typeof value === "number" && typeof last === "string" && DATE_FIELDS.has(last)
    ? { form: "date" }
    : {};
}

/** The name of a pattern the schemas use, so the message can say the form in words. */
function formOf(pattern: string): FormName | undefined {
  const forms: Record<string, FormName> = {
    "^M\\d{2,}\\.Q\\d+$": "questionId",
    "^M\\d{2,}$": "measureId",
    [QUESTION_ID_PATTERN]: "questionId",
    [MEASURE_ID_PATTERN]: "measureId",
    "^[a-z][a-z0-9-]*$": "identifier",
    "^[a-z0-9][a-z0-9_-]*$": "optionId",
    "^[A-Za-z][A-Za-z0-9_]*$": "profileFieldId",
    "^\\d{4}-\\d{2}-\\d{2}$": "date",
    "^https?://": "url",
  };
  if (pattern.startsWith("^(0|[1-9]\\d*)\\.")) return "version";
  if (pattern.startsWith("^\\d{4}-\\d{2}-\\d{2}T")) return "dateTime";
  return forms[pattern];
}

/** A value's own property (never one inherited from Object.prototype, such as `constructor`). */
function ownValue(value: unknown, segment: PathSegment): unknown {
  if (value === null || typeof value !== "object") return undefined;
  return Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((value, segment) => ownValue(value, segment), data);
}
