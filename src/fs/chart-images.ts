/**
 * Rasterises a chart's SVG to PNG for the Word report with resvg (a renderer shipped as a
 * prebuilt binary inside its npm package: no browser, no download). Its text is set in a CJK
 * sans-serif face of the machine (which has Latin letters too) and a Latin sans-serif beside it.
 * The font files are looked for once per process, at the usual places on Linux, macOS and
 * Windows, then through fontconfig (`fc-match`, as CI checks for a CJK font); only those files
 * are loaded, not every font on the machine (which took about 100 MB and 2 s a document). When
 * no CJK face is found, the machine's fonts are all loaded, as a browser would look for one.
 * This reads the font folders: I/O, hence here in fs/.
 */
import { execFile } from "node:child_process";
import { access } from "node:fs/promises";
import type { ChartImage } from "../render/report-docx.js";

/** Pixels per SVG unit: a sharp picture when printed at the size the document gives it. */
const ZOOM = 2;

interface FontFile {
  file: string;
  family: string;
}

/** CJK sans-serif faces (each with Latin letters), the first found is used. */
const CJK_FONTS: readonly FontFile[] = [
  { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" },
  { file: "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" },
  { file: "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" },
  { file: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", family: "WenQuanYi Micro Hei" },
  { file: "/System/Library/Fonts/PingFang.ttc", family: "PingFang SC" },
  { file: "/System/Library/Fonts/Hiragino Sans GB.ttc", family: "Hiragino Sans GB" },
  { file: "C:\\Windows\\Fonts\\msyh.ttc", family: "Microsoft YaHei" },
];

/** Latin sans-serif faces, for text a CJK face lacks; the first found is used. */
const LATIN_FONTS: readonly FontFile[] = [
  { file: "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", family: "DejaVu Sans" },
  {
    file: "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    family: "Liberation Sans",
  },
  { file: "/System/Library/Fonts/Helvetica.ttc", family: "Helvetica" },
  { file: "C:\\Windows\\Fonts\\arial.ttf", family: "Arial" },
];

/** The fonts charts are set in: the files to load and the family of plain sans-serif text. */
export interface ChartFonts {
  /** Font files to load; empty when the machine's fonts are all loaded instead. */
  files: string[];
  family: string;
  loadSystemFonts: boolean;
}

async function firstExisting(fonts: readonly FontFile[]): Promise<FontFile | undefined> {
  for (const font of fonts) {
    if (
      await access(font.file).then(
        () => true,
        () => false,
      )
    )
      return font;
  }
  return undefined;
}

/** fontconfig's CJK sans-serif face, or undefined when there is no fontconfig or no such face. */
function fontconfigCjk(): Promise<FontFile | undefined> {
  return new Promise((resolve) => {
    execFile(
      "fc-match",
      ["--format=%{file}\n%{family[0]}", "sans-serif:lang=zh-cn"],
      { timeout: 2_000, encoding: "utf8", maxBuffer: 1 << 16 },
      (error, stdout) => {
        const [file = "", family = ""] = stdout.split("\n");
        // fc-match always answers; a face without Chinese (e.g. DejaVu) is no CJK face.
        const cjk = /CJK|Hei|Song|Ming|Kai|Han|PingFang|YaHei|WenQuanYi|Droid Sans Fallback/i;
        resolve(!error && file !== "" && cjk.test(family) ? { file, family } : undefined);
      },
    );
  });
}

/** Finds the chart fonts on this machine. */
export async function findChartFonts(): Promise<ChartFonts> {
  const cjk = (await firstExisting(CJK_FONTS)) ?? (await fontconfigCjk());
  if (cjk === undefined) {
    return { files: [], family: "Noto Sans CJK SC", loadSystemFonts: true };
  }
  const latin = await firstExisting(LATIN_FONTS);
  return {
    files: [cjk.file, ...(latin === undefined ? [] : [latin.file])],
    family: cjk.family,
    loadSystemFonts: false,
  };
}

let chartFonts: Promise<ChartFonts> | undefined;

/** The SVG as PNG bytes. */
export async function rasteriseChart(svg: string): Promise<ChartImage> {
  const { Resvg } = await import("@resvg/resvg-js");
  chartFonts ??= findChartFonts();
  const fonts = await chartFonts;
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: ZOOM },
    background: "#ffffff",
    font: {
      loadSystemFonts: fonts.loadSystemFonts,
      fontFiles: fonts.files,
      defaultFontFamily: fonts.family,
      sansSerifFamily: fonts.family,
    },
  });
  return { png: new Uint8Array(resvg.render().asPng()) };
}
