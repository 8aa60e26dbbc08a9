// Issue 7: no input may make a command use more than 250 MB or run longer than a few seconds per
// megabyte. `netdz report` of the worst valid answers files — just under the 10 MB read limit
// and the 200,000-entry limit, shaped to make a report large — stays under 250 MB in every
// format it writes here (Markdown, JSON, HTML, Word; PDF is the HTML printed by a browser, see
// scripts/report-memory.mjs). The Markdown, JSON and HTML reports hold everything: every evidence
// item, the whole note; the Word report, a printed-style document like the PDF, holds the first
// DOCUMENT_MAX_EVIDENCE items of a question and DOCUMENT_MAX_TEXT characters of a text, saying
// each cut with the exact count. The peak resident memory is read from the process itself.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { countEntries } from "../../src/core/yaml-entries.js";
import { documentMessages } from "../../src/i18n/document-messages.js";
import { DOCUMENT_MAX_EVIDENCE, DOCUMENT_MAX_TEXT } from "../../src/render/print-limits.js";
import { BIN, PEAK_RSS, ROOT, tempDir } from "../helpers.js";

const HEAD =
  "format: netdz-answers/1\n" +
  "measureSet: { id: workplan-2025, version: 1.1.0 }\n" +
  "zone: { name: Z, province: jiangsu, westernHubArea: false, ftzLinked: true, customsArea: true }\n" +
  "answers:\n";

const LIMIT = 9.9 * 1024 * 1024;
const ITEMS = 199_000;
const item = (i: number) => `docs/evidence-${String(i).padStart(6, "0")}-${"y".repeat(24)}.pdf`;
/** Characters each format escapes, with a tab and a Chinese one. */
const ESCAPES = '|"\\<&_*\t中';
const NOTE = "长文本备注，".repeat(Math.floor(LIMIT / 18));
/** The 9.9 MB evidence URL (Chinese and Latin characters). */
const URL_10MB = `https://x.cn/${"证a".repeat(Math.floor(LIMIT / 4) - 10)}`;
/** The Word report's cut lines (LANG=C: English). */
const cuts = documentMessages("en").printCuts;

/** The status questions of the bundled set 1.1.0. */
function statusQuestions(): string[] {
  const dir = path.join(ROOT, "measures", "workplan-2025", "1.1.0");
  return readdirSync(dir)
    .filter((name) => /^m\d\d-.*\.yaml$/.test(name))
    .sort()
    .flatMap((name) => {
      const measure = yaml.load(readFileSync(path.join(dir, name), "utf8")) as {
        questions: { id: string; type: string }[];
      };
      return measure.questions.filter((q) => q.type === "status").map((q) => q.id);
    });
}

interface Shape {
  name: string;
  text: () => string;
  formats: string[];
  /** What each report must hold: the output's text (docx: document.xml). */
  holds: (output: string, format: string) => void;
}

const shapes: Shape[] = [
  {
    name: "199,000 evidence items on one question (9.7 MB)",
    text: () =>
      `${HEAD}  M01.Q1: { status: implemented, evidence: [${Array.from({ length: ITEMS }, (_, i) => item(i)).join(", ")}] }\n`,
    formats: ["md", "json", "html", "docx"],
    holds: (output, format) => {
      if (format === "json") {
        const q = (JSON.parse(output) as { questions: { id: string; evidence?: string[] }[] })
          .questions;
        expect(q.find((x) => x.id === "M01.Q1")?.evidence).toHaveLength(ITEMS);
        return;
      }
      if (format === "docx") {
        // The first items, a line each in the question's row, then the cut with its count.
        expect(output.match(/docs\/evidence-\d{6}-/g)).toHaveLength(DOCUMENT_MAX_EVIDENCE);
        expect(output).toContain(item(DOCUMENT_MAX_EVIDENCE - 1));
        expect(output).not.toContain(item(DOCUMENT_MAX_EVIDENCE));
        expect(output).toContain(
          cuts.moreEvidence(ITEMS - DOCUMENT_MAX_EVIDENCE, DOCUMENT_MAX_EVIDENCE),
        );
        return;
      }
      // Every item, each once, a row of its own.
      expect(output.match(/docs\/evidence-\d{6}-/g), format).toHaveLength(ITEMS);
      expect(output).toContain(item(ITEMS - 1));
    },
  },
  {
    name: "one note of 9.9 MB in Chinese",
    text: () => `${HEAD}  M01.Q1: { status: implemented, note: "${NOTE}" }\n`,
    formats: ["md", "json", "html", "docx"],
    holds: (output, format) => {
      if (format === "docx") {
        const kept = NOTE.slice(0, DOCUMENT_MAX_TEXT);
        expect(output).toContain(kept + cuts.moreCharacters(NOTE.length - DOCUMENT_MAX_TEXT));
        expect(output).not.toContain(NOTE.slice(0, DOCUMENT_MAX_TEXT + 1));
        return;
      }
      expect(output).toContain(NOTE);
    },
  },
  {
    name: "a long note on every question",
    text: () => {
      const ids = statusQuestions();
      expect(ids.length).toBeGreaterThan(50);
      const each = Math.floor(LIMIT / ids.length) - 100;
      return (
        HEAD +
        ids
          .map((id) => `  ${id}: { status: in_progress, note: "${id} ${"x".repeat(each)}" }\n`)
          .join("")
      );
    },
    formats: ["json", "docx"],
    holds: (output, format) => {
      // Word shows the notes of the questions that apply; JSON has every one.
      const ids = format === "json" ? statusQuestions() : ["M01.Q1", "M16.Q1"];
      for (const id of ids) expect(output, id).toContain(`${id} ${"x".repeat(1000)}`);
    },
  },
  {
    name: "long evidence URLs",
    text: () => {
      const ids = statusQuestions();
      const per = Math.floor(LIMIT / 260 / ids.length);
      const url = (id: string, i: number) =>
        `https://example.org/${id}/${i}/${"p".repeat(200)}?a=1`;
      return (
        HEAD +
        ids
          .map(
            (id) =>
              `  ${id}:\n    status: implemented\n    evidence:\n` +
              Array.from({ length: per }, (_, i) => `      - ${url(id, i)}\n`).join(""),
          )
          .join("")
      );
    },
    formats: ["docx"],
    holds: (output) => {
      // The first questions' links, then past the 5,000 in all each question's count.
      const per = Math.floor(LIMIT / 260 / statusQuestions().length);
      expect(output).toContain(`https://example.org/M01.Q1/`);
      expect(output).toContain(cuts.moreEvidence(per, 0));
    },
  },
  {
    // QA 7b: every character of it is escaped in every format (a regex replace over it whole
    // took 250 to 680 MB). Single-quoted, so the YAML holds the characters as they are.
    name: "one note of 9.9 MB of characters to escape",
    text: () =>
      `${HEAD}  M01.Q1: { status: planned, note: '${ESCAPES.repeat(Math.floor(LIMIT / 11))}' }\n`,
    formats: ["md", "json", "html", "docx"],
    holds: (output, format) => {
      const escaped = {
        md: '\\|"\\\\&lt;&amp;\\_\\* 中',
        json: '|\\"\\\\<&_*\\t中',
        html: "|&quot;\\&lt;&amp;_* 中",
        docx: "|&quot;\\&lt;&amp;_* 中",
      }[format];
      const count = Math.floor(LIMIT / 11);
      const found = output.split(escaped ?? "?").length - 1;
      if (format === "docx") {
        // The first DOCUMENT_MAX_TEXT characters (9 a time), then the cut with its count.
        expect(found).toBe(Math.floor(DOCUMENT_MAX_TEXT / [...ESCAPES].length));
        expect(output).toContain(
          cuts.moreCharacters(count * [...ESCAPES].length - DOCUMENT_MAX_TEXT),
        );
        return;
      }
      expect(found, format).toBeGreaterThanOrEqual(count - 1);
    },
  },
  {
    // 255 MB for Word before the Word report had the PDF's limits.
    name: "one evidence URL of 9.9 MB",
    text: () => `${HEAD}  M01.Q1: { status: implemented, evidence: ["${URL_10MB}"] }\n`,
    formats: ["docx"],
    holds: (output) => {
      const kept = URL_10MB.slice(0, DOCUMENT_MAX_TEXT);
      expect(output).toContain(kept + cuts.moreCharacters(URL_10MB.length - DOCUMENT_MAX_TEXT));
      expect(output).not.toContain(URL_10MB.slice(0, DOCUMENT_MAX_TEXT + 1));
    },
  },
];

describe("report of huge valid answers files in every format", () => {
  it.each(shapes)(
    "$name: under 250 MB and a few seconds per MB, with everything in it (Word: to its limits)",
    ({ text, formats, holds }) => {
      const cwd = tempDir();
      const file = path.join(cwd, "huge.yaml");
      const content = text();
      const bytes = Buffer.byteLength(content);
      expect(bytes).toBeLessThan(10 * 1024 * 1024);
      expect(countEntries(content).passedAt).toBeUndefined();
      writeFileSync(file, content);
      const env = { PATH: process.env.PATH, LANG: "C", TZ: "UTC" };
      const check = spawnSync(process.execPath, [BIN, "validate", "huge.yaml"], {
        cwd,
        env,
        encoding: "utf8",
      });
      expect(check.status, check.stdout.slice(0, 500)).toBe(0);
      for (const format of formats) {
        const out = path.join(cwd, `report.${format}`);
        const started = Date.now();
        const result = spawnSync(
          process.execPath,
          ["--import", PEAK_RSS, BIN, "report", "huge.yaml", "--format", format, "--out", out],
          { cwd, env, encoding: "utf8", timeout: 120_000 },
        );
        const seconds = (Date.now() - started) / 1000;
        expect(result.status, `${format}: ${result.stderr.slice(-500)}`).toBe(0);
        const peakMb = Number(/maxrss-kb=(\d+)/.exec(result.stderr)?.[1]) / 1024;
        expect(peakMb, format).toBeGreaterThan(0);
        expect(peakMb, format).toBeLessThan(250);
        // A few seconds per MB, with room for a loaded two-core machine.
        expect(seconds, format).toBeLessThan(5 * (bytes / 1024 / 1024));
        expect(statSync(out).size).toBeGreaterThan(0);
        const output =
          format === "docx"
            ? new TextDecoder().decode(unzipSync(readFileSync(out))["word/document.xml"])
            : readFileSync(out, "utf8");
        holds(output, format);
      }
    },
    240_000,
  );
});
