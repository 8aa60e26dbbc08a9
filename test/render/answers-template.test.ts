import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { answersTemplate } from "../../src/render/answers-template.js";
import path from "node:path";
import { profileValueLabel } from "../../src/core/applicability.js";
import { loadValidSet } from "../../src/fs/workspace.js";
import { PACKAGE_ROOT } from "../../src/package-root.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

const { set } = await loadReportInput();

describe("the answers template of init", () => {
  it.each(LANGS)("names every optional key of an answer entry in its comment (%s)", (lang) => {
    const template = answersTemplate(set, lang, "");
    const comments = template
      .split("\n")
      .filter((line) => line.trimStart().startsWith("#"))
      .join("\n");
    for (const key of ["evidence", "note", "answeredAt", "review", "owner", "due"]) {
      expect(comments).toMatch(new RegExp(`\\b${key}: `));
    }
    expect(comments).toMatch(/due: \d{4}-\d{2}-\d{2}/);
    // Still a valid answers file skeleton.
    expect(parse(template)).toMatchObject({ format: "netdz-answers/1" });
  });

  it.each(LANGS)(
    "never parts a profile option of the bundled set from its label, nor starts a line with a bar (%s)",
    async (lang) => {
      const bundled = await loadValidSet(
        path.join(PACKAGE_ROOT, "measures", "workplan-2025", "1.1.0"),
        PACKAGE_ROOT,
      );
      const template = answersTemplate(bundled, lang, "");
      const zone = template.slice(template.indexOf("zone:"), template.indexOf("answers:"));
      const lines = zone.split("\n");
      for (const line of lines) expect(line).not.toMatch(/^\s*#\s+#\s+\|/);
      let checked = 0;
      // A derived field (the region) is not asked, so not in the template.
      for (const field of bundled.profile.filter((f) => f.derive === undefined)) {
        for (const option of field.options ?? []) {
          const label = profileValueLabel(bundled, field.id, option.id)[lang];
          if (label.toLowerCase() === option.id.toLowerCase()) continue;
          const shown = lang === "zh" ? `${option.id}（${label}）` : `${option.id} (${label})`;
          expect(lines.some((line) => line.includes(shown))).toBe(true);
          checked++;
        }
      }
      // Every province has a Chinese name; in English most read as their id.
      expect(checked).toBeGreaterThan(lang === "zh" ? 30 : 0);
    },
  );
});
