/**
 * Every command names a file in its messages as the user gave it on the command line (a file
 * found by walking a folder given there: that folder as given, joined with the path below it),
 * and a file inside the working folder relative to it however it was given; never the absolute
 * path netdz resolved it to, so messages do not depend on where the checkout sits.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { assess } from "../../src/commands/assess.js";
import { DataError } from "../../src/errors.js";
import { displayPath, givenBelow } from "../../src/fs/measure-sets.js";
import { PassThrough } from "node:stream";
import { captureIo, FIXTURES, tempDir } from "../helpers.js";
import { run } from "./run.js";

const SETS = path.join(FIXTURES, "report", "sets");
const VERSIONS = path.join(FIXTURES, "versions");
const EASTERN = readFileSync(
  path.join(FIXTURES, "report", "answers", "strong-eastern.yaml"),
  "utf8",
);
/** The fixture with one problem, on its measureSet line. */
const BROKEN = EASTERN.replace(
  "measureSet: { id: demo-2025, version: 1.0.0 }",
  "measureSet: { id: demo-2025, version: 1.0.0, bogus: 1 }",
);

/** `<root>/work` (the working folder) and `<root>/out/sub/a.yaml`, `<root>/out/b.yaml` beside it. */
function layout(text = BROKEN) {
  const root = tempDir();
  const cwd = path.join(root, "work");
  mkdirSync(cwd);
  mkdirSync(path.join(root, "out", "sub"), { recursive: true });
  writeFileSync(path.join(root, "out", "sub", "a.yaml"), text);
  writeFileSync(path.join(root, "out", "b.yaml"), text);
  return { root, cwd };
}

/** The file names the located lines of an output start with. */
function namesIn(output: string): string[] {
  return [
    ...new Set(output.split("\n").flatMap((l) => /^(\S+?\.yaml):\d+:\d+/.exec(l)?.[1] ?? [])),
  ];
}

describe("files named as given", () => {
  it("validate: a file and a folder outside the working folder, as given", async () => {
    const { root, cwd } = layout();
    const result = await run(
      ["validate", "../out/b.yaml", "./../out/sub", "--measures", SETS],
      cwd,
    );
    expect(result.code).toBe(1);
    expect(namesIn(result.out).sort()).toEqual(["../out/b.yaml", "./../out/sub/a.yaml"]);
    expect(result.out).not.toContain(root);
    // Given absolutely, an outside file is named absolutely; an inside one relative.
    const absolute = path.join(root, "out", "b.yaml");
    const again = await run(["validate", absolute, "--measures", SETS], cwd);
    expect(namesIn(again.out)).toEqual([absolute]);
    copyFileSync(absolute, path.join(cwd, "c.yaml"));
    const inside = await run(["validate", path.join(cwd, "c.yaml"), "--measures", SETS], cwd);
    expect(namesIn(inside.out)).toEqual(["c.yaml"]);
  });

  it("validate --format json names the file as given too", async () => {
    const { root, cwd } = layout();
    const result = await run(["validate", "../out", "--measures", SETS, "--format", "json"], cwd);
    expect(result.out).not.toContain(root);
    expect(result.out).toContain('"../out/b.yaml"');
    expect(result.out).toContain('"../out/sub/a.yaml"');
  });

  it("report, diff and aggregate", async () => {
    const { root, cwd } = layout();
    const report = await run(["report", "../out/b.yaml", "--measures", SETS], cwd);
    expect(report.code).toBe(1);
    expect(namesIn(report.err + report.out)).toEqual(["../out/b.yaml"]);
    const diff = await run(["diff", "../out/b.yaml", "../out/sub/a.yaml", "--measures", SETS], cwd);
    expect(diff.code).toBe(1);
    expect(namesIn(diff.err + diff.out).sort()).toEqual(["../out/b.yaml", "../out/sub/a.yaml"]);
    const aggregate = await run(["aggregate", "../out", "--measures", SETS], cwd);
    expect(aggregate.err + aggregate.out).toContain("../out/b.yaml");
    expect(aggregate.err + aggregate.out).toContain("../out/sub/a.yaml");
    for (const output of [report, diff, aggregate]) {
      expect(output.err + output.out).not.toContain(root);
    }
    // A valid file outside: the diff names it as given.
    const valid = layout(EASTERN);
    const ok = await run(
      ["diff", "../out/b.yaml", "../out/sub/a.yaml", "--measures", SETS, "--format", "json"],
      valid.cwd,
    );
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('"../out/b.yaml"');
    expect(ok.out).not.toContain(valid.root);
  });

  it("migrate names the file, the one it wrote and its backup as given", async () => {
    const root = tempDir();
    const cwd = path.join(root, "work");
    mkdirSync(cwd);
    mkdirSync(path.join(root, "out"));
    copyFileSync(path.join(VERSIONS, "answers-1.0.0.yaml"), path.join(root, "out", "old.yaml"));
    const result = await run(["migrate", "../out/old.yaml", "--measures", VERSIONS], cwd);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain("../out/old.yaml: 1.0.0 → 1.2.0");
    expect(result.out).toContain("wrote ../out/old.yaml");
    expect(result.out).toContain("kept as ../out/old.1.0.0.yaml");
    expect(result.out + result.err).not.toContain(root);
    const again = await run(
      ["migrate", "../out/old.yaml", "--measures", VERSIONS, "--to", "1.0.0"],
      cwd,
    );
    expect(again.err).toContain("../out/old.yaml is on 1.2.0");
  });

  it("assess names an invalid file and its problems as given", async () => {
    const { root, cwd } = layout();
    const io = captureIo(cwd);
    const terminal = { ...io, stdin: Object.assign(new PassThrough(), { isTTY: true }) };
    const error = await assess(
      { answers: "../out/b.yaml", measures: SETS, lang: "en", review: false },
      terminal,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    const { message, diagnostics } = error as DataError;
    expect(message).toContain("../out/b.yaml");
    expect(message).not.toContain(root);
    expect(new Set(diagnostics.map((d) => d.file))).toEqual(new Set(["../out/b.yaml"]));
  });
});

describe("displayPath and givenBelow", () => {
  const cwd = path.join(path.sep, "srv", "work");
  it("names a path as given, and one inside the working folder relative to it", () => {
    expect(displayPath("a.yaml", cwd)).toBe("a.yaml");
    expect(displayPath("./sub/../a.yaml", cwd)).toBe("a.yaml");
    expect(displayPath("../work/a.yaml", cwd)).toBe("a.yaml");
    expect(displayPath("../x.yaml", cwd)).toBe("../x.yaml");
    expect(displayPath("./../x.yaml", cwd)).toBe("./../x.yaml");
    expect(displayPath(path.join(cwd, "s", "a.yaml"), cwd)).toBe(path.join("s", "a.yaml"));
    expect(displayPath("/etc/x.yaml", cwd)).toBe("/etc/x.yaml");
  });
  it("joins a walked folder as given with the path below it", () => {
    const root = path.join(path.sep, "srv", "out");
    expect(givenBelow("../out", root, path.join(root, "s", "a.yaml"))).toBe("../out/s/a.yaml");
    expect(givenBelow("../out/", root, path.join(root, "a.yaml"))).toBe("../out/a.yaml");
    expect(givenBelow(".", cwd, path.join(cwd, "a.yaml"))).toBe("a.yaml");
    expect(givenBelow("./../out", root, path.join(root, "a.yaml"))).toBe("./../out/a.yaml");
    expect(displayPath("./a.yaml", cwd)).toBe("a.yaml");
    expect(givenBelow("../out", root, root)).toBe("../out");
  });
});
