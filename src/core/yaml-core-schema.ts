import { FAILSAFE_SCHEMA, Type, type Schema } from "js-yaml";

// YAML 1.2 core schema number forms, as the yaml package (and editors) read them. js-yaml's own
// int and float types also accept 0b binary, signed hex/octal, and miss `-.5`; these do not.
const NULL = /^(?:~|null|Null|NULL)?$/;
const BOOL = /^(?:true|True|TRUE|false|False|FALSE)$/;
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const INFINITY = /^[-+]?\.(?:inf|Inf|INF)$/;
const NAN = /^\.(?:nan|NaN|NAN)$/;

const coreNull = new Type("tag:yaml.org,2002:null", {
  kind: "scalar",
  resolve: (data: string | null) => data === null || NULL.test(data),
  construct: () => null,
  predicate: (value: unknown) => value === null,
});

const coreBool = new Type("tag:yaml.org,2002:bool", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && BOOL.test(data),
  construct: (data: string) => data.toLowerCase() === "true",
  predicate: (value: unknown) => typeof value === "boolean",
});

const coreInt = new Type("tag:yaml.org,2002:int", {
  kind: "scalar",
  resolve: (data: string | null) => data !== null && INT.test(data),
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
    data !== null && (FLOAT.test(data) || INFINITY.test(data) || NAN.test(data)),
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
