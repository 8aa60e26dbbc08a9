// Writes schemas/*.schema.json from the schema modules in src/core/schemas (after a build).
// test/schemas.test.ts fails when the committed files drift from these modules.
import { writeFileSync } from "node:fs";
import { SCHEMAS } from "../dist/core/schemas/index.js";

for (const { file, schema } of Object.values(SCHEMAS)) {
  writeFileSync(
    new URL(`../schemas/${file}`, import.meta.url),
    `${JSON.stringify(schema, null, 2)}\n`,
  );
  console.log(`schemas/${file}`);
}
