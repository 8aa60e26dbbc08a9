import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readFileSync } from "node:fs";
import { numberBoundsProblem, valueProblems } from "../../src/core/answers-rules.js";
import { diagnosticMessage } from "../../src/i18n/diagnostic-messages.js";
import { withDerivedProfile } from "../../src/core/applicability.js";
import { profileKey } from "../../src/core/changes-rules.js";
import { buildFlow } from "../../src/core/flow.js";
import type { MeasureSet, Question } from "../../src/core/model.js";
import { questionScore } from "../../src/core/score.js";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { resolveMeasureSet } from "../../src/fs/workspace.js";
import { copyMiniSet, editFile, positionIn, ROOT } from "../helpers.js";

const number = (extra: Partial<Question>): Question => ({
  id: "M01.Q2",
  type: "number",
  text: { en: "How many?", zh: "有多少？" },
  guidance: { en: "More.", zh: "多。" },
  weight: 1,
  unit: { en: "items", zh: "项" },
  target: 10,
  direction: "higher",
  ...extra,
});

describe("bounds on number questions", () => {
  // prettier-ignore
  const setCases = [
    { name: "max below min", to: "    min: 5\n    max: 4\n", code: "set/number-bounds", at: "4\n" },
    { name: "target above max", to: "    max: 8\n", code: "set/number-bounds", at: "10\n" },
    { name: "target below min", to: "    min: 12\n", code: "set/number-bounds", at: "10\n" },
    { name: "a fractional bound on a whole-number question", to: "    min: 0.5\n    integer: true\n", code: "set/number-bounds", at: "0.5" },
  ];
  it.each(setCases)("validate reports $name", async (c) => {
    const { setDir } = copyMiniSet();
    const file = path.join(setDir, "m01-first.yaml");
    editFile(file, "    direction: higher\n", `    direction: higher\n${c.to}`);
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.set).toBeUndefined();
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({ code: c.code, severity: "error", ...positionIn(file, c.at) }),
    );
  });

  it("the schema refuses bounds on a question that is not a number", async () => {
    const { setDir } = copyMiniSet();
    const file = path.join(setDir, "m02-second.yaml");
    editFile(
      file,
      "  - id: M02.Q1\n    type: yesno\n",
      "  - id: M02.Q1\n    type: yesno\n    max: 3\n",
    );
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.diagnostics).toContainEqual(
      expect.objectContaining({
        file: "m02-second.yaml",
        severity: "error",
        line: positionIn(file, "max: 3").line,
      }),
    );
  });

  it("answers out of bounds or not whole are refused, in words (both languages)", () => {
    const q = number({ min: 0, max: 100, integer: true });
    const words = (value: number, lang: "en" | "zh" = "en") => {
      const problem = numberBoundsProblem(q, value);
      return problem && diagnosticMessage(problem, lang);
    };
    expect(words(100)).toBeUndefined();
    expect(words(0)).toBeUndefined();
    expect(words(101)).toBe("M01.Q2 takes a whole number from 0 to 100, not 101");
    expect(words(-1)).toBe("M01.Q2 takes a whole number from 0 to 100, not -1");
    expect(words(2.5)).toBe("M01.Q2 takes a whole number, not 2.5");
    expect(words(101, "zh")).toBe("M01.Q2 应填 0 至 100 之间的整数，而不是 101");
    expect(words(2.5, "zh")).toBe("M01.Q2 应填整数，而不是 2.5");
    const atLeast = numberBoundsProblem(number({ min: 3 }), 2);
    expect(atLeast && diagnosticMessage(atLeast, "en")).toBe(
      "M01.Q2 takes a number of 3 or more, not 2",
    );
    // Without bounds of its own, a negative number keeps the plain message.
    const plain = numberBoundsProblem(number({}), -2);
    expect(plain && diagnosticMessage(plain, "en")).toBe(
      "M01.Q2 takes a number of 0 or more, not -2",
    );
    expect(valueProblems(q, { value: 120 })).toEqual([
      expect.objectContaining({ key: "value", code: "answers/value-type" }),
    ]);
  });

  it("scores a value outside the bounds as the nearest bound", () => {
    const lower = number({ direction: "lower", target: 5, min: 2, max: 50 });
    expect(questionScore(lower, { value: 100 })).toBeCloseTo(5 / 50);
    expect(questionScore(lower, { value: 1 })).toBe(1);
    const higher = number({ target: 80, max: 100 });
    expect(questionScore(higher, { value: 40 })).toBe(0.5);
  });
});

describe("a derived profile field (the region from the province)", () => {
  it("validate reports a derivation that does not fit the fields", async () => {
    // prettier-ignore
    const cases = [
      { to: "    derive: { from: nowhere, map: {} }\n", message: 'derive.from names "nowhere", which is not a profile field', at: "nowhere" },
      { to: "    derive: { from: hub, map: {} }\n", message: 'derive.from must name a choice field, and "hub" is yesno', at: "hub, map" },
      { to: "    derive: { from: region, map: {} }\n", message: '"region" cannot be derived from itself', at: "region, map" },
    ];
    for (const c of cases) {
      const { setDir } = copyMiniSet();
      const file = path.join(setDir, "set.yaml");
      editFile(file, "      zh: 区域\n", `      zh: 区域\n${c.to}`);
      const loaded = await loadSetFolder(setDir, setDir);
      expect(loaded.diagnostics).toContainEqual(
        expect.objectContaining({
          code: "set/derive",
          message: c.message,
          ...positionIn(file, c.at),
        }),
      );
    }
  });

  it("derives the region in the bundled 1.1.0 by the four NBS regions, the XPCC western", async () => {
    const set: MeasureSet = await resolveMeasureSet({ set: "workplan-2025@1.1.0" }, ROOT);
    const province = set.profile.find((p) => p.id === "province");
    expect(province?.type).toBe("choice");
    expect(province?.options).toHaveLength(32);
    const region = (p: string) => withDerivedProfile(set.profile, { province: p }).region;
    const grouped: Record<string, string[]> = {
      eastern: [],
      central: [],
      western: [],
      northeastern: [],
    };
    for (const option of province?.options ?? [])
      grouped[region(option.id) as string]?.push(option.id);
    expect(grouped).toEqual({
      eastern: [
        "beijing",
        "tianjin",
        "hebei",
        "shanghai",
        "jiangsu",
        "zhejiang",
        "fujian",
        "shandong",
        "guangdong",
        "hainan",
      ],
      central: ["shanxi", "anhui", "jiangxi", "henan", "hubei", "hunan"],
      western: [
        "inner-mongolia",
        "guangxi",
        "chongqing",
        "sichuan",
        "guizhou",
        "yunnan",
        "tibet",
        "shaanxi",
        "gansu",
        "qinghai",
        "ningxia",
        "xinjiang",
        "xpcc",
      ],
      northeastern: ["liaoning", "jilin", "heilongjiang"],
    });
    // A region written in the file is not used: the province decides.
    expect(withDerivedProfile(set.profile, { province: "jilin", region: "eastern" }).region).toBe(
      "northeastern",
    );
    expect(withDerivedProfile(set.profile, { region: "eastern" }).region).toBeUndefined();
  });

  it("decides what applies: appliesWhen on the derived field follows the province", async () => {
    const { setDir } = copyMiniSet();
    editFile(
      path.join(setDir, "set.yaml"),
      "  - id: region\n",
      [
        "  - id: province",
        "    type: choice",
        "    label: { en: Province, zh: 省份 }",
        "    options:",
        "      - { id: js, label: { en: Jiangsu, zh: 江苏 } }",
        "      - { id: gz, label: { en: Guizhou, zh: 贵州 } }",
        "  - id: region",
        "    derive: { from: province, map: { js: eastern, gz: western } }",
        "",
      ].join("\n"),
    );
    editFile(path.join(setDir, "m02-second.yaml"), "hub: [true]", "region: [western]");
    const loaded = await loadSetFolder(setDir, setDir);
    expect(loaded.diagnostics).toEqual([]);
    const set = loaded.set as MeasureSet;
    const applies = (province: string) =>
      buildFlow(set, { province, region: "eastern" }).steps.find((s) => s.question.id === "M02.Q2")
        ?.notApplicable;
    expect(applies("gz")).toBeUndefined();
    expect(applies("js")).toEqual({ field: "region", actual: "eastern", allowed: ["western"] });
  });

  it("the bundled changes.yaml carries the common spellings of a province over", () => {
    const file = path.join(ROOT, "measures", "workplan-2025", "1.1.0", "changes.yaml");
    const changes = parse(readFileSync(file, "utf8")) as {
      changes: { profile?: { field: string; map: Record<string, string> } }[];
    };
    const map = new Map(
      Object.entries(
        changes.changes.find((c) => c.profile?.field === "province")?.profile?.map ?? {},
      ).map(([k, v]) => [profileKey(k), v]),
    );
    const spellings: Record<string, string[]> = {
      jiangsu: ["江苏", "江苏省", "Jiangsu", "JIANGSU PROVINCE", " jiangsu "],
      guangxi: ["广西", "广西壮族自治区", "Guangxi Zhuang Autonomous Region"],
      "inner-mongolia": ["内蒙古", "内蒙古自治区", "Inner Mongolia", "Nei Mongol"],
      tibet: ["西藏", "西藏自治区", "Tibet", "Xizang"],
      beijing: ["北京", "北京市", "Beijing"],
      shaanxi: ["陕西", "陕西省", "Shaanxi"],
      shanxi: ["山西", "山西省", "Shanxi"],
      xpcc: ["新疆生产建设兵团", "兵团", "XPCC", "Xinjiang Production and Construction Corps"],
      xinjiang: ["新疆", "新疆维吾尔自治区", "Xinjiang Uygur Autonomous Region"],
    };
    for (const [id, names] of Object.entries(spellings)) {
      for (const name of names) expect(map.get(profileKey(name)), name).toBe(id);
    }
  });
});
