/**
 * The GitHub Actions workflow of the README ("netdz in CI") must really work: its YAML parses,
 * every step after one that can fail runs with `if: always()`, the final step fails the job when
 * a check failed, and each `netdz …` command it runs is a valid command (run here with the built
 * CLI against a repository with a measure set in `measures/` and its answers file).
 */
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { BIN, ROOT, tempDir } from "../helpers.js";

interface Step {
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  "continue-on-error"?: boolean;
}

const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## netdz in CI"));
const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
const workflow = parse(block) as { jobs: Record<string, { steps: Step[] }> };
const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
const netdzSteps = steps.filter((s) => s.run?.trimStart().startsWith("netdz ") === true);

describe("the README's GitHub Actions workflow", () => {
  it("keeps going after a failing check and fails the job at the end", () => {
    expect(netdzSteps.length).toBeGreaterThanOrEqual(3);
    const first = steps.findIndex((s) => s.run?.startsWith("netdz validate") === true);
    expect(first).toBeGreaterThan(0);
    // A netdz step either cannot fail the run (|| true) or keeps going (continue-on-error).
    for (const step of netdzSteps) {
      expect(step["continue-on-error"] === true || /\|\| true\s*$/.test(step.run ?? "")).toBe(true);
    }
    // Every step after the first check runs even when something before it failed.
    for (const step of steps.slice(first + 1)) expect(step.if ?? "").toMatch(/^always\(\)/);
    expect(
      steps.some((s) => s.uses?.startsWith("github/codeql-action/upload-sarif") === true),
    ).toBe(true);
    expect(netdzSteps.some((s) => /--format sarif > (\S+)/.test(s.run ?? ""))).toBe(true);
    expect(netdzSteps.some((s) => /--format github/.test(s.run ?? ""))).toBe(true);
    expect(
      netdzSteps.some((s) => /netdz report .*>> "\$GITHUB_STEP_SUMMARY"/.test(s.run ?? "")),
    ).toBe(true);
    // The last step fails when a check that kept going failed, naming each of them.
    const last = steps.at(-1);
    expect(last?.run?.trim()).toBe("exit 1");
    for (const step of steps.filter((s) => s["continue-on-error"] === true)) {
      expect(step.id).toBeDefined();
      expect(last?.if).toContain(`steps.${step.id ?? ""}.outcome == 'failure'`);
    }
  });

  it("runs valid netdz commands on a repository keeping its set in measures/", () => {
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
      path.join(dir, "netdz-answers.yaml"),
    );
    const summary = path.join(dir, "summary.md");
    writeFileSync(summary, "");
    for (const step of netdzSteps) {
      const command = (step.run ?? "")
        .replace(/\|\| true\s*$/, "")
        .replace(/^netdz /, `node ${JSON.stringify(BIN)} `);
      const result = spawnSync("sh", ["-c", command], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, GITHUB_STEP_SUMMARY: summary, NO_COLOR: "1" },
      });
      // A valid command on valid files: no usage error, no unavailable set.
      expect(result.stderr, step.run).not.toMatch(/set-not-available|unknown option|error:/i);
      expect([0, 1], `${step.run ?? ""}\n${result.stderr}`).toContain(result.status);
      if (/--format sarif/.test(step.run ?? "")) {
        const log = JSON.parse(readFileSync(path.join(dir, "netdz.sarif"), "utf8")) as {
          version: string;
          runs: { results: unknown[] }[];
        };
        expect(log.version).toBe("2.1.0");
        expect(log.runs[0]?.results).toEqual([]);
      }
      if (/--format github/.test(step.run ?? "")) expect(result.status).toBe(0);
    }
    expect(readFileSync(summary, "utf8")).toMatch(/^# /m);
  });
});
