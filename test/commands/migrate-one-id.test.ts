import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseDocument } from "yaml";
import { migrate } from "../../src/commands/migrate.js";
import { MigrationConflict, migrateDocument } from "../../src/core/migrate.js";
import { checkAnswersFile } from "../../src/fs/answers-loader.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { migrateMessages } from "../../src/i18n/migrate-messages.js";
import { captureIo, editFile, FIXTURES, tempDir } from "../helpers.js";

// Migration never leaves two entries under one question id (one answer lost, the file invalid).

const MINI = path.join(FIXTURES, "versions", "mini");
const ENV = { SOURCE_DATE_EPOCH: "1764576000" };
const RETIRE_Q3 =
  "  - retire:\n      id: M02.Q3\n      reason:\n        en: financing channels are asked by another measure now\n        zh: 融资渠道改由其他举措考查\n";

/** The mini set 1.0.0 and 1.1.0 in a temp folder, 1.1.0 renaming M01.Q3 and M02.Q3 onto M02.Q4. */
function setsRenamingTwoOntoOne(): string {
  const sets = path.join(tempDir(), "sets");
  for (const version of ["1.0.0", "1.1.0"]) {
    cpSync(path.join(MINI, version), path.join(sets, "mini", version), { recursive: true });
  }
  editFile(
    path.join(sets, "mini", "1.1.0", "changes.yaml"),
    RETIRE_Q3,
    "  - rename: { from: M02.Q3, to: M02.Q4 }\n",
  );
  return sets;
}

const ANSWERS = [
  "format: netdz-answers/1",
  "measureSet: { id: mini, version: 1.0.0 }",
  "zone: { name: Z }",
  "answers:",
  "  M01.Q3: { value: full }",
  "  M02.Q3: { value: [ bonds ] }",
  "",
].join("\n");

describe("two answers onto one id", () => {
  it("migrate refuses a set whose changes.yaml renames two questions onto one id, and writes nothing", async () => {
    const sets = setsRenamingTwoOntoOne();
    const dir = tempDir();
    writeFileSync(path.join(dir, "a.yaml"), ANSWERS);
    const io = captureIo(dir, ENV);
    const error = await migrate(
      { answers: "a.yaml", out: "b.yaml", lang: "en", measures: sets },
      io,
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ exitCode: 1 });
    expect((error as { diagnostics: { code: string }[] }).diagnostics).toContainEqual(
      expect.objectContaining({
        code: "changes/duplicate",
        file: path.join(sets, "mini", "1.1.0", "changes.yaml"),
        line: 12,
        column: 33,
      }),
    );
    expect(readdirSync(dir)).toEqual(["a.yaml"]);
    expect(readFileSync(path.join(dir, "a.yaml"), "utf8")).toBe(ANSWERS);
  });

  it("migrateDocument refuses a step that would give two answers one id, before it edits anything", async () => {
    // The changes rules refuse such a set; here the step is made by hand, past them.
    const before = (await loadSetFolder(path.join(MINI, "1.0.0"), MINI)).set;
    const after = (await loadSetFolder(path.join(MINI, "1.1.0"), MINI)).set;
    if (!before || !after) throw new Error("fixture invalid");
    const changes = {
      format: "netdz-changes/1" as const,
      from: "1.0.0",
      changes: [
        { rename: { from: "M01.Q3", to: "M02.Q4" } },
        { rename: { from: "M02.Q3", to: "M02.Q4" } },
      ],
    };
    const doc = parseDocument(ANSWERS);
    const run = () =>
      migrateDocument(doc, [{ from: before, to: after, changes }], {
        date: "2026-01-01T00:00:00Z",
        words: migrateMessages("en").words,
      });
    expect(run).toThrow(MigrationConflict);
    expect(run).toThrow(
      expect.objectContaining({
        id: "M02.Q4",
        from: ["M01.Q3", "M02.Q3"],
        set: { id: "mini", version: "1.1.0" },
      }),
    );
    expect(doc.toString()).toBe(ANSWERS);
  });

  it("says so in both languages", () => {
    const args = ["a.yaml", "M02.Q4", ["M01.Q3", "M02.Q3"], "mini@1.1.0"] as const;
    expect(migrateMessages("en").conflict(...args)).toBe(
      "cannot migrate a.yaml: in mini@1.1.0, the answers to M01.Q3, M02.Q3 would all become the answer to M02.Q4, so one would be lost and the file would be invalid. The changes.yaml of mini@1.1.0 moves more than one question onto M02.Q4; `netdz validate` on that set shows where. Nothing was written",
    );
    expect(migrateMessages("zh").conflict(...args)).toBe(
      "无法迁移 a.yaml：在 mini@1.1.0 中，M01.Q3、M02.Q3 的答案都会成为 M02.Q4 的答案，其中一个会丢失，文件也将无效。mini@1.1.0 的 changes.yaml 把不止一个问题改到了 M02.Q4；对该评估清单运行 `netdz validate` 可查看位置。未写入任何文件",
    );
  });

  it("an empty entry under the id an answer is renamed onto gives way to it", async () => {
    const dir = tempDir();
    const text = [
      "format: netdz-answers/1",
      "measureSet: { id: mini, version: 1.0.0 }",
      "zone: { name: Z }",
      "answers:",
      "  M02.Q4:   # to answer later",
      "  M01.Q3: { value: full }",
      "",
    ].join("\n");
    writeFileSync(path.join(dir, "a.yaml"), text);
    const io = captureIo(dir, ENV);
    const sets = path.join(FIXTURES, "versions");
    const code = await migrate(
      { answers: "a.yaml", out: "b.yaml", to: "1.1.0", lang: "en", measures: sets },
      io,
    );
    expect(code).toBe(0);
    const written = readFileSync(path.join(dir, "b.yaml"), "utf8");
    expect(written.match(/M02\.Q4:/g)).toHaveLength(1);
    expect(written).toContain("# to answer later");
    expect((parse(written) as { answers: unknown }).answers).toEqual({
      "M02.Q4": { value: "full" },
    });
    const checked = await checkAnswersFile(path.join(dir, "b.yaml"), {
      cwd: dir,
      measuresDir: sets,
    });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
