import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../helpers.js";

interface Hook {
  id: string;
  name: string;
  description?: string;
  entry: string;
  language: string;
  files: string;
  types?: string[];
}

const hooks = parse(readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as Hook[];
const bin = (
  JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    bin: Record<string, string>;
  }
).bin;

describe(".pre-commit-hooks.yaml", () => {
  it("declares a node hook for measure files and one for answers files, each running netdz validate", () => {
    expect(hooks.map((h) => h.id)).toEqual(["netdz-validate-measures", "netdz-validate-answers"]);
    for (const hook of hooks) {
      expect(hook.language).toBe("node");
      expect(hook.entry).toBe("netdz validate");
      expect(Object.keys(bin)).toContain(hook.entry.split(" ")[0]);
      expect(hook.name).toMatch(/netdz validate/);
      expect(hook.types).toEqual(["yaml"]);
    }
  });

  it("matches measure files and answers files, and not other YAML", () => {
    const [measures, answers] = hooks.map((h) => new RegExp(h.files));
    expect(measures?.test("measures/workplan-2025/1.0.0/m01-original-innovation.yaml")).toBe(true);
    expect(measures?.test("zones/measures/custom/2.0.0/set.yaml")).toBe(true);
    expect(measures?.test(".github/workflows/ci.yml")).toBe(false);
    expect(answers?.test("netdz-answers.yaml")).toBe(true);
    expect(answers?.test("zones/suzhou-answers.yml")).toBe(true);
    expect(answers?.test("measures/workplan-2025/1.0.0/set.yaml")).toBe(false);
    expect(answers?.test("docker-compose.yaml")).toBe(false);
  });

  it("runs: the entry accepts the file names pre-commit passes and fails on a bad file", () => {
    const files = [
      "measures/workplan-2025/1.0.0/set.yaml",
      "measures/workplan-2025/1.0.0/m01-original-innovation.yaml",
    ];
    const args = (hooks[0]?.entry ?? "").split(" ").slice(1);
    expect(runCli([...args, ...files], { cwd: ROOT }).status).toBe(0);
    const bad = runCli([...args, "test/fixtures/documents/bad-actions.yaml"], { cwd: ROOT });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(
      "test/fixtures/documents/bad-actions.yaml:7:51  error  answers/due-date",
    );
  });
  it("checks a repository's own answers file with the README's args: [--measures, measures]", () => {
    const dir = tempDir();
    cpSync(
      path.join(ROOT, "examples", "example-province"),
      path.join(dir, "measures", "example-province"),
      {
        recursive: true,
      },
    );
    cpSync(
      path.join(ROOT, "examples", "answers", "example-province-answers.yaml"),
      path.join(dir, "zone-answers.yaml"),
    );
    const hook = hooks.find((h) => h.id === "netdz-validate-answers");
    const answersFiles = ["zone-answers.yaml"].filter((f) =>
      new RegExp(hook?.files ?? "^$").test(f),
    );
    expect(answersFiles).toEqual(["zone-answers.yaml"]);
    const entry = (hook?.entry ?? "").split(" ").slice(1);
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const args = /id: netdz-validate-answers\n[^\n]*\n\s*args: \[([^\]]*)\]/.exec(readme)?.[1];
    expect(args).toBe("--measures, measures");
    const documented = (args ?? "").split(",").map((a) => a.trim());
    // pre-commit runs: entry + args + the staged file names.
    const withArgs = runCli([...entry, ...documented, ...answersFiles], { cwd: dir });
    expect(withArgs.stdout + withArgs.stderr).not.toContain("set-not-available");
    expect(withArgs.status).toBe(0);
    // Without them, the set kept in the repository is not found: the README says why args are needed.
    const without = runCli([...entry, ...answersFiles], { cwd: dir });
    expect(without.stdout).toContain("answers/set-not-available");
    expect(without.status).toBe(1);
    // The measures hook on the set's files, as staged.
    const measuresHook = hooks.find((h) => h.id === "netdz-validate-measures");
    const setFiles = ["measures/example-province/1.0.0/set.yaml"];
    expect(setFiles.every((f) => new RegExp(measuresHook?.files ?? "^$").test(f))).toBe(true);
    expect(
      runCli([...(measuresHook?.entry ?? "").split(" ").slice(1), ...setFiles], { cwd: dir })
        .status,
    ).toBe(0);
  });
});
