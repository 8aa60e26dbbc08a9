import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/core/model.js";
import { DIAGNOSTIC_FORMATS } from "../../src/render/diagnostic-formats.js";
import {
  AGGREGATE_FORMAT_NAMES,
  AGGREGATE_FORMATS,
  DEFAULT_AGGREGATE_FORMAT,
  DEFAULT_DIFF_FORMAT,
  DIFF_FORMAT_NAMES,
  DIFF_FORMATS,
  DEFAULT_REPORT_FORMAT,
  defaultOutputName,
  isFormat,
  REPORT_FORMAT_NAMES,
  REPORT_FORMATS,
} from "../../src/render/reporters.js";
import { reportPathFor } from "../../src/commands/assess.js";
import { ROOT } from "../helpers.js";

describe("the reporter registry", () => {
  it("names its formats in order, the default first", () => {
    expect(REPORT_FORMAT_NAMES).toEqual(Object.keys(REPORT_FORMATS));
    expect(REPORT_FORMAT_NAMES[0]).toBe(DEFAULT_REPORT_FORMAT);
    expect(isFormat(REPORT_FORMATS, "md")).toBe(true);
    expect(isFormat(REPORT_FORMATS, "toString")).toBe(false);
    expect(isFormat(REPORT_FORMATS, "xml")).toBe(false);
  });

  it("gives every format an extension, a media type and a description in each language", () => {
    const all = [
      ...Object.entries(REPORT_FORMATS),
      ...Object.entries(AGGREGATE_FORMATS),
      ...Object.entries(DIFF_FORMATS),
    ];
    for (const [name, reporter] of all) {
      expect(reporter.extension, name).toMatch(/^[a-z0-9]+$/);
      expect(reporter.mediaType, name).toMatch(/^[a-z]+\/[a-z0-9.+-]+(; charset=utf-8)?$/);
      // Text is what a terminal may be given; everything else is bytes.
      expect(reporter.binary, name).toBe(!/^text\/|^application\/json$/.test(reporter.mediaType));
      for (const lang of LANGS) expect(reporter.description[lang], name).toMatch(/\S{2}/);
    }
    expect(AGGREGATE_FORMAT_NAMES[0]).toBe(DEFAULT_AGGREGATE_FORMAT);
    expect(DIFF_FORMAT_NAMES[0]).toBe(DEFAULT_DIFF_FORMAT);
  });

  it("names default output files from the format's extension", () => {
    expect(defaultOutputName("suzhou", REPORT_FORMATS.json)).toBe("suzhou-report.json");
    expect(reportPathFor(path.join("zones", "suzhou.yaml"))).toBe(
      path.join("zones", `suzhou-report.${REPORT_FORMATS[DEFAULT_REPORT_FORMAT].extension}`),
    );
  });

  it("is the README's list of report formats, row for row", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const rows = readme
      .split("\n")
      .filter((line) => /^\| `[a-z0-9]+`( \(default\))? \| `\./.test(line));
    expect(readme).toContain(`netdz report [ANSWERS] [--format ${REPORT_FORMAT_NAMES.join("|")}]`);
    expect(rows).toEqual(
      REPORT_FORMAT_NAMES.map((name) => {
        const r = REPORT_FORMATS[name];
        const label = name === DEFAULT_REPORT_FORMAT ? `\`${name}\` (default)` : `\`${name}\``;
        return `| ${label} | \`.${r.extension}\` | \`${r.mediaType}\` | ${r.description.en} |`;
      }),
    );
  });

  it("is the README's --format list of aggregate, diff and validate", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(readme).toContain(
      `netdz aggregate [PATHS...] [--format ${AGGREGATE_FORMAT_NAMES.join("|")}]`,
    );
    expect(readme).toContain(`netdz diff OLD NEW [--format ${DIFF_FORMAT_NAMES.join("|")}]`);
    expect(readme).toContain(
      `netdz validate [PATHS...] [--format ${DIAGNOSTIC_FORMATS.join("|")}]`,
    );
    // Each format other than the default has its own paragraph in its command's section.
    for (const [command, names, fallback] of [
      ["aggregate", AGGREGATE_FORMAT_NAMES, DEFAULT_AGGREGATE_FORMAT],
      ["diff", DIFF_FORMAT_NAMES, DEFAULT_DIFF_FORMAT],
    ] as const) {
      const section = readme.split(`### \`netdz ${command}\``)[1]?.split("\n### ")[0] ?? "";
      for (const name of names.filter((n) => n !== fallback)) {
        expect(section, `${command} ${name}`).toContain(`\`--format ${name}\``);
      }
    }
  });
});
