import { describe, expect, it } from "vitest";
import { aggregate } from "../../src/commands/aggregate.js";
import type { Lang } from "../../src/core/model.js";
import { heatColour } from "../../src/render/report-html.js";
import { captureIo, ROOT } from "../helpers.js";

const LANGS: readonly Lang[] = ["en", "zh"];

async function rollUpHtml(lang: Lang): Promise<string> {
  const io = captureIo(ROOT, { TZ: "UTC" });
  await aggregate(
    {
      paths: ["test/fixtures/province"],
      format: "html",
      lang,
      minCompleteness: 80,
      bottom: 5,
      measures: "test/fixtures/report/sets",
    },
    io,
  );
  return io.out();
}

describe("netdz aggregate --format html", () => {
  it.each(LANGS)("in %s matches its golden file", async (lang) => {
    await expect(await rollUpHtml(lang)).toMatchFileSnapshot(
      `../golden/aggregate/province.${lang}.html`,
    );
  });

  it("has the Markdown roll-up's sections in order, one h1, scoped headers and nothing loaded", async () => {
    const page = await rollUpHtml("en");
    expect([...page.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "league",
      "regions",
      "matrix",
      "common-gaps",
      "bottom",
      "set-problems",
      "left-out",
      "method",
    ]);
    expect(page.match(/<h1\b/g)).toHaveLength(1);
    for (const th of page.match(/<th\b[^>]*>/g) ?? []) expect(th).toMatch(/ scope="col"/);
    expect(page).not.toMatch(/<script\b|<link\b|<img\b|url\(/i);
  });

  it("shades every matrix cell by its score and prints the score in it", async () => {
    const page = await rollUpHtml("en");
    const matrix = page.slice(
      page.indexOf('<table id="table-matrix"'),
      page.indexOf("</table>", page.indexOf('<table id="table-matrix"')),
    );
    const cells = [
      ...matrix.matchAll(
        /<td class="num nowrap" style="background:([^"]+)" data-label="M\d\d">([\d.]+)<\/td>/g,
      ),
    ];
    expect(cells.length).toBeGreaterThan(20);
    for (const [, colour, value] of cells) expect(colour).toBe(heatColour(Number(value)));
    // A measure that does not apply is an empty cell, not a coloured zero.
    expect(matrix).toMatch(/<td class="num nowrap" data-label="M\d\d">—<\/td>/);
  });

  it("shows the regions side by side, each with its own heading and table", async () => {
    const page = await rollUpHtml("zh");
    const regions = page.slice(
      page.indexOf('<section id="regions"'),
      page.indexOf('<section id="matrix"'),
    );
    expect(regions).toContain('<div class="side-by-side">');
    const parts = regions.match(/<div class="part" role="group"/g) ?? [];
    expect(parts.length).toBeGreaterThan(1);
    expect((regions.match(/<table /g) ?? []).length).toBe(parts.length);
  });

  it("shades from pale red through yellow to pale green", () => {
    expect(heatColour(0)).toBe("hsl(0, 70%, 86%)");
    expect(heatColour(50)).toBe("hsl(60, 70%, 86%)");
    expect(heatColour(100)).toBe("hsl(120, 70%, 86%)");
    expect(heatColour(150)).toBe("hsl(120, 70%, 86%)");
  });
});
