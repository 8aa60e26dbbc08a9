import { link, lstat, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { AnswersStore, newAnswersText, schemaComment } from "../../src/fs/answers-store.js";
import { writeFileAtomic } from "../../src/fs/atomic-write.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "netdz-store-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const measureSet = { id: "workplan-2025", version: "1.0.0" };

/** A pid that is certainly not running: a child that has already exited. */

describe("newAnswersText", () => {
  it("starts with the schema line, then format, measureSet, zone, assessor, answers", () => {
    const file = path.join(dir, "a.yaml");
    const text = newAnswersText(file, {
      measureSet,
      zone: { name: "Suzhou", westernHubArea: false },
      assessor: { name: "Li" },
    });
    // A temporary folder is outside this checkout: the header says how to get the schema.
    const header = schemaComment(file).split("\n");
    expect(header).toHaveLength(4);
    expect(header[1]).toBe("#   netdz schema answers > netdz-answers.schema.json");
    const lines = text.split("\n").slice(header.length - 1);
    expect(text.startsWith(`${header.join("\n")}\n`)).toBe(true);
    expect(lines[1]).toBe("format: netdz-answers/1");
    expect(lines[2]).toBe("measureSet: { id: workplan-2025, version: 1.0.0 }");
    const data = parseDocument(text).toJS() as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(["format", "measureSet", "zone", "assessor", "answers"]);
    expect(data).toMatchObject({
      zone: { name: "Suzhou", westernHubArea: false },
      assessor: { name: "Li" },
      answers: {},
    });
  });

  it("leaves out an empty assessor", () => {
    const text = newAnswersText(path.join(dir, "a.yaml"), { measureSet, assessor: {} });
    expect(text).not.toContain("assessor");
  });
});

describe("AnswersStore", () => {
  it("creates the file and writes each answer at once, in question order", async () => {
    const file = path.join(dir, "sub", "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    await store.setAnswer("M01.Q10", { status: "planned", answeredAt: "2026-01-01T00:00:00Z" });
    await store.setAnswer("M01.Q2", {
      status: "implemented",
      evidence: ["https://a.cn/p"],
      answeredAt: "2026-01-01T00:00:00Z",
    });
    const text = await readFile(file, "utf8");
    expect(text).toContain(
      "  M01.Q2: { status: implemented, evidence: [ https://a.cn/p ], answeredAt: 2026-01-01T00:00:00Z }",
    );
    expect(text.indexOf("M01.Q2")).toBeLessThan(text.indexOf("M01.Q10"));
    expect(store.data.answers["M01.Q10"]).toEqual({
      status: "planned",
      answeredAt: "2026-01-01T00:00:00Z",
    });
  });

  it("writes answer keys in contract order and a block map when the line would be long", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    await store.setAnswer("M02.Q1", {
      answeredAt: "2026-01-01T00:00:00Z",
      note: "The zone has no land left for this; the province handles it instead of the zone.",
      status: "not_applicable",
    });
    const text = await readFile(file, "utf8");
    expect(text).toMatch(/\n {2}M02\.Q1:\n {4}status: not_applicable\n {4}note: The zone/);
    expect(text.indexOf("note:")).toBeLessThan(text.indexOf("answeredAt:"));
    const reread = await AnswersStore.open(file);
    expect(reread.data.answers["M02.Q1"]?.note).toBe(
      "The zone has no land left for this; the province handles it instead of the zone.",
    );
  });

  it("keeps comments and key order of a hand-edited file", async () => {
    const file = path.join(dir, "a.yaml");
    await writeFile(
      file,
      [
        "# my notes about this zone",
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone:",
        "  region: eastern # checked with the province",
        "  name: Suzhou",
        "answers:",
        "  # first measure",
        "  M01.Q3: { status: planned } # ask again in May",
        "  M01.Q1: { status: unknown }",
        "",
      ].join("\n"),
    );
    const store = await AnswersStore.open(file);
    await store.setAnswer("M01.Q1", { status: "implemented", answeredAt: "2026-01-01T00:00:00Z" });
    await store.setAnswer("M01.Q2", { value: 3, answeredAt: "2026-01-01T00:00:00Z" });
    await store.setZone("province", "Jiangsu");
    const text = await readFile(file, "utf8");
    expect(text).toBe(
      [
        "# my notes about this zone",
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone:",
        "  region: eastern # checked with the province",
        "  name: Suzhou",
        "  province: Jiangsu",
        "answers:",
        "  # first measure",
        "  M01.Q3: { status: planned } # ask again in May",
        "  M01.Q1: { status: implemented, answeredAt: 2026-01-01T00:00:00Z }",
        "  M01.Q2: { value: 3, answeredAt: 2026-01-01T00:00:00Z }",
        "",
      ].join("\n"),
    );
  });

  it("fills null zone and answers blocks, keeping their comment hints above the entries", async () => {
    const file = path.join(dir, "a.yaml");
    await writeFile(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone:",
        "  # name:     Name of the zone",
        "answers:",
        "  # M01.Q1: { status: }",
        "  #   Does the zone ...?",
        "",
      ].join("\n"),
    );
    const store = await AnswersStore.open(file);
    expect(store.data.answers).toEqual({});
    expect(store.data.zone).toEqual({});
    await store.setZone("name", "Suzhou");
    await store.setAnswer("M01.Q1", { status: "planned" });
    expect(await readFile(file, "utf8")).toBe(
      [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone:",
        "  # name:     Name of the zone",
        "  name: Suzhou",
        "answers:",
        "  #   Does the zone ...?",
        "  M01.Q1: { status: planned }",
        "",
      ].join("\n"),
    );
  });

  it("puts an answer in place of the placeholder `netdz init` wrote for its question", async () => {
    const file = path.join(dir, "a.yaml");
    await writeFile(
      file,
      [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone:",
        "answers:",
        "  # How to answer",
        "  #",
        "  # M01.Q1: { status: }",
        "  #   First?",
        "  #",
        "  # M01.Q2: { value: }",
        "  #   Second?",
        "  #",
        "  # M01.Q3: { value: }",
        "  #   Third?",
        "",
      ].join("\n"),
    );
    const store = await AnswersStore.open(file);
    await store.setAnswer("M01.Q2", { value: 2 });
    await store.setAnswer("M01.Q1", { status: "planned" });
    await store.setAnswer("M01.Q3", { value: 3 });
    await store.setAnswer("M01.Q9", { value: 9 });
    expect(await readFile(file, "utf8")).toBe(
      [
        "format: netdz-answers/1",
        "measureSet: { id: workplan-2025, version: 1.0.0 }",
        "zone:",
        "answers:",
        "  # How to answer",
        "  #",
        "  #   First?",
        "  M01.Q1: { status: planned }",
        "  #",
        "  #   Second?",
        "  M01.Q2: { value: 2 }",
        "  #",
        "  #   Third?",
        "  M01.Q3: { value: 3 }",
        "  M01.Q9: { value: 9 }",
        "",
      ].join("\n"),
    );
    expect(Object.keys(store.data.answers)).toEqual(["M01.Q1", "M01.Q2", "M01.Q3", "M01.Q9"]);
  });

  it("replaces an answer (as given: the mark goes when the new entry has none) and removes one", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    await store.setAnswer("M01.Q1", { status: "planned", review: true });
    expect(await readFile(file, "utf8")).toContain("M01.Q1: { status: planned, review: true }");
    await store.setAnswer("M01.Q1", { status: "implemented" });
    expect(store.data.answers["M01.Q1"]).toEqual({ status: "implemented" });
    await store.setAnswer("M01.Q1", undefined);
    expect(store.data.answers).toEqual({});
  });

  it("stores zone values with their types and quotes strings that look like other types", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    await store.setZone("name", "123");
    await store.setZone("westernHubArea", true);
    const reread = await AnswersStore.open(file);
    expect(reread.data.zone).toEqual({ name: "123", westernHubArea: true });
  });

  it("adds the assessor before the answers and ignores an empty one", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    await store.setAssessor("name", "  ");
    expect(await readFile(file, "utf8")).not.toContain("assessor");
    await store.setAssessor("name", "Wang Fang");
    await store.setAssessor("role", "Director");
    const keys = Object.keys(parseDocument(await readFile(file, "utf8")).toJS() as object);
    expect(keys).toEqual(["format", "measureSet", "zone", "assessor", "answers"]);
    expect(store.data.assessor).toEqual({ name: "Wang Fang", role: "Director" });
  });

  it("leaves no temp file behind", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    for (let i = 1; i <= 5; i++) await store.setAnswer(`M01.Q${i}`, { status: "planned" });
    expect(await readdir(dir)).toEqual(["a.yaml"]);
  });
});

describe("writeFileAtomic", () => {
  it("replaces the content and keeps the file mode", async () => {
    const file = path.join(dir, "a.yaml");
    await writeFile(file, "old", { mode: 0o600 });
    await writeFileAtomic(file, "new");
    expect(await readFile(file, "utf8")).toBe("new");
    const { stat } = await import("node:fs/promises");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("never leaves a partial file: on failure the old content stays and the temp file goes", async () => {
    const file = path.join(dir, "a.yaml");
    await writeFile(file, "old");
    // Renaming onto a folder fails after the temp file was written.
    const folder = path.join(dir, "folder.yaml");
    const { mkdir } = await import("node:fs/promises");
    await mkdir(path.join(folder, "inside"), { recursive: true });
    await expect(writeFileAtomic(folder, "new")).rejects.toThrow();
    expect(await readFile(file, "utf8")).toBe("old");
    expect((await readdir(dir)).sort()).toEqual(["a.yaml", "folder.yaml"]);
  });
});

describe("edits made to the file outside the session", () => {
  it("are kept: the next answer is written on top of what is on disk", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    await store.setAnswer("M01.Q1", { status: "implemented" });
    const edited = (await readFile(file, "utf8")).replace(
      "M01.Q1: { status: implemented }",
      "M01.Q1: { status: implemented, note: added in an editor } # checked by hand",
    );
    await writeFile(file, edited);
    await store.setAnswer("M01.Q2", { status: "planned" });
    const text = await readFile(file, "utf8");
    expect(text).toContain("note: added in an editor");
    expect(text).toContain("# checked by hand");
    expect(store.data.answers).toEqual({
      "M01.Q1": { status: "implemented", note: "added in an editor" },
      "M01.Q2": { status: "planned" },
    });
  });

  it("that break the YAML leave the file untouched and say why", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    const broken = "format: netdz-answers/1\nanswers: {\n";
    await writeFile(file, broken);
    await expect(store.setAnswer("M01.Q1", { status: "planned" })).rejects.toThrow(
      /changed outside this session and no longer reads as YAML/,
    );
    expect(await readFile(file, "utf8")).toBe(broken);
  });

  it("say where the YAML broke without a dangling colon (QA 3 #8)", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, { measureSet });
    await writeFile(file, "format: netdz-answers/1\nanswers:\n  M01.Q1: status: planned\n");
    const error = await store.setAnswer("M01.Q1", { status: "planned" }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/at line 3, column \d+\)$/);
  });
});

describe("an answers file reached through a symbolic link", () => {
  it("is written where the link points, and the link stays a link", async () => {
    const real = path.join(dir, "real", "a.yaml");
    const link = path.join(dir, "link.yaml");
    const store = await AnswersStore.create(real, { measureSet });
    await symlink(real, link);
    const viaLink = await AnswersStore.open(link);
    await viaLink.setAnswer("M01.Q1", { status: "planned" });
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, "utf8")).toContain("M01.Q1: { status: planned }");
    expect(store.file).toBe(real);
  });
});

describe("AnswersStore: a value set to what it already is is not written", () => {
  it("zone fields, assessor fields and answers: the file is not replaced", async () => {
    const file = path.join(dir, "a.yaml");
    const store = await AnswersStore.create(file, {
      measureSet,
      zone: { name: "Suzhou", westernHubArea: false },
      assessor: { name: "Li", role: "Planning office" },
    });
    await store.setAnswer("M01.Q1", { status: "planned", answeredAt: "2026-01-01T00:00:00Z" });
    // A write replaces the file by a rename: a new inode (a hard link keeps the old one in use).
    await link(file, path.join(dir, "held.yaml"));
    const before = (await lstat(file)).ino;
    await store.setZone("name", "Suzhou");
    await store.setZone("westernHubArea", false);
    await store.setAssessor("name", "Li");
    await store.setAssessor("role", " Planning office ");
    await store.setAnswer("M01.Q1", { status: "planned", answeredAt: "2026-01-01T00:00:00Z" });
    expect((await lstat(file)).ino).toBe(before);
    await store.setZone("name", "Wuxi");
    expect((await lstat(file)).ino).not.toBe(before);
  });
});
