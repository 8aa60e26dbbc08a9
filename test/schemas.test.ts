import { copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isMap, parseDocument, visit } from "yaml";
import { SCHEMAS } from "../src/core/schemas/index.js";
import { compileValidators } from "../src/core/validators.js";
import { checkAnswersFile } from "../src/fs/answers-loader.js";
import { loadSetFolder } from "../src/fs/set-loader.js";
import { readChangeEntries } from "../src/core/changes-rules.js";
import { mapProfileValue } from "../src/core/profile-spelling.js";
import { provinceSpellings } from "../src/core/zone-key.js";
import { messageIn } from "../src/render/diagnostics.js";
import { copyMiniSet, FIXTURES, ROOT, tempDir } from "./helpers.js";

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

/** Every object schema in a schema, with its JSON pointer (`#/properties/source`). */
function objectSchemas(schema: unknown, pointer = "#"): { pointer: string; node: object }[] {
  if (schema === null || typeof schema !== "object") return [];
  if (Array.isArray(schema))
    return schema.flatMap((item, i) => objectSchemas(item, `${pointer}/${i}`));
  const node = schema as Record<string, unknown>;
  const types = Array.isArray(node.type) ? node.type : [node.type];
  const own = types.includes("object") ? [{ pointer, node }] : [];
  // Property names (`properties`, `patternProperties`) hold schemas, not values.
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, child]) => objectSchemas(child, `${pointer}/${key}`)),
  ];
}

// The hand-written formats; the report is written by netdz, not by hand.
const INPUT_SCHEMAS = ["measure-set", "measure", "answers", "changes"] as const;

describe("x- extension keys", () => {
  it.each(INPUT_SCHEMAS)("every object in the %s schema allows x- keys", (name) => {
    const objects = objectSchemas(SCHEMAS[name].schema);
    expect(objects.length).toBeGreaterThan(3);
    const lacking = objects
      .filter(({ node }) => {
        const patterns = (node as { patternProperties?: Record<string, unknown> })
          .patternProperties;
        return patterns?.["^x-"] !== true;
      })
      .map((o) => o.pointer);
    expect(lacking).toEqual([]);
  });

  it("finds the objects nested in lists, conditionals and maps", () => {
    const pointers = objectSchemas(SCHEMAS.measure.schema).map((o) => o.pointer);
    expect(pointers).toContain("#/properties/questions/items/properties/options/items");
    expect(pointers).toContain("#/properties/questions/items/properties/text");
  });
});

/** Adds `x-test: { any: [value] }` (and, with a typo key, `wrong`) to every mapping of a YAML file. */
function addToEveryMapping(file: string, key: string): number {
  const doc = parseDocument(readFileSync(file, "utf8"));
  let count = 0;
  visit(doc, {
    Map(_key, map) {
      if (!isMap(map)) return;
      map.set(key, { any: ["value"] });
      count++;
    },
  });
  writeFileSync(file, doc.toString());
  return count;
}

describe("x- keys in real files", () => {
  it("are accepted in every mapping of every file of a measure set", async () => {
    const { setDir } = copyMiniSet();
    for (const name of readdirSync(setDir)) {
      expect(addToEveryMapping(path.join(setDir, name), "x-test")).toBeGreaterThan(5);
    }
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.set?.measures).toHaveLength(2);
  });

  it("are accepted in every mapping of an answers file, and are not read as answers", async () => {
    const { root } = copyMiniSet();
    const file = path.join(path.dirname(root), "answers.yaml");
    copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), file);
    expect(addToEveryMapping(file, "x-test")).toBeGreaterThan(5);
    const checked = await checkAnswersFile(file, { cwd: path.dirname(root), measuresDir: root });
    expect(checked.diagnostics).toEqual([]);
    expect(Object.keys(checked.answers?.answers ?? {})).not.toContain("x-test");
    expect(Object.keys(checked.answers?.zone ?? {})).not.toContain("x-test");
  });

  it("other unknown keys are still refused, each named", async () => {
    const { setDir } = copyMiniSet();
    const added = addToEveryMapping(path.join(setDir, "set.yaml"), "extra");
    const loaded = await loadSetFolder(setDir, setDir);
    const unknown = loaded.diagnostics.filter((d) => d.code === "schema/unknown-property");
    expect(unknown).toHaveLength(added);
    for (const d of unknown) expect(d.message).toMatch(/^unknown field "extra" in /);
  });
});

/** A copy of the versions fixture (mini 1.0.0, 1.1.0 with changes.yaml, 1.2.0). */
function copyVersions(): string {
  const root = path.join(tempDir(), "sets");
  cpSync(path.join(FIXTURES, "versions", "mini"), path.join(root, "mini"), { recursive: true });
  return path.join(root, "mini");
}

describe("x- keys in changes.yaml", () => {
  it("are accepted in every mapping (entries, rename, rescale, retire, profile, map) and ignored", async () => {
    const plain = await loadSetFolder(path.join(copyVersions(), "1.1.0"), ROOT);
    expect(plain.diagnostics).toEqual([]);
    const dir = path.join(copyVersions(), "1.1.0");
    // Every change entry, every rename/rescale/retire/profile mapping, the texts and the map.
    expect(addToEveryMapping(path.join(dir, "changes.yaml"), "x-test")).toBeGreaterThan(10);
    const loaded = await loadSetFolder(dir, ROOT);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.set).toBeDefined();
    // Read as the same entries: an x- key is neither a change nor an old profile value.
    expect(readChangeEntries(loaded.changes)).toEqual(readChangeEntries(plain.changes));
    expect(Object.keys(provinceSpellings([loaded.changes]))).not.toContain("x-test");
  });

  it("an x- key in a profile map is never an old value", () => {
    expect(mapProfileValue({ "x-note": "js", Jiangsu: "js" }, "x-note")).toBeUndefined();
    expect(mapProfileValue({ "x-note": "js", Jiangsu: "js" }, "jiangsu")).toBe("js");
  });

  it.each([
    [
      "no change beside an x- key",
      "  - x-entry: 1\n",
      "entry 1 of changes names no change: give it exactly one of rename, reword, rescale, retire or profile (x- keys beside it are your own notes)",
      "第 1 条变更没有指明任何变更",
    ],
    [
      "two changes",
      "  - { reword: M01.Q1, x-entry: 1, retire: { id: M02.Q3, reason: { en: gone, zh: 删除 } } }\n",
      "entry 1 of changes names 2 changes (reword, retire): give each change an entry of its own",
      "第 1 条变更同时指明了 2 项变更（reword、retire）",
    ],
  ])(
    "an entry with %s is one problem that says so, in both languages",
    async (_n, entry, en, zh) => {
      const dir = path.join(copyVersions(), "1.1.0");
      const file = path.join(dir, "changes.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("changes:\n", `changes:\n${entry}`));
      const loaded = await loadSetFolder(dir, ROOT);
      const problems = loaded.diagnostics.filter((d) => d.file.endsWith("changes.yaml"));
      expect(problems.map((d) => [d.code, messageIn(d, "en")])).toEqual([
        ["changes/entry-kinds", en],
      ]);
      expect(messageIn(problems[0] as never, "zh")).toContain(zh);
    },
  );

  it("an unknown key in an entry is named once, with no count of entries beside it", async () => {
    const dir = path.join(copyVersions(), "1.1.0");
    const file = path.join(dir, "changes.yaml");
    writeFileSync(
      file,
      readFileSync(file, "utf8").replace(
        "  - reword: M01.Q1\n",
        "  - { reword: M01.Q1, wrod: 1 }\n",
      ),
    );
    const loaded = await loadSetFolder(dir, ROOT);
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(["schema/unknown-property"]);
    expect(loaded.diagnostics[0]?.message).toMatch(/^unknown field "wrod"/);
  });
});

describe("x- keys in set.yaml derive.map", () => {
  it("are accepted and not read as options of the field derived from", async () => {
    const root = path.join(tempDir(), "measures");
    cpSync(path.join(ROOT, "measures"), root, { recursive: true });
    const dir = path.join(root, "workplan-2025", "1.1.0");
    const file = path.join(dir, "set.yaml");
    const text = readFileSync(file, "utf8");
    const edited = text.replace(/(\n(\s+)map:\n)/, "$1$2  x-map: 1\n");
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const loaded = await loadSetFolder(dir, ROOT);
    expect(loaded.diagnostics).toEqual([]);
    const region = loaded.set?.profile.find((f) => f.derive !== undefined);
    expect(region?.derive?.map).toHaveProperty("x-map");
  });
});

describe("the bundled example answers file points editors at its schema", () => {
  it("starts with a yaml-language-server line naming the answers schema", () => {
    const file = path.join(ROOT, "examples", "answers", "example-province-answers.yaml");
    const firstLine = readFileSync(file, "utf8").split("\n")[0] ?? "";
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
    expect(path.resolve(path.dirname(file), match?.[1] ?? "")).toBe(
      path.join(ROOT, "schemas", "answers.schema.json"),
    );
  });
});
