// Times whole netdz processes against the floor of any Node program (`node -e 0`).
// Usage: npm run bench [-- --runs N] [-- --check]   (--check exits 1 when a target is missed)
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadValidSet } from "../dist/fs/workspace.js";
import { generateZones } from "./bench-zones.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = path.join(root, "bin", "netdz.js");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) || 15;
const check = args.includes("--check");

/** An answers file for the bundled set with every question answered, as a busy zone's would be. */
async function writeAnswers(dir) {
  const set = await loadValidSet(path.join(root, "measures", "workplan-2025", "1.0.0"), root);
  const statuses = ["implemented", "in_progress", "planned", "not_started", "unknown"];
  const lines = [
    "format: netdz-answers/1",
    `measureSet: { id: ${set.id}, version: ${set.version} }`,
    "zone: { name: Bench Zone, province: Jiangsu, region: eastern, westernHubArea: false, ftzLinked: true, customsArea: true }",
    "answers:",
  ];
  let i = 0;
  for (const measure of set.measures) {
    for (const q of measure.questions) {
      i++;
      const at = "answeredAt: 2026-11-26T10:00:00Z";
      const entry =
        q.type === "status"
          ? `status: ${statuses[i % statuses.length]}, evidence: [https://example.org/${q.id}]`
          : q.type === "number"
            ? `value: ${q.target / 2}`
            : q.type === "yesno"
              ? "value: true"
              : q.type === "choice"
                ? `value: ${q.options[0].id}`
                : q.type === "multi"
                  ? `value: [${q.options[0].id}]`
                  : 'value: "some text"';
      lines.push(`  ${q.id}: { ${entry}, ${at} }`);
    }
  }
  const file = path.join(dir, "answers.yaml");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/** The bundled measures folder copied, with one comment line added to a measure file. */
function changedCopy(dir) {
  const copy = path.join(dir, "measures-changed");
  cpSync(path.join(root, "measures"), copy, { recursive: true });
  const file = path.join(copy, "workplan-2025", "1.0.0", "m01-original-innovation.yaml");
  writeFileSync(file, `${readFileSync(file, "utf8")}# changed\n`);
  return copy;
}

function run(command, commandArgs, env = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${commandArgs.join(" ")} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

const median = (samples) => samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)];
const FLOOR = ["-e", "0"];

/**
 * The median time of a command and of its floor (`node -e 0` unless another is given) run
 * alternately with it (two warm-up rounds left out): on a shared machine the load drifts, so each
 * ratio is taken against the floor measured at the same time.
 */
function timeWithFloor(commandArgs, count = runs, env = {}, floorArgs = FLOOR) {
  const samples = [];
  const floors = [];
  for (let i = 0; i < count + 2; i++) {
    const floor = run(process.execPath, floorArgs);
    const ms = run(process.execPath, commandArgs, env);
    if (i >= 2) {
      floors.push(floor);
      samples.push(ms);
    }
  }
  return { ms: median(samples), floor: median(floors) };
}

const dir = mkdtempSync(path.join(tmpdir(), "netdz-bench-"));
try {
  const answers = await writeAnswers(dir);
  const changed = changedCopy(dir);
  const floor = timeWithFloor(FLOOR).floor;
  const cases = [
    { name: "netdz --help", args: ["--help"], target: 1.5 },
    { name: "netdz list", args: ["list"] },
    { name: "netdz validate measures/", args: ["validate", "measures/"], target: 2.5 },
    { name: "netdz report (bundled set, all answered)", args: ["report", answers], target: 3 },
    // Not targets: the same with a changed copy of the sets, which the build's snapshot of the
    // bundled sets does not cover, so they are parsed and checked in full.
    { name: "  validate, changed copy of the sets", args: ["validate", changed] },
    {
      name: "  report, changed copy of the sets",
      args: ["report", answers, "--measures", changed],
    },
  ];
  console.log(
    `median of ${runs} runs, each case alternating with node -e 0 (its floor, in brackets);\n` +
      `floor at the start: ${floor.toFixed(1)} ms\n`,
  );
  let missed = 0;
  for (const c of cases) {
    const { ms, floor: caseFloor } = timeWithFloor([bin, ...c.args]);
    const ratio = ms / caseFloor;
    const verdict =
      c.target === undefined
        ? ""
        : ratio <= c.target
          ? `  ok (≤ ${c.target}×)`
          : `  MISSED (target ≤ ${c.target}×)`;
    if (c.target !== undefined && ratio > c.target) missed++;
    console.log(
      `${c.name.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms (${caseFloor.toFixed(1)})  ${ratio.toFixed(2)}×${verdict}`,
    );
  }
  missed += await benchRollUp(dir);
  if (check && missed > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// netdz aggregate and netdz diff (issue 9): generated zones, timed against node -e 0 and against
// a bare script that only reads and parses the same files with netdz's YAML parser.

/** A script that only reads and parses every YAML file below a folder: the floor of a roll-up. */
function writeFloorScript(dir) {
  const file = path.join(dir, "floor.mjs");
  const parser = new URL("../dist/core/yaml-source.js", import.meta.url).href;
  writeFileSync(
    file,
    `import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseYamlSource } from ${JSON.stringify(parser)};
const root = process.argv[2];
let n = 0;
for (const name of readdirSync(root).sort()) {
  if (!name.endsWith(".yaml")) continue;
  const source = parseYamlSource(name, readFileSync(path.join(root, name), "utf8"));
  if (source.data !== undefined) n++;
}
if (n === 0) process.exit(1);
`,
  );
  return file;
}

/**
 * Peak resident memory of a netdz run in MB, written by the child itself at exit: the maxRSS of
 * the whole process (getrusage of the process), so aggregate's worker threads are counted.
 */
function peakMemory(dir, commandArgs, env = {}) {
  const hook = path.join(dir, "max-rss.mjs");
  const out = path.join(dir, "max-rss.txt");
  writeFileSync(
    hook,
    `import { writeFileSync } from "node:fs";
process.on("exit", () => writeFileSync(${JSON.stringify(out)}, String(process.resourceUsage().maxRSS)));
`,
  );
  const result = spawnSync(
    process.execPath,
    ["--import", pathToFileURL(hook).href, bin, ...commandArgs],
    {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`${commandArgs.join(" ")}: ${result.stderr}`);
  return Number(readFileSync(out, "utf8")) / 1024;
}

/** Times a command with a given number of runs (median). */
function timeRuns(command, commandArgs, count, env = {}) {
  const samples = [];
  for (let i = 0; i < count + 1; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, commandArgs, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // aggregate exits 1 when a file was left out; the generated files are all valid.
    if (result.status !== 0)
      throw new Error(`${commandArgs.join(" ")} exited ${result.status}: ${result.stderr}`);
    if (i > 0) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

function verdict(name, ratio, target, unit = "×") {
  const ok = ratio <= target;
  console.log(
    `${name.padEnd(58)} ${ratio.toFixed(2).padStart(7)}${unit}  ${ok ? "ok" : "MISSED"} (target ≤ ${target}${unit})`,
  );
  return ok ? 0 : 1;
}

/** The roll-up and diff targets of issue 9; returns the number of targets missed. */
async function benchRollUp(dir) {
  console.log("\nnetdz aggregate / diff (generated zones of the bundled set)");
  // aggregate checks 1,000 files or more in worker threads beside the main thread: one per core
  // but one, at most 3 (src/commands/aggregate-pool.ts); none on one core.
  const cores = availableParallelism();
  const workers = cores < 2 ? 0 : Math.min(cores - 1, 3);
  console.log(
    `${cores} cores: aggregate of 1,000 or more zones checks them in the main thread and ` +
      `${workers} worker thread(s), 230 in the main thread; the floor reads and parses in one thread`,
  );
  const big = Number(process.env.NETDZ_BENCH_ZONES) || 10_000;
  const z230 = await generateZones(path.join(dir, "z230"), 230, 1);
  const z1000 = await generateZones(path.join(dir, "z1000"), 1000, 2);
  const zBig = await generateZones(path.join(dir, "zbig"), big, 3);
  const floorScript = writeFloorScript(dir);
  const aggregate = (folder) => [bin, "aggregate", folder];
  let missed = 0;

  const t230 = timeWithFloor(aggregate(z230));
  // For comparison only (no target): the same 230 zones with one worker beside the main thread.
  const t230Worker = timeWithFloor(aggregate(z230), runs, { NETDZ_WORKERS: "1" });
  console.log(
    `aggregate, 230 zones: ${t230.ms.toFixed(1)} ms (node -e 0: ${t230.floor.toFixed(1)} ms); ` +
      `with one worker beside the main thread (NETDZ_WORKERS=1): ${t230Worker.ms.toFixed(1)} ms, ` +
      `${(t230Worker.ms / t230Worker.floor).toFixed(2)}×`,
  );
  missed += verdict("aggregate 230 zones ÷ node -e 0", t230.ms / t230.floor, 4);

  const bigRuns = Math.max(3, Math.min(5, Math.round(runs / 3)));
  const t1000 = timeRuns(process.execPath, aggregate(z1000), bigRuns);
  // The roll-up and its read-and-parse floor alternately, as the start-up cases and node -e 0.
  const { ms: tBig, floor: tFloor } = timeWithFloor(aggregate(zBig), bigRuns, {}, [
    floorScript,
    zBig,
  ]);
  // For comparison only (no target): the same roll-up checked in-process.
  const tSingle = timeRuns(process.execPath, aggregate(zBig), Math.min(3, bigRuns), {
    NETDZ_WORKERS: "0",
  });
  console.log(
    `aggregate, 1,000 zones: ${t1000.toFixed(0)} ms; ${big} zones: ${tBig.toFixed(0)} ms ` +
      `(in-process, NETDZ_WORKERS=0: ${tSingle.toFixed(0)} ms, ${(tSingle / tFloor).toFixed(2)}×); ` +
      `read and parse only, ${big} files: ${tFloor.toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)}`,
  );
  missed += verdict(`aggregate ${big} zones ÷ read-and-parse floor`, tBig / tFloor, 1.5);
  missed += verdict(`aggregate ${big} zones ÷ 1,000 zones`, tBig / t1000, (11 * big) / 10_000);
  const rss = peakMemory(dir, ["aggregate", zBig]);
  missed += verdict(`aggregate ${big} zones, peak memory (MB)`, rss, 250, " MB");
  // The pool a machine of four cores or more starts: three workers beside the main thread.
  const rss3 = peakMemory(dir, ["aggregate", zBig], { NETDZ_WORKERS: "3" });
  missed += verdict(`aggregate ${big} zones, three workers, peak memory (MB)`, rss3, 250, " MB");

  const files = [path.join(z230, "zone-00000.yaml"), path.join(z230, "zone-00004.yaml")];
  const diff = timeWithFloor([bin, "diff", ...files]);
  console.log(
    `diff of two files: ${diff.ms.toFixed(1)} ms (node -e 0 beside it: ${diff.floor.toFixed(1)} ms)`,
  );
  missed += verdict("diff ÷ node -e 0", diff.ms / diff.floor, 3);
  return missed;
}
