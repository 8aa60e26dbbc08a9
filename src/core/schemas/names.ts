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

/** Where a schema file saved by hand goes, as the answers file's header comment suggests. */
export const LOCAL_SCHEMA_FILE = "netdz-answers.schema.json";
