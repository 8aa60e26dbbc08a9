import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/commands/validate.js";
import type { Lang } from "../../src/core/model.js";
import { captureIo, tempDir } from "../helpers.js";

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: {
      ruleId: string;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
    }[];
  }[];
}

async function run(paths: string[], format: "sarif" | "json" | "github" | "text", lang: Lang) {
  const dir = tempDir();
  mkdirSync(path.join(dir, "empty"));
  const io = captureIo(dir);
  const code = await validate({ paths, format, strict: false, lang }, io);
  return { code, out: io.out(), err: io.err() };
}

describe("netdz validate of a path that cannot be read", () => {
  it.each(["en", "zh"] as const)(
    "is a SARIF result with the text output's code (%s)",
    async (lang) => {
      const result = await run(["nonexist.yaml", "empty"], "sarif", lang);
      expect(result.code).toBe(2);
      const log = JSON.parse(result.out) as SarifLog;
      const run0 = log.runs[0];
      expect(run0?.results.map((r) => r.ruleId)).toEqual(["file/unreadable", "file/unreadable"]);
      expect(run0?.results.map((r) => r.level)).toEqual(["error", "error"]);
      expect(run0?.tool.driver.rules.map((r) => r.id)).toEqual(["file/unreadable"]);
      const uris = run0?.results.map((r) => r.locations[0]?.physicalLocation.artifactLocation.uri);
      expect(uris?.sort()).toEqual(["empty", "nonexist.yaml"]);
      // The same sentence as on stderr.
      for (const r of run0?.results ?? []) expect(result.err).toContain(r.message.text);
    },
  );

  it("is in the JSON list and a GitHub annotation too", async () => {
    const json = await run(["nonexist.yaml"], "json", "en");
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toEqual([
      expect.objectContaining({
        file: "nonexist.yaml",
        line: 1,
        column: 1,
        severity: "error",
        code: "file/unreadable",
      }),
    ]);
    const github = await run(["nonexist.yaml"], "github", "en");
    expect(github.code).toBe(2);
    expect(github.out).toMatch(/^::error file=nonexist\.yaml,line=1,col=1[^\n]*file\/unreadable/m);
  });

  it("stays one line on stderr in the text output, with exit 2", async () => {
    const text = await run(["nonexist.yaml"], "text", "en");
    expect(text.code).toBe(2);
    expect(text.err).toContain("cannot read nonexist.yaml");
  });
});
