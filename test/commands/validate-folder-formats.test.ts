import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnswersChecker } from "../../src/commands/aggregate-check.js";
import { collectFiles } from "../../src/commands/aggregate-files.js";
import { validate } from "../../src/commands/validate.js";
import { mayDeclareFormat } from "../../src/core/file-format.js";
import { workspace } from "../../src/fs/workspace.js";
import { aggregateMessages } from "../../src/i18n/aggregate-messages.js";
import { captureIo, copyMiniSet } from "../helpers.js";

/** The rest of an answers file for the mini set, with one invalid status (an error at M01.Q1). */
const REST =
  "measureSet: { id: mini, version: 1.0.0 }\nzone: { name: Z, region: eastern, hub: false }\nanswers:\n  M01.Q1: { status: bogus }\n";
const PIN =
  '"measureSet": {"id": "mini", "version": "1.0.0"}, "zone": {"name": "Z", "region": "eastern", "hub": false}';
const JSON_ANSWERS = '"answers": {"M01.Q1": {"status": "bogus"}}';

/** Every way YAML lets a file declare `format: netdz-answers/1`, each an invalid answers file. */
const SHAPES: Record<string, string> = {
  "json.yaml": `{"format": "netdz-answers/1", ${PIN}, ${JSON_ANSWERS}}\n`,
  "json-bom.yaml": `\uFEFF{"format": "netdz-answers/1", ${PIN}, ${JSON_ANSWERS}}\n`,
  "json-lines.yaml": `{\n  ${PIN},\n  ${JSON_ANSWERS},\n  "format": "netdz-answers/1"\n}\n`,
  "flow.yaml": `{format: netdz-answers/1, measureSet: {id: mini, version: 1.0.0}, zone: {name: Z, region: eastern, hub: false}, answers: {M01.Q1: {status: bogus}}}\n`,
  "double-quoted-key.yaml": `"format": netdz-answers/1\n${REST}`,
  "single-quoted-key.yaml": `'format': 'netdz-answers/1'\n${REST}`,
  "tagged.yaml": `format: !!str netdz-answers/1\n${REST}`,
  "verbatim-tag.yaml": `format: !<tag:yaml.org,2002:str> netdz-answers/1\n${REST}`,
  "anchored.yaml": `format: &f netdz-answers/1\n${REST}`,
  "alias.yaml": `x-format: &f netdz-answers/1\nformat: *f\n${REST}`,
  "next-line.yaml": `format:\n  netdz-answers/1\n${REST}`,
  "explicit-key.yaml": `? format\n: netdz-answers/1\n${REST}`,
  "block-scalar.yaml": `format: |-\n  netdz-answers/1\n${REST}`,
  "escaped.yaml": `format: "netdz\\x2danswers/1"\n${REST}`,
  "escaped-letters.yaml": `"\\x66ormat": "\\x6eetdz-answers/1"\n${REST}`,
  "document-start.yaml": `%YAML 1.2\n---\nformat: netdz-answers/1\n${REST}`,
  "at-the-end.yaml": `${REST}format: netdz-answers/1\n`,
  "after-comments.yaml": `${"# a comment line of some length, repeated many times over\n".repeat(5000)}format: netdz-answers/1\n${REST}`,
  "upper-case.YAML": `format: netdz-answers/1\n${REST}`,
  "deep/a/b/c/d/e/nested.yml": `format: netdz-answers/1\n${REST}`,
};

/** YAML files that are not answers files: both searches pass over them. */
const OTHERS: Record<string, string> = {
  "ci.yaml": "on: push\njobs: { test: { runs-on: ubuntu-latest } }\n",
  "in-a-note.yaml": "notes: |\n  format: netdz-answers/1\n",
  "other-format.yaml": "format: netdz-answers/2\n",
  "nested-key.yaml": "meta:\n  format: netdz-answers/1\n",
  "backslash.yaml": 'path: "C:\\\\temp"\n',
};

function writeAll(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

describe("netdz validate FOLDER finds every answers file netdz aggregate finds", () => {
  it("checks an answers file whatever YAML shape declares its format", async () => {
    const { root: sets } = copyMiniSet();
    const cwd = path.dirname(sets);
    const zones = path.join(cwd, "zones");
    writeAll(zones, SHAPES);
    writeAll(zones, OTHERS);

    const io = captureIo(cwd);
    const code = await validate(
      { paths: ["zones"], format: "json", strict: false, measures: "sets", lang: "en" },
      io,
    );
    const problems = JSON.parse(io.out()) as { file: string; code: string; line: number }[];
    const flagged = new Set(
      problems.filter((p) => p.code === "schema/enum").map((p) => p.file.replaceAll("\\", "/")),
    );
    expect([...flagged].sort()).toEqual(
      Object.keys(SHAPES)
        .map((n) => `zones/${n}`)
        .sort(),
    );
    expect(code).toBe(1);

    // aggregate's folder search, file by file: exactly the same answers files.
    const m = aggregateMessages("en");
    const found = collectFiles(["zones"], cwd, m);
    const ws = workspace({ cwd, measuresDir: "sets", lang: "en" });
    const checker = new AnswersChecker(ws, found.named, "en");
    const aggregated: string[] = [];
    for (const file of found.files) {
      if ((await checker.check(file)).answersFile) aggregated.push(file.replaceAll("\\", "/"));
    }
    expect(aggregated.sort()).toEqual([...flagged].sort());
  });

  it("counts a folder holding only such a file as checked, not as empty", async () => {
    const { root: sets } = copyMiniSet();
    const cwd = path.dirname(sets);
    writeAll(path.join(cwd, "ci"), { "a.yaml": SHAPES["json.yaml"] as string });
    const io = captureIo(cwd);
    const code = await validate(
      { paths: ["ci"], format: "text", strict: false, measures: "sets", lang: "zh" },
      io,
    );
    expect(io.out()).toContain("ci/a.yaml:1:");
    expect(io.out()).toContain("schema/enum");
    expect(code).toBe(1);
  });
});

describe("the format detector of a folder search", () => {
  it("passes over text that cannot declare a netdz format without parsing it", () => {
    expect(mayDeclareFormat("on: push\njobs: {}\n")).toBe(false);
    expect(mayDeclareFormat('format: "\\x6eetdz-answers/1"')).toBe(true);
    expect(mayDeclareFormat("{format: netdz-answers/1}")).toBe(true);
  });

  it("lists a file too large to read, as aggregate does, instead of passing over it", async () => {
    const { root: sets } = copyMiniSet();
    const cwd = path.dirname(sets);
    // Past the 10 MB limit, with its format line far past the head that is read to sort it.
    writeAll(path.join(cwd, "big"), {
      "huge.yaml": `${"# padding\n".repeat(1_100_000)}format: netdz-answers/1\n${REST}`,
      "ok.yaml": "on: push\n",
    });
    const io = captureIo(cwd);
    const code = await validate(
      { paths: ["big"], format: "json", strict: false, measures: "sets", lang: "en" },
      io,
    );
    const problems = JSON.parse(io.out()) as { file: string; code: string }[];
    expect(problems.map((p) => [p.file.replaceAll("\\", "/"), p.code])).toEqual([
      ["big/huge.yaml", "file/too-large"],
    ]);
    expect(code).toBe(1);
    const found = collectFiles(["big"], cwd, aggregateMessages("en"));
    const ws = workspace({ cwd, measuresDir: "sets", lang: "en" });
    const checker = new AnswersChecker(ws, found.named, "en");
    const listed = [];
    for (const file of found.files) if ((await checker.check(file)).answersFile) listed.push(file);
    expect(listed.map((f) => f.replaceAll("\\", "/"))).toEqual(["big/huge.yaml"]);
  });
});
