import { aggregateSchema } from "./aggregate-schema.js";
import { answersSchema } from "./answers-schema.js";
import { changesSchema } from "./changes-schema.js";
import { diffSchema } from "./diff-schema.js";
import { measureSchema } from "./measure-schema.js";
import { measureSetSchema } from "./measure-set-schema.js";
import { reportSchema } from "./report-schema.js";

import type { SchemaName } from "./names.js";

export { SCHEMA_NAMES, type SchemaName } from "./names.js";

/** Every published schema, by the name `netdz schema <name>` takes; file is its name in schemas/. */
export const SCHEMAS = {
  "measure-set": { file: "measure-set.schema.json", schema: measureSetSchema },
  measure: { file: "measure.schema.json", schema: measureSchema },
  answers: { file: "answers.schema.json", schema: answersSchema },
  report: { file: "report.schema.json", schema: reportSchema },
  changes: { file: "changes.schema.json", schema: changesSchema },
  aggregate: { file: "aggregate.schema.json", schema: aggregateSchema },
  diff: { file: "diff.schema.json", schema: diffSchema },
} as const satisfies Record<SchemaName, { file: string; schema: object }>;
