/**
 * Rasterises a chart's SVG to PNG for the Word report with resvg (a renderer shipped as a
 * prebuilt binary inside its npm package: no browser, no download). Its text is set in the
 * machine's own fonts, CJK faces first, so this reads the font folders: I/O, hence here in fs/.
 */
import type { ChartImage } from "../render/report-docx.js";

/** Pixels per SVG unit: a sharp picture when printed at the size the document gives it. */
const ZOOM = 2;

/** The SVG as PNG bytes. */
export async function rasteriseChart(svg: string): Promise<ChartImage> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: ZOOM },
    background: "#ffffff",
    font: {
      loadSystemFonts: true,
      defaultFontFamily: "Noto Sans CJK SC",
      sansSerifFamily: "Noto Sans CJK SC",
    },
  });
  return { png: new Uint8Array(resvg.render().asPng()) };
}
