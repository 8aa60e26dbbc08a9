import { answersSchema } from "./answers-schema.js";
import { measureSchema } from "./measure-schema.js";
import { measureSetSchema } from "./measure-set-schema.js";
import { reportSchema } from "./report-schema.js";

/** Every published schema, by the name `netdz schema <name>` takes; file is its name in schemas/. */
export const SCHEMAS = {
  "measure-set": { file: "measure-set.schema.json", schema: measureSetSchema },
  measure: { file: "measure.schema.json", schema: measureSchema },
  answers: { file: "answers.schema.json", schema: answersSchema },
  report: { file: "report.schema.json", schema: reportSchema },
} as const;

export type SchemaName = keyof typeof SCHEMAS;
export const SCHEMA_NAMES = Object.keys(SCHEMAS) as SchemaName[];
