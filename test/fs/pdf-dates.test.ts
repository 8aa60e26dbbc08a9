// A PDF printed by Chromium is dated by the clock; netdz rewrites the two dates in place with the
// report date, each with a string of exactly its length, so the cross-reference table holds.
import { describe, expect, it } from "vitest";
import { withPdfDates } from "../../src/fs/pdf.js";

/** A small PDF laid out as Skia writes one: the information dictionary first, a classic xref. */
function pdf(info: string, extra = ""): Uint8Array {
  const objects = [
    `1 0 obj\n<<${info}>>\nendobj\n`,
    "2 0 obj\n<</Type /Catalog\n/Pages 3 0 R>>\nendobj\n",
    `3 0 obj\n<</Type /Pages\n/Count 0\n/Kids []${extra}>>\nendobj\n`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const object of objects) {
    offsets.push(body.length);
    body += object;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(body, "latin1");
}

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");
const NEW_YEAR = new Date(Date.UTC(2026, 0, 1));

describe("withPdfDates", () => {
  it("sets CreationDate and ModDate to the time in UTC, keeping every offset", () => {
    const input = pdf(
      "/Title (Zone)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261201185803+08'00')\n" +
        "/ModDate (D:20261201185803+08'00')",
    );
    const before = text(input);
    const out = text(withPdfDates(input, NEW_YEAR));
    expect(out.length).toBe(before.length);
    expect(out).toContain("/CreationDate (D:20260101000000+00'00')");
    expect(out).toContain("/ModDate (D:20260101000000+00'00')");
    expect(out.replace(/\(D:\d{14}[^)]*\)/g, "")).toBe(before.replace(/\(D:\d{14}[^)]*\)/g, ""));
    // Each object still starts where the xref table says.
    const entries = [...out.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    entries.forEach((offset, i) =>
      expect(out.slice(offset)).toMatch(new RegExp(`^${i + 1} 0 obj`)),
    );
  });

  it("keeps the Z form and its length", () => {
    const out = text(withPdfDates(pdf("/CreationDate (D:20261201185803Z)"), NEW_YEAR));
    expect(out).toContain("/CreationDate (D:20260101000000Z)");
  });

  it("gives the same bytes for two prints at different times and time zones", () => {
    const a = pdf("/CreationDate (D:20261201185803+00'00')\n/ModDate (D:20261201185803+00'00')");
    const b = pdf("/CreationDate (D:20261202010203-05'00')\n/ModDate (D:20261202010203-05'00')");
    expect(text(withPdfDates(a, NEW_YEAR))).toBe(text(withPdfDates(b, NEW_YEAR)));
  });

  it("leaves a date-like text in the title, and dates of other objects, alone", () => {
    // A "(" in a literal string is written "\(", so a title cannot pass for a key.
    const title = "/Title (x /CreationDate \\(D:20261201185803+00'00'\\))";
    const input = pdf(
      `${title}\n/CreationDate (D:20261201185803+00'00')`,
      "\n/ModDate (D:20261201185803+00'00')",
    );
    const out = text(withPdfDates(input, NEW_YEAR));
    expect(out).toContain(title);
    expect(out).toContain("/Kids []\n/ModDate (D:20261201185803+00'00')");
    expect(out).toContain("\n/CreationDate (D:20260101000000+00'00')");
  });

  it("leaves a PDF it cannot read its way through as it is", () => {
    for (const broken of [
      "%PDF-1.4\nno trailer here",
      text(pdf("/CreationDate (D:20261201185803+00'00')")).replace("/Info 1 0 R", "/Info 9 0 R"),
      text(pdf("/CreationDate (D:2026)")),
    ]) {
      const bytes = Buffer.from(broken, "latin1");
      expect(text(withPdfDates(bytes, NEW_YEAR))).toBe(broken);
    }
  });
});
