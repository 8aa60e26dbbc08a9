import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMiniSet, editFile, FIXTURES, ROOT, runCli, tempDir } from "../helpers.js";

const DIAGNOSTIC_LINE = /^(\S+):(\d+):(\d+) {2}(error|warning) {2}(\S+) {2}(.+)$/;

function brokenSet(): { root: string; setDir: string } {
  const copy = copyMiniSet();
  editFile(path.join(copy.setDir, "m02-second.yaml"), "area: beta", "area: gamma");
  editFile(path.join(copy.setDir, "m01-first.yaml"), "target: 10", "target: -1");
  return copy;
}

describe("netdz validate (spawned)", () => {
  it("passes the bundled measure set with exit 0", () => {
    const result = runCli(["validate", "measures/"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("");
    // 1.0.0 and 1.1.0, each of 16 measures; 1.1.0 also checked against 1.0.0 (changes.yaml).
    expect(result.stderr).toMatch(
      /2 measure sets \(32 measure files\): valid \(0 errors, 0 warnings\)/,
    );
  });

  it("validates measures/ by default when run in the project folder", () => {
    expect(runCli(["validate"]).status).toBe(0);
  });

  it("prints one located line per problem and exits 1", () => {
    const { root } = brokenSet();
    const result = runCli(["validate", "."], { cwd: root });
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(DIAGNOSTIC_LINE);
    expect(lines[0]).toBe(
      "mini/1.0.0/m01-first.yaml:45:13  error  set/number-target  target of a number question must be greater than 0, not -1",
    );
    expect(lines[1]).toMatch(/^mini\/1\.0\.0\/m02-second\.yaml:5:7 {2}error {2}set\/unknown-area/);
    expect(lines[2]).toMatch(/^mini\/1\.0\.0\/set\.yaml:22:9 {2}warning {2}set\/empty-area/);
    expect(result.stderr).toMatch(/2 errors, 1 warning/);
  });

  it("validates the whole set when given one file inside it", () => {
    const { setDir } = brokenSet();
    const result = runCli(["validate", "m01-first.yaml"], { cwd: setDir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/m02-second\.yaml:5:7/);
  });

  it("emits JSON with --format json", () => {
    const { root } = brokenSet();
    const result = runCli(["validate", ".", "--format", "json"], { cwd: root });
    expect(result.status).toBe(1);
    const parsed = JSON.parse(result.stdout) as {
      file: string;
      line: number;
      column: number;
      code: string;
    }[];
    expect(parsed.map((d) => [d.file, d.line, d.column, d.code])).toEqual([
      ["mini/1.0.0/m01-first.yaml", 45, 13, "set/number-target"],
      ["mini/1.0.0/m02-second.yaml", 5, 7, "set/unknown-area"],
      ["mini/1.0.0/set.yaml", 22, 9, "set/empty-area"],
    ]);
    expect(result.stderr).toBe("");
  });

  it("emits GitHub annotations with --format github", () => {
    const { root } = brokenSet();
    const result = runCli(["validate", ".", "--format", "github"], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stdout.split("\n")[1]).toMatch(
      /^::error file=mini\/1\.0\.0\/m02-second\.yaml,line=5,col=7::set\/unknown-area /,
    );
  });

  it("exits 0 with warnings only", () => {
    const { root, setDir } = copyMiniSet();
    editFile(path.join(setDir, "set.yaml"), "id: mini", "id: mini-renamed");
    const result = runCli(["validate", "."], { cwd: root });
    expect(result.stdout).toMatch(/warning {2}set\/id-folder/);
    expect(result.status).toBe(0);
  });

  it("exits 2 without a stack trace for a path that does not exist", () => {
    const result = runCli(["validate", "no/such/folder"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "netdz validate: cannot read no/such/folder: no such file or folder\n✖ 1 path could not be read\n",
    );
  });

  it("exits 2 for an unknown option or format", () => {
    expect(runCli(["validate", "--bogus"]).status).toBe(2);
    const result = runCli(["validate", "--format", "xml"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Allowed choices are text, json, github/);
  });

  it("reports a YAML file that is not a netdz file", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "other.yaml"), "name: something else\n");
    const result = runCli(["validate", "other.yaml"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^other\.yaml:1:1 {2}error {2}file\/unknown-format/);
  });

  it("checks answers files against their set, --strict turning missing evidence into an error", () => {
    const { root } = copyMiniSet();
    const dir = path.dirname(root);
    cpSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(dir, "a.yaml"));
    editFile(path.join(dir, "a.yaml"), "evidence: [https://example.org/doc.pdf], ", "");
    const loose = runCli(["validate", "a.yaml", "--measures", "sets"], { cwd: dir });
    expect(loose.status).toBe(0);
    expect(loose.stdout).toMatch(/^a\.yaml:12:21 {2}warning {2}answers\/missing-evidence/);
    const strict = runCli(["validate", "a.yaml", "--measures", "sets", "--strict"], { cwd: dir });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/^a\.yaml:12:21 {2}error {2}answers\/missing-evidence/);
  });
});

describe("netdz list, schema and help (spawned)", () => {
  it("lists the bundled set with its counts", () => {
    const result = runCli(["list", "--json"]);
    expect(result.status).toBe(0);
    const sets = JSON.parse(result.stdout) as {
      id: string;
      version: string;
      areas: number;
      measures: number;
      questions: number;
      valid: boolean;
    }[];
    expect(sets.map((s) => `${s.id}@${s.version}`)).toEqual([
      "workplan-2025@1.1.0",
      "workplan-2025@1.0.0",
    ]);
    for (const set of sets) {
      expect(set).toMatchObject({ id: "workplan-2025", areas: 4, measures: 16, valid: true });
      expect(set.questions).toBeGreaterThanOrEqual(16 * 4);
    }
    expect(sets[0]?.questions).toBe(sets[1]?.questions);
  });

  it("lists every question with --questions", () => {
    const result = runCli(["list", "--questions", "--lang", "zh"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/4 个方面 · 16 项举措 · \d+ 个问题/);
    expect(result.stdout).toMatch(/M16\.Q\d+ {2}\[(状态|是否|数值|单选|多选|文字)\] {2}\S/);
    expect(result.stdout).toContain("因地制宜发展新质生产力");
  });

  it("counts in English by default, in the singular where it is one", () => {
    const { root } = copyMiniSet();
    const result = runCli(["list", "--measures", root]);
    expect(result.stdout).toContain("2 areas · 2 measures · 6 questions");
    expect(result.stdout).toContain("(1 measure, 3 questions)");
  });

  it("lists sets under --measures DIR", () => {
    const { root } = copyMiniSet();
    const result = runCli(["list", "--measures", root, "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject([
      { id: "mini", areas: 2, measures: 2, questions: 6 },
    ]);
  });

  it.each(["measure-set", "measure", "answers", "report"])("prints the %s schema", (name) => {
    const result = runCli(["schema", name]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      $id: `https://netdz.dev/schemas/${name}.schema.json`,
    });
  });

  it("refuses an unknown schema name with exit 2", () => {
    const result = runCli(["schema", "nope"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown schema "nope"/);
  });

  it("teaches with --help and prints the version", () => {
    const help = runCli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Quick start:/);
    expect(help.stdout).toMatch(/Exit codes:/);
    const version = runCli(["--version"], { cwd: ROOT });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe("netdz validate on a folder of answers files (spawned)", () => {
  it("finds the answers files by their format and checks each", () => {
    const { root } = copyMiniSet();
    const dir = path.join(path.dirname(root), "zones");
    cpSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(dir, "east.yaml"));
    cpSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(dir, "west.yaml"));
    editFile(path.join(dir, "west.yaml"), "M02.Q1: { value: true }", "M02.Q1: { value: 3 }");
    writeFileSync(path.join(dir, "notes.yaml"), "title: not a netdz file\n");
    const result = runCli(["validate", "zones", "--measures", "sets"], { cwd: path.dirname(root) });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^zones\/west\.yaml:15:\d+ {2}error {2}answers\/value-type/);
    expect(result.stdout).not.toMatch(/east\.yaml|notes\.yaml/);
    expect(result.stderr).toMatch(/2 answers files/);
  });

  it("exits 2 when a folder holds neither a measure set nor an answers file", () => {
    const dir = tempDir();
    const result = runCli(["validate", "."], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no measure set \(set\.yaml\) or answers file found in \./);
  });
});

describe("netdz validate reports files it cannot place (spawned)", () => {
  it("flags a measure file with no set.yaml beside it inside a searched folder", () => {
    const dir = tempDir();
    cpSync(
      path.join(FIXTURES, "sets", "mini", "1.0.0", "m01-first.yaml"),
      path.join(dir, "ms", "miniqa", "2.0.0", "m01-first.yaml"),
    );
    const result = runCli(["validate", "ms"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      "ms/miniqa/2.0.0/m01-first.yaml:2:9  error  set/no-header  this measure file has no set.yaml beside it: a measure file must sit in a set folder (<id>/<version>/) with its set.yaml\n",
    );
  });

  it.each<[string, (dir: string) => string[]]>([
    ["named", () => ["validate", "ms/miniqa/2.0.0/plan.yaml"]],
    ["in a searched folder", () => ["validate", "ms"]],
  ])("says a set header not named set.yaml must be renamed (%s)", (_how, args) => {
    const dir = tempDir();
    const set = path.join(dir, "ms", "miniqa", "2.0.0");
    cpSync(path.join(FIXTURES, "sets", "mini", "1.0.0", "set.yaml"), path.join(set, "plan.yaml"));
    // Its measures beside it are not read, and the one error says why (no second one for them).
    cpSync(
      path.join(FIXTURES, "sets", "mini", "1.0.0", "m01-first.yaml"),
      path.join(set, "m01-first.yaml"),
    );
    for (const lang of ["en", "zh"]) {
      const result = runCli([...args(dir), "--lang", lang, "--format", "json"], { cwd: dir });
      expect(result.status).toBe(1);
      const problems = JSON.parse(result.stdout) as {
        file: string;
        code: string;
        message: string;
      }[];
      expect(problems).toEqual([
        expect.objectContaining({ file: "ms/miniqa/2.0.0/plan.yaml", code: "set/header-name" }),
      ]);
      expect(problems[0]?.message).toMatch(
        lang === "en" ? /rename plan\.yaml to set\.yaml/ : /请把 plan\.yaml 改名为 set\.yaml/,
      );
    }
  });

  it("names the repeated key of a duplicate", () => {
    const { root, setDir } = copyMiniSet();
    editFile(
      path.join(setDir, "m01-first.yaml"),
      "weight: 1\nquestions:",
      "weight: 1\nweight: 2\nquestions:",
    );
    const result = runCli(["validate", "."], { cwd: root });
    expect(result.stdout).toBe(
      'mini/1.0.0/m01-first.yaml:18:1  error  yaml/duplicate-key  duplicate key "weight": a key may appear only once in a mapping (first at line 17, column 1; remove one of them)\n',
    );
  });
});

describe("netdz validate on a broken set and answers pinned to it (spawned)", () => {
  it("reports each problem of the set once", () => {
    const { root, setDir } = copyMiniSet();
    editFile(path.join(setDir, "m01-first.yaml"), "target: 10", "target: -1");
    const dir = path.dirname(root);
    cpSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(dir, "a.yaml"));
    const result = runCli(["validate", "sets", "a.yaml", "--measures", "sets"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout.match(/set\/number-target/g)).toHaveLength(1);
  });
});

describe("netdz validate in the user's language (spawned)", () => {
  it("prints messages in Chinese with --lang zh or a Chinese locale; codes stay the same", () => {
    const { root } = brokenSet();
    const flag = runCli(["validate", ".", "--lang", "zh"], { cwd: root });
    expect(flag.status).toBe(1);
    expect(flag.stdout.split("\n")[0]).toBe(
      "mini/1.0.0/m01-first.yaml:45:13  error  set/number-target  数值题的目标值必须大于 0，而不是 -1",
    );
    const locale = runCli(["validate", ".", "--format", "json"], {
      cwd: root,
      env: { LANG: "zh_CN.UTF-8" },
    });
    const parsed = JSON.parse(locale.stdout) as { code: string; message: string }[];
    expect(parsed.map((d) => d.code)).toEqual([
      "set/number-target",
      "set/unknown-area",
      "set/empty-area",
    ]);
    expect(parsed[1]?.message).toBe("set.yaml 中没有定义方面“gamma”（已有方面：alpha、beta）");
    const english = runCli(["validate", ".", "--lang", "en"], {
      cwd: root,
      env: { LC_ALL: "zh_CN.UTF-8" },
    });
    expect(english.stdout.split("\n")[0]).toMatch(/target of a number question must be/);
  });

  it("prints GitHub annotations in Chinese", () => {
    const { root } = brokenSet();
    const result = runCli(["validate", ".", "--format", "github", "--lang", "zh"], { cwd: root });
    expect(result.stdout.split("\n")[1]).toBe(
      "::error file=mini/1.0.0/m02-second.yaml,line=5,col=7::set/unknown-area set.yaml 中没有定义方面“gamma”（已有方面：alpha、beta）",
    );
  });

  it("refuses a language it does not have", () => {
    const result = runCli(["validate", "--lang", "fr"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Allowed choices are en, zh/);
  });
});

describe("netdz validate says a missing set.yaml once (spawned)", () => {
  it("gives one line for a folder of 16 measure files without set.yaml", () => {
    const dir = tempDir();
    const setDir = path.join(dir, "measures", "workplan-2025", "1.0.0");
    cpSync(path.join(ROOT, "measures", "workplan-2025", "1.0.0"), setDir, { recursive: true });
    rmSync(path.join(setDir, "set.yaml"));
    const result = runCli(["validate", "measures"], { cwd: dir });
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^measures\/workplan-2025\/1\.0\.0\/m01-[^:]+\.yaml:\d+:\d+ {2}error {2}set\/no-header {2}the 16 measure files in measures\/workplan-2025\/1\.0\.0 have no set\.yaml beside them/,
    );
  });
});

describe("the answers check behind report speaks the user's language (spawned)", () => {
  it("prints the located problems of an invalid answers file in Chinese with --lang zh", () => {
    const { root } = copyMiniSet();
    const dir = path.dirname(root);
    cpSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(dir, "a.yaml"));
    editFile(path.join(dir, "a.yaml"), "M02.Q1: { value: true }", "M02.Q1: { value: 3 }");
    const zh = runCli(["report", "a.yaml", "--measures", "sets", "--lang", "zh"], { cwd: dir });
    expect(zh.status).toBe(1);
    expect(zh.stderr.split("\n")[0]).toBe(
      "a.yaml:15:20  error  answers/value-type  M02.Q1 只能填 true 或 false，而不是 3",
    );
    const en = runCli(["report", "a.yaml", "--measures", "sets"], { cwd: dir });
    expect(en.stderr.split("\n")[0]).toBe(
      "a.yaml:15:20  error  answers/value-type  M02.Q1 takes true or false, not 3",
    );
  });

  it("says a YAML syntax error in Chinese words, with the parser's own detail", () => {
    const { root, setDir } = copyMiniSet();
    writeFileSync(
      path.join(setDir, "set.yaml"),
      `${readFileSync(path.join(setDir, "set.yaml"), "utf8")}x:\n\t- a\n`,
    );
    const result = runCli(["validate", ".", "--lang", "zh"], { cwd: root });
    expect(result.stdout).toBe(
      "mini/1.0.0/set.yaml:50:1  error  yaml/syntax  YAML 语法错误：用了 Tab 缩进，请改用空格\n",
    );
  });
});
