// Generates dist/core/generated-validators.js: the schemas compiled to ajv standalone code,
// so the CLI validates without compiling schemas at start-up. Run after tsc (npm run build).
import { writeFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { SCHEMAS, SCHEMA_NAMES } from "../dist/core/schemas/index.js";
import { AJV_OPTIONS, exportName } from "../dist/core/validators.js";

const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: true } });
const exports = {};
for (const name of SCHEMA_NAMES) {
  ajv.addSchema(SCHEMAS[name].schema);
  exports[exportName(name)] = SCHEMAS[name].schema.$id;
}
// ajv's ESM output still calls require() for its small runtime helpers.
const prelude =
  'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n';
const code = standaloneCode.default(ajv, exports);
writeFileSync(new URL("../dist/core/generated-validators.js", import.meta.url), prelude + code);
