import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, FIXTURES, ROOT, tempDir } from "../helpers.js";

const TRACE = path.join(ROOT, "test", "e2e", "module-trace", "register.mjs");

/** Runs the built netdz and returns the URLs of every module it resolved. */
function modulesLoaded(args: string[], env: NodeJS.ProcessEnv = {}): string[] {
  const out = path.join(tempDir(), "trace.txt");
  const result = spawnSync(process.execPath, ["--import", TRACE, BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NETDZ_TRACE_OUT: out, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(out, "utf8").split("\n").filter(Boolean);
}

const isChalk = (url: string) => url.includes("/node_modules/chalk/");

describe("modules a command loads (spawned, built bundle)", () => {
  it("validate with output that is not coloured never loads chalk", () => {
    const loaded = modulesLoaded(["validate", "measures/"]);
    expect(loaded.some((url) => url.endsWith("/dist/bundle/main.js"))).toBe(true);
    expect(loaded.filter(isChalk)).toEqual([]);
  });

  it("validate loads chalk when colour is forced, so the trace does see it", () => {
    const answers = path.join(FIXTURES, "answers", "mini-valid.yaml");
    const loaded = modulesLoaded(["validate", answers, "--measures", path.join(FIXTURES, "sets")], {
      FORCE_COLOR: "1",
    });
    expect(loaded.filter(isChalk).some((url) => url.endsWith("/chalk/source/index.js"))).toBe(true);
  });

  it("--help loads no command module, no prompt library and no YAML parser", () => {
    const loaded = modulesLoaded(["--help"]);
    const heavy = loaded.filter((url) =>
      /\/node_modules\/(chalk|yaml|js-yaml|ajv|@inquirer)\/|\/dist\/bundle\/(assess|report|validate|init|list)-/.test(
        url,
      ),
    );
    expect(heavy).toEqual([]);
  });

  it("--help and --version load neither the diagnostics renderer nor its messages", () => {
    for (const args of [["--help"], ["--version"]]) {
      const loaded = modulesLoaded(args).filter((url) => url.includes("/dist/bundle/"));
      expect(loaded.length).toBeGreaterThan(0);
      // Words only the diagnostic message table holds (the renderer loads it).
      const withMessages = loaded.filter((url) =>
        readFileSync(new URL(url), "utf8").includes("checking this file stopped there"),
      );
      expect(withMessages, args.join(" ")).toEqual([]);
    }
  });
});
