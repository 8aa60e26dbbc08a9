import { describe, expect, it } from "vitest";
import { diff } from "../../src/commands/diff.js";
import { report } from "../../src/commands/report.js";
import { captureIo, ROOT } from "../helpers.js";

const SETS = "test/fixtures/report/sets";
const OLD = "test/fixtures/province/zones/2025/suhe-2025.yaml";
const NEW = "test/fixtures/province/zones/2026/suhe.yaml";

interface Actions {
  date?: string;
  completed: { id: string }[];
  slipped: { id: string; due?: string }[];
  added: { id: string }[];
}

async function diffActions(env: NodeJS.ProcessEnv): Promise<Actions> {
  const io = captureIo(ROOT, { TZ: "UTC", ...env });
  const code = await diff(
    { old: OLD, new: NEW, format: "json", lang: "en", failOnRegression: false, measures: SETS },
    io,
  );
  expect(code).toBe(0);
  return (JSON.parse(io.out()) as { actions: Actions }).actions;
}

async function overdueInReport(file: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const io = captureIo(ROOT, { TZ: "UTC", ...env });
  await report({ answers: file, format: "json", lang: "en", top: 10, measures: SETS }, io);
  const json = JSON.parse(io.out()) as { actions: { id: string; overdue: boolean }[] };
  return json.actions.filter((a) => a.overdue).map((a) => a.id);
}

describe("diff: actions slip by the date netdz report gives the new file", () => {
  it.each([
    // The new file's last answer (2026-06-02): M05.Q3, due 2026-01-15 and still open, slipped.
    [{}, "2026-06-02", ["M05.Q3"]],
    // SOURCE_DATE_EPOCH wins, as in netdz report: 2026-01-15 itself is not after the due date.
    [{ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 0, 15) / 1000) }, "2026-01-15", []],
    [{ SOURCE_DATE_EPOCH: String(Date.UTC(2026, 0, 16) / 1000) }, "2026-01-16", ["M05.Q3"]],
  ])("with %j the date is %s and %j slipped", async (env, date, slipped) => {
    const actions = await diffActions(env);
    expect(actions.date).toBe(date);
    expect(actions.slipped.map((a) => a.id)).toEqual(slipped);
    // The same rule as the report's action plan: of the actions the old file already had, the
    // ones `netdz report NEW` marks overdue are exactly the ones that slipped.
    const added = new Set(actions.added.map((a) => a.id));
    const overdue = await overdueInReport(NEW, env);
    expect(overdue.filter((id) => !added.has(id))).toEqual(slipped);
    expect(actions.completed.map((a) => a.id)).toEqual(["M04.Q1", "M06.Q1"]);
    expect(actions.added.map((a) => a.id)).toEqual(["M04.Q2"]);
  });

  it("refuses a SOURCE_DATE_EPOCH that is not whole seconds, as netdz report does", async () => {
    const io = captureIo(ROOT, { TZ: "UTC", SOURCE_DATE_EPOCH: "soon" });
    await expect(
      diff(
        { old: OLD, new: NEW, format: "md", lang: "en", failOnRegression: false, measures: SETS },
        io,
      ),
    ).rejects.toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe("diff speaks the language asked for", () => {
  it.each([
    ["en", /cannot read missing\.yaml/],
    ["zh", /无法读取 missing\.yaml/],
  ] as const)("when a file cannot be read (%s)", async (lang, message) => {
    const io = captureIo(ROOT, { TZ: "UTC" });
    await expect(
      diff(
        {
          old: "missing.yaml",
          new: NEW,
          format: "md",
          lang,
          failOnRegression: false,
          measures: SETS,
        },
        io,
      ),
    ).rejects.toThrow(message);
  });
});
