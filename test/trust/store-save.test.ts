import { readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnswersStore } from "../../src/fs/answers-store.js";
import { tempDir } from "../helpers.js";

const LINES = [
  "format: netdz-answers/1",
  "measureSet: { id: mini, version: 1.0.0 }",
  "zone: { name: Z, region: eastern, hub: false }",
  "answers:",
  "  M01.Q1: { status: in_progress, answeredAt: 2026-01-01T00:00:00Z }",
  "  M01.Q2: { value: 7 }",
  "",
];

describe("saving one answer", () => {
  it("keeps CRLF line endings", async () => {
    const file = path.join(tempDir(), "a.yaml");
    writeFileSync(file, LINES.join("\r\n"));
    const store = await AnswersStore.open(file);
    await store.setAnswer("M01.Q2", { value: 8, answeredAt: "2026-02-02T00:00:00Z" });
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/value: 8/);
    expect(text.split("\r\n").length).toBeGreaterThan(5);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/\n/);
    await store.setAnswer("M01.Q1", { status: "planned", answeredAt: "2026-02-02T00:00:00Z" });
    expect(readFileSync(file, "utf8").replace(/\r\n/g, "")).not.toMatch(/\n/);
  });

  it("keeps LF line endings", async () => {
    const file = path.join(tempDir(), "a.yaml");
    writeFileSync(file, LINES.join("\n"));
    const store = await AnswersStore.open(file);
    await store.setAnswer("M01.Q2", { value: 8 });
    expect(readFileSync(file, "utf8")).not.toMatch(/\r/);
  });

  it("an answer confirmed unchanged is not written (time and layout stay)", async () => {
    const file = path.join(tempDir(), "a.yaml");
    const text = LINES.join("\n");
    writeFileSync(file, text);
    const old = new Date("2020-01-01T00:00:00Z");
    utimesSync(file, old, old);
    const store = await AnswersStore.open(file);
    await store.setAnswer("M01.Q1", { status: "in_progress", answeredAt: "2026-01-01T00:00:00Z" });
    expect(readFileSync(file, "utf8")).toBe(text);
    expect(statSync(file).mtimeMs).toBe(old.getTime());
  });
});
