import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SCHEMAS } from "../src/core/schemas/index.js";
import { compileValidators } from "../src/core/validators.js";
import { ROOT } from "./helpers.js";

describe("committed JSON Schemas", () => {
  it.each(Object.entries(SCHEMAS))(
    "schemas/%s matches the schema module (regenerate with npm run schemas:write)",
    async (_name, { file, schema }) => {
      await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(
        path.join(ROOT, "schemas", file),
      );
    },
  );

  it("holds no schema file that no module generates", () => {
    const generated = Object.values(SCHEMAS)
      .map((s) => s.file)
      .sort();
    expect(readdirSync(path.join(ROOT, "schemas")).sort()).toEqual(generated);
  });

  it("compiles every schema in ajv strict mode", async () => {
    const validators = await compileValidators();
    expect(Object.keys(validators).sort()).toEqual(Object.keys(SCHEMAS).sort());
  });
});

describe("bundled YAML files point editors at their schema", () => {
  const setDir = path.join(ROOT, "measures", "workplan-2025", "1.0.0");
  const files = readdirSync(setDir).filter((f) => f.endsWith(".yaml"));

  it.each(files)("%s starts with a yaml-language-server line naming an existing schema", (file) => {
    const firstLine = readFileSync(path.join(setDir, file), "utf8").split("\n")[0] ?? "";
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
    expect(match).not.toBeNull();
    const target = path.resolve(setDir, match?.[1] ?? "");
    const expected = file === "set.yaml" ? "measure-set.schema.json" : "measure.schema.json";
    expect(target).toBe(path.join(ROOT, "schemas", expected));
  });
});
