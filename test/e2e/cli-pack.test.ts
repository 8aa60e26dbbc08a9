/**
 * The package as users get it: packed with `npm pack` from a copy of what package.json's `files`
 * names, installed from the tarball into an empty project (npm's cache in the temp folder, so the
 * registry is the only network used), then run. Needs the build (dist/bundle) in place.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

interface Manifest {
  version: string;
  files: string[];
  scripts: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Manifest;

describe("npm pack, installed from the tarball", { timeout: 120_000 }, () => {
  let work = "";
  let project = "";
  let entries: string[] = [];
  let packed: Manifest;

  const npmEnv = (): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: work,
    npm_config_cache: path.join(work, "npm-cache"),
    npm_config_update_notifier: "false",
    npm_config_audit: "false",
    npm_config_fund: "false",
  });

  beforeAll(() => {
    work = mkdtempSync(path.join(tmpdir(), "netdz-pack-"));
    // Pack a copy, so the check never rewrites this checkout's package.json under other tests.
    const stage = path.join(work, "stage");
    mkdirSync(stage);
    for (const name of ["package.json", "README.md", "LICENSE", "scripts/pack-manifest.mjs"]) {
      cpSync(path.join(ROOT, name), path.join(stage, name), { recursive: true });
    }
    for (const name of manifest.files) {
      cpSync(path.join(ROOT, name), path.join(stage, name), { recursive: true });
    }
    execFileSync(NPM, ["pack", "--pack-destination", work], {
      cwd: stage,
      env: npmEnv(),
      stdio: "pipe",
    });
    const tarball = path.join(work, `netdz-${manifest.version}.tgz`);
    entries = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    packed = JSON.parse(
      execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }),
    ) as Manifest;
    project = path.join(work, "project");
    mkdirSync(project);
    writeFileSync(
      path.join(project, "package.json"),
      '{ "name": "zone", "version": "1.0.0", "private": true }\n',
    );
    execFileSync(NPM, ["install", "--no-save", "--prefer-offline", tarball], {
      cwd: project,
      env: npmEnv(),
      stdio: "pipe",
    });
  });

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const netdz = (args: string[]) =>
    spawnSync(path.join(project, "node_modules", ".bin", "netdz"), args, {
      cwd: project,
      env: { PATH: process.env.PATH, HOME: work, LANG: "C" },
      encoding: "utf8",
      timeout: 30_000,
    });

  it("ships the bundle, the measures, the schemas and a LICENSE, and nothing to build", () => {
    const files = entries.filter(Boolean).map((entry) => entry.replace(/^package\//, ""));
    expect(files).toContain("LICENSE");
    expect(files).toContain("bin/netdz.js");
    expect(files).toContain("dist/bundle/main.js");
    expect(files).toContain("schemas/answers.schema.json");
    expect(files).toContain("measures/workplan-2025/1.0.0/set.yaml");
    // Only the bundle: no unbundled compiled modules, no sources, no tests.
    expect(files.filter((f) => f.startsWith("dist/") && !f.startsWith("dist/bundle/"))).toEqual([]);
    expect(files.filter((f) => /^(src|test|scripts)\//.test(f))).toEqual([]);
    expect(readFileSync(path.join(ROOT, "LICENSE"), "utf8")).toMatch(
      /^MIT License\n\nCopyright \(c\) \d{4} netdz contributors\n/,
    );
  });

  it("has no script npm would run on install", () => {
    for (const name of ["preinstall", "install", "postinstall", "prepare"]) {
      expect(packed.scripts[name], name).toBeUndefined();
    }
    // The checkout keeps building on `npm ci`.
    expect(manifest.scripts.prepare).toBe("npm run build");
  });

  it("runs --version, list, init and validate", () => {
    const version = netdz(["--version"]);
    expect([version.status, version.stdout]).toEqual([0, `${manifest.version}\n`]);

    const list = netdz(["list"]);
    expect(list.status).toBe(0);
    // Both bundled versions are packed, the newest listed first.
    expect(list.stdout.split("\n")[0]).toMatch(/^workplan-2025@1\.1\.0 {2}\S/);
    expect(list.stdout).toContain("node_modules/netdz/measures/workplan-2025/1.1.0");
    expect(list.stdout).toContain("node_modules/netdz/measures/workplan-2025/1.0.0");

    const init = netdz(["init", "--answers", "zone.yaml"]);
    expect(init.status, init.stderr).toBe(0);
    const written = readFileSync(path.join(project, "zone.yaml"), "utf8");
    // The project's own node_modules is a stable place for the schema path.
    expect(written.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=node_modules/netdz/schemas/answers.schema.json",
    );
    expect(existsSync(path.join(project, "node_modules/netdz/schemas/answers.schema.json"))).toBe(
      true,
    );

    const validate = netdz(["validate", "zone.yaml"]);
    expect(validate.status, validate.stdout + validate.stderr).toBe(0);
    // A fresh template is valid; its only warnings are the zone profile still to fill in.
    const warnings = validate.stdout.trimEnd().split("\n");
    for (const line of warnings) {
      expect(line).toMatch(/^zone\.yaml:\d+:\d+ {2}warning {2}answers\/profile-missing {2}\S/);
    }
    expect(validate.stderr).toBe(
      `✔ 1 answers file: valid (0 errors, ${warnings.length} warnings)\n`,
    );
    expect(readdirSync(project).sort()).toEqual(["node_modules", "package.json", "zone.yaml"]);
  });
});
