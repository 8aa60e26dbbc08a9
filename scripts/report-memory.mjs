#!/usr/bin/env node
// Peak memory and time of `netdz report` in every format on the worst valid answers files:
// just under the 10 MB read limit and the 200,000-entry limit, shaped to make a report large
// (many evidence items on one question or on all, one 10 MB note or free-text answer, long notes
// on every question, long evidence URLs, Chinese text). Each file is checked with `netdz
// validate` first (it must be valid), then reported with /usr/bin/time.
//
//   node scripts/report-memory.mjs [--formats md,html,docx,json,pdf] [--shapes a,b] [--keep]
//
// Prints one line per shape and format: peak resident memory (MB) and seconds.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// NETDZ_BIN: another build to measure (e.g. a checkout of main).
const BIN = process.env.NETDZ_BIN ?? path.join(ROOT, "bin", "netdz.js");
const SET = path.join(ROOT, "measures", "workplan-2025", "1.1.0");
const LIMIT = 9.9 * 1024 * 1024;
/** Writes the peak resident set (KB) of the process itself to stderr as it exits. */
const PEAK_RSS =
  'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\nmaxrss-kb=${process.resourceUsage().maxRSS}\\n`))';
/** Entries a file may hold (200,000) less room for the head and the answers' keys. */
const ENTRIES = 199_000;

/** The questions of the bundled set 1.1.0: ids and types. */
export function setQuestions() {
  const out = [];
  for (const file of readdirSync(SET).sort()) {
    if (!/^m\d\d-.*\.yaml$/.test(file)) continue;
    const measure = yaml.load(readFileSync(path.join(SET, file), "utf8"));
    for (const q of measure.questions) out.push({ id: q.id, type: q.type });
  }
  return out;
}

export const HEAD =
  "format: netdz-answers/1\n" +
  "measureSet: { id: workplan-2025, version: 1.1.0 }\n" +
  "zone: { name: Z, province: jiangsu, westernHubArea: false, ftzLinked: true, customsArea: true }\n" +
  "answers:\n";

const quoted = (text) => JSON.stringify(text);

/**
 * `count` evidence items made by `item(i)` on one question: a block list (two entries an item),
 * or with `flow` a one-line flow list (one entry an item, so the most items a file may hold).
 */
function evidenceOn(id, count, item, flow = false) {
  const items = Array.from({ length: count }, (_, i) => item(i));
  if (flow) return `  ${id}: { status: implemented, evidence: [${items.join(", ")}] }\n`;
  return `  ${id}:\n    status: implemented\n    evidence:\n${items.map((x) => `      - ${x}\n`).join("")}`;
}

/** The shapes, each a function giving the file's text. */
export function shapes() {
  const qs = setQuestions();
  const status = qs.filter((q) => q.type === "status");
  const textQ = qs.find((q) => q.type === "text");
  const pad = (i) => String(i).padStart(6, "0");
  return {
    // As many short items as the entry limit allows, on one question.
    "evidence-one-short": () =>
      HEAD + evidenceOn(status[0].id, ENTRIES, (i) => `e/${pad(i)}.pdf`, true),
    // Items of ~48 bytes on one question, up to both limits.
    "evidence-one": () =>
      HEAD +
      evidenceOn(
        status[0].id,
        ENTRIES,
        (i) => `docs/evidence-${pad(i)}-${"y".repeat(24)}.pdf`,
        true,
      ),
    // The same number of items spread over every status question.
    "evidence-all": () => {
      const per = Math.floor(ENTRIES / status.length);
      return (
        HEAD +
        status
          .map((q) =>
            evidenceOn(q.id, per, (i) => `docs/${q.id}-${pad(i)}-${"y".repeat(22)}.pdf`, true),
          )
          .join("")
      );
    },
    // Long http(s) URLs: a link in every format, so each item is written twice in HTML.
    "evidence-urls": () => {
      const count = Math.floor(LIMIT / 260);
      const per = Math.ceil(count / status.length);
      return (
        HEAD +
        status
          .map((q) =>
            evidenceOn(
              q.id,
              per,
              (i) => `https://example.org/zone/${q.id}/${pad(i)}/${"p".repeat(200)}?a=1&b=2`,
            ),
          )
          .join("")
      );
    },
    // Chinese evidence items (3 bytes a character in UTF-8, 2 in memory).
    "evidence-zh": () => {
      const per = Math.floor(LIMIT / 135 / status.length);
      return (
        HEAD +
        status
          .map((q) =>
            evidenceOn(q.id, per, (i) => `证据材料第${pad(i)}号：${"开发区改革创新".repeat(4)}`),
          )
          .join("")
      );
    },
    // A zone name of almost 10 MB (in the title, the header, the footer and the properties).
    "zone-name-10mb": () =>
      HEAD.replace("name: Z,", `name: ${quoted("开发区".repeat(LIMIT / 9 - 20))},`) +
      `  ${status[0].id}: { status: implemented }\n`,
    // One note of almost 10 MB on one line (ASCII).
    "note-10mb": () =>
      `${HEAD}  ${status[0].id}: { status: implemented, note: ${quoted("note text. ".repeat(LIMIT / 11))} }\n`,
    // One note of almost 10 MB in Chinese.
    "note-10mb-zh": () =>
      `${HEAD}  ${status[0].id}: { status: implemented, note: ${quoted("长文本备注，".repeat(LIMIT / 18))} }\n`,
    // One free-text answer of almost 10 MB.
    "text-10mb": () =>
      `${HEAD}  ${textQ.id}: { value: ${quoted("free text answer ".repeat(LIMIT / 17))} }\n`,
    // One note of almost 10 MB of characters every format escapes (| " \\ < & _ * and tabs),
    // single-quoted, so the YAML holds them as they are.
    "note-escapes": () =>
      `${HEAD}  ${status[0].id}: { status: planned, note: '${'|"\\<&_*\t中'.repeat(LIMIT / 11)}' }\n`,
    // One note of almost 10 MB of markup, and a text answer of the same.
    "note-markup": () =>
      `${HEAD}  ${status[0].id}: { status: planned, note: ${quoted("<b>&amp;|".repeat(LIMIT / 9))} }\n`,
    "text-markup": () =>
      `${HEAD}  ${textQ.id}: { value: ${quoted("<b>&amp;|".repeat(LIMIT / 9))} }\n`,
    // One evidence URL of almost 10 MB (Chinese and letters: 4 bytes a pair in UTF-8).
    "evidence-url-10mb": () =>
      `${HEAD}  ${status[0].id}: { status: implemented, evidence: [${quoted(`https://x.cn/${"证a".repeat(LIMIT / 4 - 10)}`)}] }\n`,
    // A long note on every question (answered ones, so the note shows in the answers section).
    "notes-all": () => {
      const each = Math.floor(LIMIT / (qs.length + 4)) - 100;
      return (
        HEAD +
        qs
          .map((q) => {
            const note = quoted("x".repeat(each - 60) + " and more.");
            if (q.type === "status") return `  ${q.id}: { status: in_progress, note: ${note} }\n`;
            if (q.type === "text") return `  ${q.id}: { value: ${note}, note: ${note} }\n`;
            return `  ${q.id}: { status: unknown, note: ${note} }\n`;
          })
          .join("")
      );
    },
    // Chinese notes on every question, with review marks (listed twice: answers and review).
    "notes-all-zh": () => {
      const each = Math.floor(LIMIT / qs.length / 3) - 60;
      return (
        HEAD +
        qs
          .map((q) => {
            const note = quoted("中".repeat(each));
            if (q.type === "status")
              return `  ${q.id}: { status: in_progress, note: ${note}, review: true }\n`;
            return `  ${q.id}: { note: ${note}, review: true }\n`;
          })
          .join("")
      );
    },
  };
}

function main() {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i === -1 ? undefined : args[i + 1];
  };
  const formats = (opt("--formats") ?? "md,html,docx,json,pdf").split(",");
  const all = shapes();
  const names = (opt("--shapes") ?? Object.keys(all).join(",")).split(",");
  const dir = mkdtempSync(path.join(tmpdir(), "netdz-report-memory-"));
  const env = { PATH: process.env.PATH, LANG: "C", TZ: "UTC" };
  try {
    for (const name of names) {
      const file = path.join(dir, `${name}.yaml`);
      writeFileSync(file, all[name]());
      const mb = statSync(file).size / 1024 / 1024;
      const check = spawnSync(process.execPath, [BIN, "validate", file], { env, encoding: "utf8" });
      if (check.status !== 0) {
        console.log(`${name}: INVALID (${mb.toFixed(1)} MB)\n${check.stdout.slice(0, 600)}`);
        continue;
      }
      for (const format of formats) {
        const out = path.join(dir, `${name}.${format}`);
        const run = spawnSync(
          "/usr/bin/time",
          [
            "-f",
            "%M KB %e s",
            process.execPath,
            "--import",
            PEAK_RSS,
            BIN,
            "report",
            file,
            "--format",
            format,
            "--out",
            out,
          ],
          { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
        );
        // The netdz process's own peak (process.resourceUsage), and /usr/bin/time's, which for a
        // PDF is the largest of netdz and the browser's processes.
        const time = /(\d+) KB ([\d.]+) s/.exec(run.stderr);
        const self = /maxrss-kb=(\d+)/.exec(run.stderr);
        const peak = self ? (Number(self[1]) / 1024).toFixed(0) : "?";
        const tree = time ? ` (largest process ${(Number(time[1]) / 1024).toFixed(0)} MB)` : "";
        const outMb = run.status === 0 ? (statSync(out).size / 1024 / 1024).toFixed(1) : "-";
        const status = run.status === 0 ? "" : ` EXIT ${run.status}: ${run.stderr.slice(-300)}`;
        console.log(
          `${name.padEnd(20)} ${mb.toFixed(1).padStart(4)} MB  ${format.padEnd(4)} ` +
            `${peak.padStart(5)} MB ${(time?.[2] ?? "?").padStart(6)} s  out ${outMb} MB` +
            `${format === "pdf" ? tree : ""}${status}`,
        );
        rmSync(out, { force: true });
      }
    }
  } finally {
    if (!args.includes("--keep")) rmSync(dir, { recursive: true, force: true });
    else console.log(`files kept in ${dir}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
