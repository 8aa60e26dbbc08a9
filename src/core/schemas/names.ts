/** The published schemas, by the name `netdz schema <name>` takes. */
export const SCHEMA_NAMES = [
  "measure-set",
  "measure",
  "answers",
  "report",
  "changes",
  "aggregate",
  "diff",
] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];
