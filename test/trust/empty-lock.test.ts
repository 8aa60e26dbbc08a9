import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { copyMiniSet, FIXTURES } from "../helpers.js";
import { run } from "../fs/run.js";

describe("an empty lock file is unreadable, never 'another session'", () => {
  it.each([["init --force", ["init", "--force", "--answers", "a.yaml", "--measures", "sets"]]])(
    "%s says the lock is unreadable and how to remove it",
    async (_name, args) => {
      const { root } = copyMiniSet();
      const cwd = path.dirname(root);
      copyFileSync(path.join(FIXTURES, "answers", "mini-valid.yaml"), path.join(cwd, "a.yaml"));
      writeFileSync(path.join(cwd, "a.yaml.lock"), "");
      const result = await run(args, cwd);
      expect(result.code).not.toBe(0);
      expect(result.err).not.toMatch(/another session/);
      expect(result.err).toMatch(/a\.yaml\.lock.*unreadable/);
      expect(result.err).toMatch(/delete a\.yaml\.lock/);
      expect(readFileSync(path.join(cwd, "a.yaml.lock"), "utf8")).toBe("");
    },
  );
});
