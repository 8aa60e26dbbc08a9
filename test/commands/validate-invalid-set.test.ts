import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validate } from "../../src/commands/validate.js";
import type { DiagnosticFormat } from "../../src/render/diagnostics.js";
import { captureIo, copyMiniSet, editFile } from "../helpers.js";

/** Problems of its own that need no set: a schema error, a blank owner, a day that does not exist. */
const ANSWERS = `format: netdz-answers/1
measureSet: { id: mini, version: 1.0.0 }
zone: { name: Z, region: eastern, hub: false }
answers:
  M01.Q1: { status: bogus }
  M01.Q3: { status: planned, owner: "   ", due: 2026-02-30 }
  M99.Q1: { status: implemented }
`;

/** The mini set with one error in a measure file, and beside it an answers file pinned to it. */
function invalidSetAndAnswers(): string {
  const { root, setDir } = copyMiniSet();
  editFile(path.join(setDir, "m01-first.yaml"), "number: 1", "number: one");
  const cwd = path.dirname(root);
  writeFileSync(path.join(cwd, "answers.yaml"), ANSWERS);
  return cwd;
}

async function run(cwd: string, paths: string[], format: DiagnosticFormat, lang: "en" | "zh") {
  const io = captureIo(cwd);
  const code = await validate({ paths, format, strict: false, measures: "sets", lang }, io);
  return { code, out: io.out(), err: io.err() };
}

const OWN = ["schema/enum", "answers/owner-blank", "answers/due-date", "answers/invalid-set"];

describe("netdz validate of an answers file pinned to an invalid set given in the same run", () => {
  it.each([[["sets/mini/1.0.0", "answers.yaml"]], [["answers.yaml"]]])(
    "reports the file's own problems and that it was not checked against the set: %j",
    async (paths) => {
      const cwd = invalidSetAndAnswers();
      const { code, out } = await run(cwd, paths, "json", "en");
      const problems = JSON.parse(out) as { file: string; code: string; message: string }[];
      const own = problems.filter((p) => p.file === "answers.yaml").map((p) => p.code);
      expect(own.sort()).toEqual([...OWN].sort());
      // The set's own error is there too; a question unknown to the set is not looked for.
      expect(problems.some((p) => p.file.endsWith("m01-first.yaml"))).toBe(true);
      expect(own).not.toContain("answers/unknown-question");
      const notChecked = problems.find((p) => p.code === "answers/invalid-set");
      expect(notChecked?.message).toMatch(
        /^not checked against mini@1\.0\.0: that set has 1 error \(the first at sets[\\/]mini[\\/]1\.0\.0[\\/]m01-first\.yaml:\d+:\d+\); only the checks that need no set were made$/,
      );
      expect(code).toBe(1);
    },
  );

  it("says so in the text summary, in en and zh, and in every output format", async () => {
    const cwd = invalidSetAndAnswers();
    const paths = ["sets/mini/1.0.0", "answers.yaml"];
    const en = await run(cwd, paths, "text", "en");
    expect(en.out).toMatch(
      /^answers\.yaml:2:13 {2}error {2}answers\/invalid-set {2}not checked against mini@1\.0\.0/m,
    );
    expect(en.err).toContain("1 answers file (1 not checked against its set, which is invalid): ");
    expect(en.code).toBe(1);
    const zh = await run(cwd, paths, "text", "zh");
    expect(zh.out).toContain("未对照 mini@1.0.0 检查：该评估清单有 1 个错误（第一个在 ");
    expect(zh.err).toContain("1 个答卷文件（其中 1 个因所对应的评估清单无效而未对照清单检查）");
    const github = await run(cwd, paths, "github", "en");
    expect(github.out).toMatch(
      /^::error file=answers\.yaml,line=2,col=13::answers\/invalid-set not checked against/m,
    );
    for (const code of OWN) expect(github.out).toContain(code);
    const sarif = await run(cwd, paths, "sarif", "en");
    const results =
      (
        JSON.parse(sarif.out) as {
          runs: {
            results: {
              ruleId: string;
              locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
            }[];
          }[];
        }
      ).runs[0]?.results ?? [];
    const inAnswers = results
      .filter((r) => r.locations[0]?.physicalLocation.artifactLocation.uri === "answers.yaml")
      .map((r) => r.ruleId);
    expect(inAnswers.sort()).toEqual([...OWN].sort());
    expect(sarif.code).toBe(1);
  });
});
