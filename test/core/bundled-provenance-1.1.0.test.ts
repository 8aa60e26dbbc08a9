import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { ROOT } from "../helpers.js";

// Version 1.1.0 corrects the provenance (issue 10 §3): nothing confirms that each of the four
// sections holds four measures (3/5/4/4 is at least as likely), and green upgrading is already
// part of measure 2 in the text the project holds.
const loaded = await loadSetFolder(path.join(ROOT, "measures", "workplan-2025", "1.1.0"), ROOT);
const set = loaded.set;

/** The caveat on the section split, as each language writes it. */
const SPLIT = {
  en: [/3\/5\/4\/4/, /conjecture|not confirmed|nothing confirms|unconfirmed/i],
  zh: [/3\/5\/4\/4/, /推测|未经证实/],
} as const;
const GREEN = { en: /green upgrading/i, zh: /绿色化改造/ } as const;

function carries(text: string | undefined, patterns: readonly RegExp[]): boolean {
  return text !== undefined && patterns.every((p) => p.test(text));
}

describe("workplan-2025@1.1.0 provenance", () => {
  it("loads with no problems", () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(set?.measures).toHaveLength(16);
  });

  it("says in the set's description, in both languages, that the split is unconfirmed and green upgrading is in measure 2", () => {
    for (const lang of ["en", "zh"] as const) {
      expect([lang, carries(set?.description?.[lang], SPLIT[lang])]).toEqual([lang, true]);
      expect([lang, GREEN[lang].test(set?.description?.[lang] ?? "")]).toEqual([lang, true]);
    }
  });

  it("carries the split caveat in both languages on every measure whose section placement is not from the text", () => {
    // Measures 1–3 are numbered within section 二 by the translation we hold; every other
    // measure's section and number are inferred.
    const unconfirmed = (set?.measures ?? []).filter((m) => m.provenance.basis !== "text");
    expect(unconfirmed.map((m) => m.number)).toEqual(Array.from({ length: 13 }, (_, i) => i + 4));
    const missing = unconfirmed.flatMap((m) =>
      (["en", "zh"] as const)
        .filter((lang) => !carries(m.provenance.note?.[lang], SPLIT[lang]))
        .map((lang) => `${m.id} ${lang}`),
    );
    expect(missing).toEqual([]);
  });

  it("keeps the marks honest: 1–3 text, the rest briefing or reconstructed, and no inferred measure claims the text", () => {
    for (const m of set?.measures ?? []) {
      expect([m.id, m.provenance.basis]).toEqual([
        m.id,
        m.number <= 3 ? "text" : expect.stringMatching(/^(briefing|reconstructed)$/),
      ]);
    }
  });

  it("says on measure 2 and on the green measure that green upgrading is part of measure 2", () => {
    for (const id of ["M02", "M04"]) {
      const note = set?.measures.find((m) => m.id === id)?.provenance.note;
      for (const lang of ["en", "zh"] as const) {
        expect([id, lang, GREEN[lang].test(note?.[lang] ?? "")]).toEqual([id, lang, true]);
      }
    }
  });
});
