import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isRealDateTime } from "../../src/core/actions.js";
import type { Diagnostic } from "../../src/core/model.js";
import { checkAnswersFile } from "../../src/fs/answers-loader.js";
import { main } from "../../src/main.js";
import { messageIn } from "../../src/render/diagnostics.js";
import {
  captureIo,
  copyMiniAnswers,
  editFile,
  FIXTURES,
  positionIn,
  ROOT,
  tempDir,
} from "../helpers.js";

// prettier-ignore
const NOT_REAL = [
  "2026-02-30T09:00:00Z", "2026-11-31T09:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
  "2026-11-20T25:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T10:60:00Z", "2026-11-20T10:00:61Z",
  "2026-11-20T10:00:00+24:00", "2026-11-20T10:00+08:75",
];
// prettier-ignore
const REAL = [
  "2026-11-20T08:00:00Z", "2024-02-29T23:59:59.999Z", "2026-12-31T00:00+08:00", "2026-01-01T00:00:00-23:59",
];

describe("answeredAt must be a real date and time", () => {
  it.each(NOT_REAL)("%s is not", (at) => expect(isRealDateTime(at)).toBe(false));
  it.each(REAL)("%s is", (at) => expect(isRealDateTime(at)).toBe(true));

  it.each(NOT_REAL)("validate reports answeredAt %s where it is, in both languages", async (at) => {
    const { file, measuresDir, cwd } = copyMiniAnswers();
    editFile(file, "2026-11-20T08:01:00Z", at);
    const checked = await checkAnswersFile(file, { cwd, measuresDir });
    expect(checked.diagnostics).toEqual([
      expect.objectContaining({
        code: "answers/answered-at",
        severity: "error",
        ...positionIn(file, at),
      }),
    ]);
    const [d] = checked.diagnostics as [Diagnostic];
    expect(messageIn(d, "en")).toContain(`M01.Q2 has answeredAt ${at}, which is not a real date`);
    expect(messageIn(d, "zh")).toContain(
      `M01.Q2 的作答时间 answeredAt ${at} 不是实际存在的日期和时间`,
    );
  });

  it("leaves the file out of aggregate and refuses it in diff", async () => {
    const dir = path.join(tempDir(), "zones");
    cpSync(path.join(ROOT, "test", "fixtures", "province", "zones", "2026"), dir, {
      recursive: true,
    });
    const sets = path.join(FIXTURES, "report", "sets");
    const file = path.join(dir, "haiyan.yaml");
    editFile(file, "2026-05-28T08:06:00Z", "2026-02-30T08:06:00Z");
    const where = positionIn(file, "2026-02-30T08:06:00Z");
    const located = `haiyan.yaml:${where.line}:${where.column}`;
    const rolled = captureIo(dir);
    expect(await main(["aggregate", "--measures", sets, "--format", "json"], rolled)).toBe(1);
    expect(rolled.err()).toContain(`${located}  M01.Q2 has answeredAt 2026-02-30T08:06:00Z`);
    const diffed = captureIo(dir);
    const code = await main(["diff", "helan.yaml", "haiyan.yaml", "--measures", sets], diffed);
    expect(code).toBe(1);
    expect(diffed.err()).toContain(located);
  });
});
