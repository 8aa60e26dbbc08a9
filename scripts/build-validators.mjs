// Generates dist/core/generated-validators/<schema>.cjs: each schema compiled to ajv standalone
// code, so the CLI validates without compiling schemas at start-up, and a command loads only
// the validators it uses (src/core/validators.ts). Run after tsc (npm run build).
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { SCHEMAS, SCHEMA_NAMES } from "../dist/core/schemas/index.js";
import { AJV_OPTIONS, exportName, GENERATED_VALIDATORS } from "../dist/core/validators.js";

const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
for (const name of SCHEMA_NAMES) ajv.addSchema(SCHEMAS[name].schema);
const dir = new URL(`../dist/core/${GENERATED_VALIDATORS}/`, import.meta.url);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const name of SCHEMA_NAMES) {
  // One schema's validator and what it refers to; CommonJS, so that it loads synchronously.
  const code = standaloneCode.default(ajv, { [exportName(name)]: SCHEMAS[name].schema.$id });
  writeFileSync(new URL(`${name}.cjs`, dir), code);
}
