import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { migrate } from "../../src/commands/migrate.js";
import { withDerivedProfile } from "../../src/core/applicability.js";
import { STATUSES, type MeasureSet, type Question, type Zone } from "../../src/core/model.js";
import { processStart } from "../../src/fs/answers-lock.js";
import { checkAnswersFile } from "../../src/fs/answers-loader.js";
import { resolveMeasureSet } from "../../src/fs/workspace.js";
import { captureIo, FIXTURES, tempDir } from "../helpers.js";

const SETS = path.join(FIXTURES, "versions");
const ENV = { SOURCE_DATE_EPOCH: "1764576000" };

function fixtureAnswers(dir: string): string {
  const file = path.join(dir, "answers.yaml");
  writeFileSync(file, readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8"));
  return file;
}

describe("netdz migrate", () => {
  it("prints the account, keeps the file as it was beside it, and writes the new one", async () => {
    const dir = tempDir();
    const file = fixtureAnswers(dir);
    const before = readFileSync(file, "utf8");
    const io = captureIo(dir, ENV);
    const code = await migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, io);
    expect(code).toBe(0);
    expect(io.out()).toBe(
      [
        "answers.yaml: 1.0.0 → 1.2.0",
        "  M01.Q1: reworded in 1.1.0; answer kept and marked for review",
        "  M01.Q2: cleared and marked for review (1.1.0): the target doubled to 20, and answers are whole numbers up to 100; the old answer (12.5 items) is in its note",
        "  M01.Q3 → M02.Q4: moved as it is (1.1.0)",
        "  M02.Q3: retired in 1.1.0 (financing channels are asked by another measure now); the answer is kept under retired:",
        '  zone.province: "  JIANGSU " → js (1.1.0)',
        "  M02.Q4 → M02.Q5: moved as it is (1.2.0)",
        "2 answers carried over as they were.",
        "wrote answers.yaml",
        "the file as it was before is kept as answers.1.0.0.yaml",
        "",
      ].join("\n"),
    );
    expect(readFileSync(path.join(dir, "answers.1.0.0.yaml"), "utf8")).toBe(before);
    const after = parse(readFileSync(file, "utf8")) as { measureSet: unknown; migrated: unknown };
    expect(after.measureSet).toEqual({ id: "mini", version: "1.2.0" });
    expect(after.migrated).toEqual([
      { from: "1.0.0", to: "1.1.0", date: "2025-12-01T08:00:00Z" },
      { from: "1.1.0", to: "1.2.0", date: "2025-12-01T08:00:00Z" },
    ]);
    const checked = await checkAnswersFile(file, { cwd: dir, measuresDir: SETS });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("prints the account in Chinese with --lang zh", async () => {
    const dir = tempDir();
    fixtureAnswers(dir);
    const io = captureIo(dir, ENV);
    await migrate(
      { answers: "answers.yaml", lang: "zh", measures: SETS, to: "1.1.0", dryRun: true },
      io,
    );
    expect(io.out()).toContain("  M01.Q3 → M02.Q4：原样迁移（1.1.0）\n");
    expect(io.out()).toContain("2 个答案原样保留。\n试运行：未写入任何文件。\n");
  });

  it("--dry-run prints the same account and writes nothing", async () => {
    const dir = tempDir();
    const file = fixtureAnswers(dir);
    const before = readFileSync(file, "utf8");
    const io = captureIo(dir, ENV);
    expect(
      await migrate({ answers: "answers.yaml", lang: "en", measures: SETS, dryRun: true }, io),
    ).toBe(0);
    expect(io.out()).toContain("  M02.Q4 → M02.Q5: moved as it is (1.2.0)\n");
    expect(io.out()).toMatch(/Dry run: nothing was written\.\n$/);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(dir)).toEqual(["answers.yaml"]);
  });

  it("--out writes elsewhere and leaves the file and its folder as they were", async () => {
    const dir = tempDir();
    const file = fixtureAnswers(dir);
    const before = readFileSync(file, "utf8");
    const io = captureIo(dir, ENV);
    await migrate(
      { answers: "answers.yaml", lang: "en", measures: SETS, to: "1.1.0", out: "new.yaml" },
      io,
    );
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["answers.yaml", "new.yaml"]);
    expect(
      (
        parse(readFileSync(path.join(dir, "new.yaml"), "utf8")) as {
          measureSet: { version: string };
        }
      ).measureSet.version,
    ).toBe("1.1.0");
  });

  it("--out refuses a file that exists unless --force is given", async () => {
    const dir = tempDir();
    fixtureAnswers(dir);
    writeFileSync(path.join(dir, "new.yaml"), "mine\n");
    const opts = { answers: "answers.yaml", measures: SETS, out: "new.yaml" } as const;
    await expect(migrate({ ...opts, lang: "en" }, captureIo(dir, ENV))).rejects.toThrow(
      "new.yaml already exists; use --force to overwrite it, or choose another --out",
    );
    await expect(migrate({ ...opts, lang: "zh" }, captureIo(dir, ENV))).rejects.toThrow(
      "new.yaml 已存在；如要覆盖请加 --force",
    );
    expect(readFileSync(path.join(dir, "new.yaml"), "utf8")).toBe("mine\n");
    expect(await migrate({ ...opts, lang: "en", force: true }, captureIo(dir, ENV))).toBe(0);
    expect(readFileSync(path.join(dir, "new.yaml"), "utf8")).toContain("version: 1.2.0");
  });

  it("refuses while a live session holds the lock, and takes the lock while it writes", async () => {
    const dir = tempDir();
    const file = fixtureAnswers(dir);
    const before = readFileSync(file, "utf8");
    // This test's own process stands for a running assess session: alive, with its start time.
    const held = `${process.pid}\nstart ${processStart(process.pid) ?? ""}\n`;
    writeFileSync(`${file}.lock`, held);
    for (const [lang, words] of [
      ["en", "answers.yaml is being assessed in another session"],
      ["zh", "answers.yaml 正在另一个会话中填写"],
    ] as const) {
      const run = migrate({ answers: "answers.yaml", lang, measures: SETS }, captureIo(dir, ENV));
      await expect(run).rejects.toMatchObject({ exitCode: 2 });
      await expect(
        migrate({ answers: "answers.yaml", lang, measures: SETS }, captureIo(dir, ENV)),
      ).rejects.toThrow(words);
    }
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["answers.yaml", "answers.yaml.lock"]);
    // A dry run only reads, so it may run beside a session.
    expect(
      await migrate(
        { answers: "answers.yaml", lang: "en", measures: SETS, dryRun: true },
        captureIo(dir, ENV),
      ),
    ).toBe(0);
    rmSync(`${file}.lock`);
    // While it writes, the lock is held (seen by the writer), and released afterwards.
    const seen: boolean[] = [];
    const writer = {
      async writeFile(target: string, text: string) {
        seen.push(existsSync(`${file}.lock`));
        writeFileSync(target, text);
      },
    };
    await migrate(
      { answers: "answers.yaml", lang: "en", measures: SETS },
      captureIo(dir, ENV),
      writer,
    );
    expect(seen).toEqual([true, true]);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("never overwrites an earlier backup that differs", async () => {
    const dir = tempDir();
    const file = fixtureAnswers(dir);
    const before = readFileSync(file, "utf8");
    writeFileSync(path.join(dir, "answers.1.0.0.yaml"), "an older copy\n");
    const io = captureIo(dir, ENV);
    await expect(
      migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, io),
    ).rejects.toThrow(
      "answers.1.0.0.yaml already exists; move it away or use --out FILE, so that no earlier copy is overwritten",
    );
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readFileSync(path.join(dir, "answers.1.0.0.yaml"), "utf8")).toBe("an older copy\n");
  });

  it("an interrupted write leaves the original intact", async () => {
    const dir = tempDir();
    const file = fixtureAnswers(dir);
    const before = readFileSync(file, "utf8");
    const io = captureIo(dir, ENV);
    const failing = {
      async writeFile(target: string, text: string) {
        if (target === file) {
          // The writer dies half-way through: only part of the text reaches a temp file.
          writeFileSync(`${path.join(dir, ".answers.yaml.123.tmp")}`, text.slice(0, 40));
          throw Object.assign(new Error("killed"), { code: "EIO" });
        }
        writeFileSync(target, text);
      },
    };
    await expect(
      migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, io, failing),
    ).rejects.toThrow("cannot write answers.yaml: the disk reported an input/output error");
    expect(readFileSync(file, "utf8")).toBe(before);
    // A second run, with a working writer, picks up where it stopped: the backup is the same file.
    expect(
      await migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, captureIo(dir, ENV)),
    ).toBe(0);
    expect(readFileSync(path.join(dir, "answers.1.0.0.yaml"), "utf8")).toBe(before);
  });

  it("refuses a file that is invalid before migration, with its problems", async () => {
    const dir = tempDir();
    const file = fixtureAnswers(dir);
    writeFileSync(file, readFileSync(file, "utf8").replace("{ value: true }", "{ value: 3 }"));
    const io = captureIo(dir, ENV);
    const error = await migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, io).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      exitCode: 1,
      message:
        "answers.yaml is invalid as it is; fix these problems before migrating (netdz validate answers.yaml)",
      diagnostics: [expect.objectContaining({ code: "answers/value-type", line: 14, column: 20 })],
    });
    expect(readdirSync(dir)).toEqual(["answers.yaml"]);
  });

  it("says when there is nothing to migrate, and refuses an unknown or older --to", async () => {
    const dir = tempDir();
    const file = path.join(dir, "answers.yaml");
    writeFileSync(
      file,
      "format: netdz-answers/1\nmeasureSet: { id: mini, version: 1.2.0 }\nzone: {}\nanswers: {}\n",
    );
    const io = captureIo(dir, ENV);
    expect(await migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, io)).toBe(0);
    expect(io.err()).toBe(
      "netdz migrate: answers.yaml is already on 1.2.0, the newest version; nothing to migrate\n",
    );
    await expect(
      migrate({ answers: "answers.yaml", lang: "en", measures: SETS, to: "9.9.9" }, io),
    ).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining("mini@9.9.9 is not available"),
    });
    await expect(
      migrate({ answers: "answers.yaml", lang: "en", measures: SETS, to: "1.0.0" }, io),
    ).rejects.toMatchObject({ exitCode: 2 });
  });
});

/** A small seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PROVINCES = [
  "江苏",
  "江苏省",
  "Jiangsu",
  "广西壮族自治区",
  "广西",
  "Guangxi",
  "XPCC",
  "新疆生产建设兵团",
  "Inner Mongolia",
  "内蒙古",
  "shaanxi",
  "Atlantis",
  "上海市",
  "Tibet",
];

function generatedAnswer(q: Question, rnd: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  if (rnd() < 0.1) return { status: "not_applicable", note: "not here" };
  if (rnd() < 0.1) return { status: "unknown" };
  const note = rnd() < 0.3 ? { note: `note ${Math.floor(rnd() * 100)}` } : {};
  switch (q.type) {
    case "status":
      return { status: pick(STATUSES.filter((s) => s !== "not_applicable")), ...note };
    case "yesno":
      return { value: rnd() < 0.5, ...note };
    case "number":
      return { value: pick([0, 1, 3, 12.5, 80, 100, 120, 2500.75]), ...note };
    case "choice":
      return { value: pick(q.options ?? []).id, ...note };
    case "multi":
      return { value: (q.options ?? []).filter(() => rnd() < 0.5).map((o) => o.id), ...note };
    case "text":
      return { value: `text ${Math.floor(rnd() * 1000)}`, ...note };
  }
}

describe("netdz migrate of the bundled set, 1.0.0 → 1.1.0, loses nothing", () => {
  it("holds for 40 generated answers files", async () => {
    const old: MeasureSet = await resolveMeasureSet({ set: "workplan-2025@1.0.0" }, process.cwd());
    const next = await resolveMeasureSet({ set: "workplan-2025@1.1.0" }, process.cwd());
    const questions = old.measures.flatMap((m) => m.questions);
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = random(seed);
      const answers = Object.fromEntries(
        questions.filter(() => rnd() < 0.7).map((q) => [q.id, generatedAnswer(q, rnd)]),
      );
      const province = PROVINCES[seed % PROVINCES.length] as string;
      const region = ["eastern", "central", "western", "northeastern"][seed % 4] as string;
      const content = {
        format: "netdz-answers/1",
        measureSet: { id: "workplan-2025", version: "1.0.0" },
        zone: {
          name: `Zone ${seed}`,
          province,
          region,
          westernHubArea: false,
          ftzLinked: true,
          customsArea: false,
        },
        answers,
      };
      const dir = tempDir();
      const file = path.join(dir, "a.yaml");
      writeFileSync(file, JSON.stringify(content, null, 1));
      const io = captureIo(dir, ENV);
      expect(
        await migrate({ answers: "a.yaml", lang: seed % 2 ? "en" : "zh" }, io),
        `seed ${seed}`,
      ).toBe(0);
      const after = parse(readFileSync(file, "utf8")) as {
        zone: Record<string, unknown>;
        answers: Record<string, Record<string, unknown>>;
        retired?: Record<string, Record<string, unknown>>;
      };
      for (const [id, answer] of Object.entries(answers)) {
        const now = after.answers[id];
        const retired = after.retired?.[id];
        if (retired) {
          expect(retired.answer, `${id} seed ${seed}`).toEqual(answer);
          continue;
        }
        expect(now, `${id} seed ${seed}`).toBeDefined();
        if ("value" in (now ?? {}) || "status" in (now ?? {})) {
          expect(now, `${id} seed ${seed}`).toEqual(answer);
        } else {
          // Cleared: the old value is in the note, after any note it had; marked for review.
          expect(now?.review, `${id} seed ${seed}`).toBe(true);
          if (typeof answer.note === "string")
            expect(String(now?.note).startsWith(answer.note)).toBe(true);
          expect(String(now?.note)).toContain(String(answer.value ?? answer.status));
        }
      }
      // The province is a list id now, or the old spelling is recorded; the region is derived.
      if (typeof after.zone.province === "string") {
        expect(after.zone.province).toMatch(/^[a-z-]+$/);
      } else {
        expect(after.retired?.["zone.province"]?.value).toBe(province);
      }
      if (after.zone.region === undefined && after.retired?.["zone.region"] === undefined) {
        // Dropped only because it equals the region derived from the province.
        expect(withDerivedProfile(next.profile, after.zone as Zone).region, `seed ${seed}`).toBe(
          region,
        );
      }
      expect(existsSync(path.join(dir, "a.1.0.0.yaml"))).toBe(true);
      const checked = await checkAnswersFile(file, { cwd: dir });
      expect(
        checked.diagnostics.filter((d) => d.severity === "error"),
        `seed ${seed}`,
      ).toEqual([]);
    }
  }, 60_000);
});

describe("netdz report on a file pinned to an older version", () => {
  it("reports on the pinned version and says how to migrate", async () => {
    const { report } = await import("../../src/commands/report.js");
    const dir = tempDir();
    fixtureAnswers(dir);
    const io = captureIo(dir, ENV);
    const options = { answers: "answers.yaml", format: "json" as const, top: 10, measures: SETS };
    expect(await report({ ...options, lang: "en" }, io)).toBe(0);
    expect((JSON.parse(io.out()) as { measureSet: unknown }).measureSet).toEqual({
      id: "mini",
      version: "1.0.0",
    });
    expect(io.err()).toContain(
      `netdz report: note: this file uses mini@1.0.0; 1.2.0 is available (migrate with: netdz migrate answers.yaml --measures ${SETS})\n`,
    );
    const zh = captureIo(dir, ENV);
    await report({ ...options, lang: "zh" }, zh);
    expect(zh.err()).toContain(
      "netdz report: 提示：此文件使用 mini@1.0.0；已有新版本 1.2.0（迁移命令：",
    );
    await migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, captureIo(dir, ENV));
    const after = captureIo(dir, ENV);
    await report({ ...options, lang: "en" }, after);
    expect(after.err()).not.toContain("is available");
  });
});

describe("a version without changes.yaml", () => {
  it("follows the next older version; a question that is gone is kept under retired:", async () => {
    const dir = tempDir();
    const sets = path.join(dir, "sets");
    cpSync(path.join(SETS, "mini"), path.join(sets, "mini"), { recursive: true });
    rmSync(path.join(sets, "mini", "1.2.0", "changes.yaml"));
    const file = fixtureAnswers(dir);
    const io = captureIo(dir, ENV);
    expect(await migrate({ answers: "answers.yaml", lang: "en", measures: sets }, io)).toBe(0);
    expect(io.out()).toContain("  M02.Q4: retired in 1.2.0; the answer is kept under retired:\n");
    const after = parse(readFileSync(file, "utf8")) as {
      answers: Record<string, unknown>;
      retired: Record<string, { version: string; reason: string; answer: unknown }>;
    };
    expect(after.answers["M02.Q5"]).toBeUndefined();
    expect(after.retired["M02.Q4"]).toEqual({
      version: "1.1.0",
      reason: "the question is not in 1.2.0",
      answer: { value: "full" },
    });
  });
});

describe("an extended set whose base version moves", () => {
  it("inherits the base set's changes between the base versions (profile map, renames…)", async () => {
    const sets = path.join(FIXTURES, "versions-extends");
    const dir = tempDir();
    const file = path.join(dir, "answers.yaml");
    writeFileSync(file, readFileSync(path.join(sets, "answers-1.0.0.yaml"), "utf8"));
    const io = captureIo(dir, ENV);
    expect(await migrate({ answers: "answers.yaml", lang: "en", measures: sets }, io)).toBe(0);
    expect(io.out()).toContain('  zone.province: "  JIANGSU " → js (1.1.0)\n');
    expect(io.out()).toContain("  M01.Q3 → M02.Q4: moved as it is (1.1.0)\n");
    expect(io.out()).not.toContain("cleared (not a known value)");
    const after = parse(readFileSync(file, "utf8")) as {
      measureSet: unknown;
      zone: Record<string, unknown>;
      answers: Record<string, unknown>;
    };
    expect(after.measureSet).toEqual({ id: "prov", version: "1.1.0" });
    expect(after.zone.province).toBe("js");
    expect(after.answers["M02.Q4"]).toEqual({ value: "full" });
    expect(after.answers["P-M01.Q1"]).toEqual({ value: true });
    const checked = await checkAnswersFile(file, { cwd: dir, measuresDir: sets });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});

describe("netdz migrate keeps the file's style", () => {
  it("keeps CRLF line endings and a UTF-8 BOM", async () => {
    const dir = tempDir();
    const file = path.join(dir, "answers.yaml");
    const lf = readFileSync(path.join(SETS, "answers-1.0.0.yaml"), "utf8");
    const original = `\uFEFF${lf.replace(/\n/g, "\r\n")}`;
    writeFileSync(file, original);
    await migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, captureIo(dir, ENV));
    const after = readFileSync(file, "utf8");
    expect(after.startsWith("\uFEFF")).toBe(true);
    expect(after).toContain("version: 1.2.0");
    expect(after.replace(/\r\n/g, "")).not.toContain("\n");
    expect(readFileSync(path.join(dir, "answers.1.0.0.yaml"), "utf8")).toBe(original);
    const checked = await checkAnswersFile(file, { cwd: dir, measuresDir: SETS });
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("keeps LF and no BOM when the file has them", async () => {
    const dir = tempDir();
    const file = fixtureAnswers(dir);
    await migrate({ answers: "answers.yaml", lang: "en", measures: SETS }, captureIo(dir, ENV));
    const after = readFileSync(file, "utf8");
    expect(after.startsWith("\uFEFF")).toBe(false);
    expect(after).not.toContain("\r");
  });
});
