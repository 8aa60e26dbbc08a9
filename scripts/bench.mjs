// Times whole netdz processes against the floor of any Node program (`node -e 0`).
// Usage: npm run bench [-- --runs N] [-- --check]   (--check exits 1 when a target is missed)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadValidSet } from "../dist/fs/workspace.js";

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

function time(command, commandArgs) {
  const samples = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, commandArgs, {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) {
      throw new Error(`${commandArgs.join(" ")} exited ${result.status}: ${result.stderr}`);
    }
    if (i >= 2) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)];
}

const dir = mkdtempSync(path.join(tmpdir(), "netdz-bench-"));
try {
  const answers = await writeAnswers(dir);
  const floor = time(process.execPath, ["-e", "0"]);
  const cases = [
    { name: "netdz --help", args: ["--help"], target: 1.5 },
    { name: "netdz list", args: ["list"] },
    { name: "netdz validate measures/", args: ["validate", "measures/"], target: 2.5 },
    { name: "netdz report (bundled set, all answered)", args: ["report", answers], target: 3 },
  ];
  console.log(`median of ${runs} runs; floor: node -e 0 = ${floor.toFixed(1)} ms\n`);
  let missed = 0;
  for (const c of cases) {
    const ms = time(process.execPath, [bin, ...c.args]);
    const ratio = ms / floor;
    const verdict =
      c.target === undefined
        ? ""
        : ratio <= c.target
          ? `  ok (≤ ${c.target}×)`
          : `  MISSED (target ≤ ${c.target}×)`;
    if (c.target !== undefined && ratio > c.target) missed++;
    console.log(
      `${c.name.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}×${verdict}`,
    );
  }
  if (check && missed > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
