import ExcelJS from "exceljs";
import { unzipSync, zipSync } from "fflate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { aggregate, summariseZone, type Aggregate } from "../../src/core/aggregate.js";
import type { AnswersFile } from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { AGGREGATE_FORMATS, AGGREGATE_FORMAT_NAMES } from "../../src/render/reporters.js";
import { documentTime, withEntryTimes } from "../../src/render/zip-time.js";
import { loadDemoSet } from "./report-fixtures.js";

const set = loadDemoSet();

function rollUp(date: string | undefined): Aggregate {
  const zones = ["Alpha ETDZ", "Beta ETDZ"].map((name, i) => {
    const answers: AnswersFile = {
      format: "netdz-answers/1",
      measureSet: { id: set.id, version: set.version },
      zone: { name, province: "Jiangsu", region: "eastern" },
      answers: { "M01.Q1": { status: i === 0 ? "implemented" : "planned" } },
    };
    return summariseZone({
      file: `z${i}.yaml`,
      answers,
      assessment: scoreAssessment(set, answers),
    });
  });
  const agg = aggregate(set, zones, [], { minCompleteness: 0, bottom: 5 });
  if (date !== undefined) agg.options.date = date;
  return agg;
}

/** Renders at a given clock time and time zone. */
async function renderAt(
  format: (typeof AGGREGATE_FORMAT_NAMES)[number],
  agg: Aggregate,
  clock: string,
  tz: string,
): Promise<Uint8Array> {
  const saved = process.env.TZ;
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(clock));
  process.env.TZ = tz;
  try {
    const out = await AGGREGATE_FORMATS[format].render(agg, { lang: "zh" });
    return typeof out === "string" ? new TextEncoder().encode(out) : out;
  } finally {
    vi.useRealTimers();
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** The DOS date-time fields of each entry of a zip's central directory, as Y-M-D h:m. */
function entryTimes(zip: Uint8Array): string[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const times: string[] = [];
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const time = view.getUint16(i + 12, true);
    const date = view.getUint16(i + 14, true);
    const pad = (n: number) => String(n).padStart(2, "0");
    times.push(
      `${(date >> 9) + 1980}-${pad((date >> 5) & 15)}-${pad(date & 31)} ` +
        `${pad(time >> 11)}:${pad((time >> 5) & 63)}`,
    );
  }
  return times;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the same roll-up gives the same bytes at any time, in any time zone", () => {
  it.each(AGGREGATE_FORMAT_NAMES)("%s", async (format) => {
    const agg = rollUp("2026-06-02");
    const first = await renderAt(format, agg, "2020-03-04T05:06:07Z", "UTC");
    const second = await renderAt(format, agg, "2031-11-12T23:58:01Z", "America/New_York");
    const third = await renderAt(format, agg, "2027-07-01T12:00:00Z", "Asia/Shanghai");
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(third).equals(Buffer.from(first))).toBe(true);
  });

  it("dates the xlsx entries and properties with the roll-up's date", async () => {
    const bytes = await renderAt("xlsx", rollUp("2026-06-02"), "2030-01-01T10:00:00Z", "UTC");
    const times = entryTimes(bytes);
    expect(times.length).toBe(Object.keys(unzipSync(bytes)).length);
    expect(new Set(times)).toEqual(new Set(["2026-06-02 00:00"]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(workbook.created.toISOString()).toBe("2026-06-02T00:00:00.000Z");
    expect(workbook.modified.toISOString()).toBe("2026-06-02T00:00:00.000Z");
  });

  it("dates an undated xlsx 1980-01-01 (entries and properties), west of UTC too", async () => {
    const bytes = await renderAt("xlsx", rollUp(undefined), "2030-01-01T10:00:00Z", "America/Lima");
    expect(new Set(entryTimes(bytes))).toEqual(new Set(["1980-01-01 00:00"]));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(workbook.created.toISOString()).toBe("1980-01-01T00:00:00.000Z");
  });
});

describe("an undated roll-up (no answeredAt, no SOURCE_DATE_EPOCH) is undated in every format", () => {
  it.each(["en", "zh"] as const)("in %s", async (lang) => {
    const agg = rollUp(undefined);
    const render = async (format: (typeof AGGREGATE_FORMAT_NAMES)[number]) =>
      AGGREGATE_FORMATS[format].render(agg, { lang });
    const label = lang === "en" ? "Date" : "日期";
    const separator = lang === "en" ? ": " : "：";
    expect(await render("md")).toContain(`- **${label}**${separator}—\n`);
    expect(await render("html")).toContain(`<dt>${label}</dt><dd>—</dd>`);
    const json = JSON.parse(String(await render("json"))) as Record<string, unknown>;
    expect(Object.keys(json)).not.toContain("date");
    // CSV has no date; xlsx must carry one, and carries 1980-01-01, the mark of no date.
    expect(String(await render("csv"))).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe("zip entry times", () => {
  const zip = zipSync({ "a.txt": new TextEncoder().encode("a") });

  it.each([
    ["1975-05-05T00:00:00Z", "1980-01-01 00:00"],
    ["2150-01-01T00:00:00Z", "2099-12-31 23:59"],
    ["2026-06-02T13:45:00Z", "2026-06-02 13:45"],
  ])("%s is written as %s, whatever TZ", (time, expected) => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["UTC", "America/Lima", "Pacific/Kiritimati"]) {
        process.env.TZ = tz;
        expect(entryTimes(withEntryTimes(zip, new Date(time)))).toEqual([expected]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("dates a document with its report date, or 1980-01-01 without one", () => {
    expect(documentTime(undefined).toISOString()).toBe("1980-01-01T00:00:00.000Z");
    expect(documentTime("2026-06-02").toISOString()).toBe("2026-06-02T00:00:00.000Z");
  });
});
