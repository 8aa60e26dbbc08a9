import type { Lang } from "../core/model.js";
import { SCHEMAS, SCHEMA_NAMES, type SchemaName } from "../core/schemas/index.js";
import { EXIT, UsageError } from "../errors.js";
import { schemaMessages } from "../i18n/schema-messages.js";
import type { Io } from "../io.js";

export interface SchemaOptions {
  name: string;
  lang: Lang;
}

/** `netdz schema <name>`: prints one of the published JSON Schemas. */
export function schema(options: SchemaOptions, io: Io): number {
  const { name } = options;
  if (!SCHEMA_NAMES.includes(name as SchemaName)) {
    throw new UsageError(schemaMessages(options.lang).unknown(name, SCHEMA_NAMES));
  }
  io.stdout.write(`${JSON.stringify(SCHEMAS[name as SchemaName].schema, null, 2)}\n`);
  return EXIT.ok;
}
