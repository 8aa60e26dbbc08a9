import { SCHEMAS, SCHEMA_NAMES, type SchemaName } from "../core/schemas/index.js";
import { EXIT, UsageError } from "../errors.js";
import type { Io } from "../io.js";

/** `netdz schema <name>`: prints one of the published JSON Schemas. */
export function schema(name: string, io: Io): number {
  if (!SCHEMA_NAMES.includes(name as SchemaName)) {
    throw new UsageError(`unknown schema "${name}" (choose one of: ${SCHEMA_NAMES.join(", ")})`);
  }
  io.stdout.write(`${JSON.stringify(SCHEMAS[name as SchemaName].schema, null, 2)}\n`);
  return EXIT.ok;
}
