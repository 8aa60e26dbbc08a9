import { readFileSync } from "node:fs";
import path from "node:path";
import draft04 from "ajv-draft-04";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/core/model.js";
import { checkAnswersFile } from "../../src/fs/answers-loader.js";
import { artifactUri, buildSarif, formatSarif } from "../../src/render/diagnostics-sarif.js";
import { FIXTURES, ROOT } from "../helpers.js";

/** The official OASIS SARIF 2.1.0 schema (draft-04), vendored with its licence note. */
const schema = JSON.parse(
  readFileSync(path.join(FIXTURES, "sarif", "sarif-schema-2.1.0.json"), "utf8"),
) as object;
// A CommonJS module: its class is the default export's `default`, as for ajv itself.
const ajv = new draft04.default({ allErrors: true, strict: false, validateFormats: false });
const validateSarif = ajv.compile(schema);

async function fixtureDiagnostics(): Promise<Diagnostic[]> {
  const files = ["bad-actions.yaml", "suzhou-demo.yaml"].map((name) =>
    path.posix.join("test", "fixtures", "documents", name),
  );
  const out: Diagnostic[] = [];
  for (const file of files) out.push(...(await checkAnswersFile(file, { cwd: ROOT })).diagnostics);
  return out;
}

const hostile: Diagnostic[] = [
  {
    file: "measures\\odd dir\\m#1 <x>.yaml",
    line: 3,
    column: 7,
    severity: "error",
    code: "set/weight",
    message: 'weight "<script>" | must be > 0,\nnot 0',
  },
  {
    file: "/abs/path/set.yaml",
    line: 0,
    column: 0,
    severity: "warning",
    code: "yaml/syntax",
    message: "x",
  },
];

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string }[] } };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: {
          artifactLocation: { uri: string };
          region: { startLine: number; startColumn: number };
        };
      }[];
    }[];
  }[];
}

describe("validate --format sarif", () => {
  it("is valid against the SARIF 2.1.0 schema, with and without problems", async () => {
    for (const diagnostics of [await fixtureDiagnostics(), hostile, []]) {
      const log = JSON.parse(formatSarif(diagnostics, { version: "1.2.3" })) as unknown;
      const valid = validateSarif(log);
      expect(validateSarif.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    // The schema does reject what is not SARIF: a driver without a name, a line 0.
    const broken = buildSarif(hostile, { version: "1" }) as SarifLog;
    const region = broken.runs[0]?.results[0]?.locations[0]?.physicalLocation.region;
    if (region) region.startLine = 0;
    expect(validateSarif(broken)).toBe(false);
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it("has one result per problem with its rule id, level, message and location", async () => {
    const diagnostics = await fixtureDiagnostics();
    const log = buildSarif(diagnostics, { version: "1.2.3" }) as SarifLog;
    const [run] = log.runs;
    expect(log.version).toBe("2.1.0");
    expect(run?.tool.driver.name).toBe("netdz");
    expect(run?.tool.driver.version).toBe("1.2.3");
    expect(run?.results).toHaveLength(diagnostics.length);
    const due = run?.results.find((r) => r.ruleId === "answers/due-date");
    expect(due).toMatchObject({
      level: "error",
      message: { text: "M01.Q1 has due date 2026-02-30, which is not a calendar day" },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "test/fixtures/documents/bad-actions.yaml" },
            region: { startLine: 7, startColumn: 51 },
          },
        },
      ],
    });
    const rules = run?.tool.driver.rules.map((r) => r.id) ?? [];
    expect(rules).toEqual([...new Set(diagnostics.map((d) => d.code))].sort());
    for (const result of run?.results ?? []) expect(rules[result.ruleIndex]).toBe(result.ruleId);
    expect(run?.results.filter((r) => r.level === "warning").length).toBe(
      diagnostics.filter((d) => d.severity === "warning").length,
    );
  });

  it("gives the messages in the language asked for", async () => {
    const log = buildSarif(await fixtureDiagnostics(), { version: "1", lang: "zh" }) as SarifLog;
    const due = log.runs[0]?.results.find((r) => r.ruleId === "answers/due-date");
    expect(due?.message.text).toBe("M01.Q1 的完成时限 2026-02-30 不是日历上存在的日期");
  });

  it("matches its golden file", async () => {
    const text = formatSarif([...(await fixtureDiagnostics()), ...hostile], {
      version: "0.0.0-test",
    });
    await expect(text).toMatchFileSnapshot("../golden/sarif/fixtures.sarif.json");
  });

  it("writes paths as URIs: forward slashes, escaped characters, absolute ones as file URIs", () => {
    expect(artifactUri("measures\\odd dir\\m#1 <x>.yaml")).toBe(
      "measures/odd%20dir/m%231%20%3Cx%3E.yaml",
    );
    expect(artifactUri("./a/b.yaml")).toBe("a/b.yaml");
    expect(artifactUri("/abs/path/set.yaml")).toBe("file:///abs/path/set.yaml");
    expect(artifactUri("C:\\work\\集.yaml")).toBe("file:///C:/work/%E9%9B%86.yaml");
    const log = buildSarif(hostile, { version: "1" }) as SarifLog;
    const [first, second] = log.runs[0]?.results ?? [];
    expect(first?.message.text).toBe("x");
    expect(second?.message.text).toBe('weight "<script>" | must be > 0, not 0');
    expect(first?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
  });
});
