import { FAILSAFE_SCHEMA, Type, type Schema } from "js-yaml";

// YAML 1.2 core schema number forms, as the yaml package (and editors) read them. js-yaml's own
// int and float types also accept 0b binary, signed hex/octal, and miss `-.5`; these do not.
const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

// js-yaml asks each type in turn of every plain scalar (most are words, ids, URLs and dates):
// the first character rules most of them out before any pattern runs. Each guard only passes on
// what its pattern could match.
const first = (data: string) => data.charCodeAt(0);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isSign = (c: number) => c === 0x2b || c === 0x2d;
const mayBeNull = (data: string) =>
  data.length === 0 ||
  (data.length <= 4 && (first(data) === 0x7e || (first(data) | 0x20) === 0x6e));
const mayBeBool = (data: string) =>
  (data.length === 4 || data.length === 5) &&
  ((first(data) | 0x20) === 0x74 || (first(data) | 0x20) === 0x66);
const mayBeInt = (data: string) => isDigit(first(data)) || isSign(first(data));
const mayBeFloat = (data: string) => mayBeInt(data) || first(data) === 0x2e;

const coreNull = new Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (data: string | null) => data === null || (mayBeNull(data) && NULL.test(data)),
  construct: () => null,
  predicate: (value: unknown) => value === null,
});

const coreBool = new Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && mayBeBool(data) && BOOL.test(data),
  construct: (data: string) => data.toLowerCase() === "true",
  predicate: (value: unknown) => typeof value === "boolean",
});

const coreInt = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && mayBeInt(data) && INT.test(data),
  construct: (data: string) =>
    data.startsWith("0o")
      ? parseInt(data.slice(2), 8)
      : data.startsWith("0x")
        ? parseInt(data.slice(2), 16)
        : parseInt(data, 10),
  predicate: (value: unknown) => Number.isInteger(value),
});

const coreFloat = new Type("tag:yaml.org,2002:float", {
  kind: "scalar",
  resolve: (data: string | null) =>
    data !== null &&
    mayBeFloat(data) &&
    (FLOAT.test(data) || INFINITY.test(data) || NAN.test(data)),
  construct: (data: string) =>
    NAN.test(data)
      ? Number.NaN
      : INFINITY.test(data)
        ? data.startsWith("-")
          ? Number.NEGATIVE_INFINITY
          : Number.POSITIVE_INFINITY
        : parseFloat(data),
  predicate: (value: unknown) => typeof value === "number",
});

/** js-yaml set up to read plain scalars exactly as the YAML 1.2 core schema does. */
export const YAML_CORE_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({
  implicit: [coreNull, coreBool, coreInt, coreFloat],
});
