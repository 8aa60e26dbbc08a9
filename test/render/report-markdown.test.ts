import { describe, expect, it } from "vitest";
import type { AnswersFile } from "../../src/core/model.js";
import { figure, scoreAssessment } from "../../src/core/score.js";
import { reportMessages } from "../../src/i18n/report-messages.js";
import {
  escapeCell,
  escapeInline,
  linkOrText,
  singleLine,
} from "../../src/render/markdown-escape.js";
import {
  BAR_WIDTH,
  formatScore,
  renderMarkdown,
  scoreInItsBand,
  table,
  textBar,
} from "../../src/render/report-markdown.js";
import path from "node:path";
import { loadAnswersWithSet } from "../../src/fs/answers-loader.js";
import {
  DEMO_SETS,
  loadAnswers,
  loadDemoSet,
  REPORT_FIXTURES,
  type ZoneName,
} from "./report-fixtures.js";

describe("escapeInline", () => {
  it.each<[string, string]>([
    ["plain text", "plain text"],
    ["a | b", "a \\| b"],
    ["back\\slash", "back\\\\slash"],
    ["`code`", "\\`code\\`"],
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    ["R&D", "R&amp;D"],
    ["*a* _b_", "\\*a\\* \\_b\\_"],
    ["[x](y)", "\\[x\\](y)"],
    ["~~x~~ $y$ #z", "\\~\\~x\\~\\~ \\$y\\$ \\#z"],
    ["line one\nline two", "line one line two"],
    ["a\r\n\r\n  b\tc", "a b c"],
    ["  padded  ", "padded"],
    ["- item", "\\- item"],
    ["+ item", "\\+ item"],
    ["12. item", "12\\. item"],
    ["1.0.0", "1.0.0"],
    ["https://x.example/a", "https:\\/\\/x.example/a"],
    ["www.example.com", "www\\.example.com"],
    ["me@example.com", "me\\@example.com"],
    ["中文｜全角", "中文｜全角"],
  ])("%j → %j", (input, expected) => {
    expect(escapeInline(input)).toBe(expected);
  });

  it("collapses every line break to a single space", () => {
    expect(singleLine("a\n\n\nb\u2028c\u0000d")).toBe("a b c d");
  });
});

describe("escapeCell and linkOrText", () => {
  it("never leaves a cell empty", () => {
    expect(escapeCell("")).toBe("—");
    expect(escapeCell(undefined)).toBe("—");
    expect(escapeCell(" \n ")).toBe("—");
  });

  it.each<[string, string]>([
    ["https://a.example/x_y?p=1&q=2", "<https://a.example/x_y?p=1&q=2>"],
    ["  http://a.example  ", "<http://a.example>"],
    ["https://a.example/a|b", "https:\\/\\/a.example/a\\|b"],
    ["https://a.example/<b>", "https:\\/\\/a.example/&lt;b&gt;"],
    ["javascript:alert(1)", "javascript:alert(1)"],
    ["docs/plan_2025.pdf", "docs/plan\\_2025.pdf"],
  ])("%j → %j", (input, expected) => {
    expect(linkOrText(input)).toBe(expected);
  });
});

describe("bars, scores and tables", () => {
  it.each<[number | null, number]>([
    [0, 0],
    [2.4, 0],
    [2.5, 1],
    [50, 10],
    [52.4, 10],
    [97.6, 20],
    [100, 20],
  ])("textBar(%s) has %s full cells of 20", (score, full) => {
    const bar = textBar(score);
    expect(bar).toHaveLength(BAR_WIDTH);
    expect(bar).toBe("█".repeat(full) + "░".repeat(20 - full));
  });

  it("shows a dash instead of a bar when there is no score", () => {
    expect(textBar(null)).toBe("—");
  });

  it.each<[number | null, string]>([
    [52.05769230769231, "52.1"],
    [90.91666666666669, "90.9"],
    [31.25, "31.3"],
    [0, "0.0"],
    [100, "100.0"],
    [null, "n/a"],
  ])("formatScore(%s) = %s", (score, text) => {
    expect(formatScore(score, reportMessages("en"), undefined)).toBe(text);
  });

  it("writes compact GFM tables with right-aligned number columns", () => {
    expect(table([{ title: "A" }, { title: "N", align: "right" }], [["x", "1"]])).toBe(
      "| A | N |\n| --- | ---: |\n| x | 1 |",
    );
  });
});

describe("renderMarkdown", () => {
  const set = loadDemoSet();
  const render = (zone: ZoneName, lang: "en" | "zh" = "en", top = 10, date?: string): string => {
    const answers = loadAnswers(zone);
    return renderMarkdown(scoreAssessment(set, answers), set, answers, {
      lang,
      top,
      ...(date === undefined ? {} : { date }),
    });
  };

  it("is deterministic and ends with one newline", () => {
    const first = render("western-hub", "en", 10, "2026-04-11");
    expect(render("western-hub", "en", 10, "2026-04-11")).toBe(first);
    expect(first.endsWith("\n")).toBe(true);
    expect(first.endsWith("\n\n")).toBe(false);
  });

  it("writes the header: zone, set, plan, assessor, date, completeness", () => {
    const md = render("western-hub", "en", 10, "2026-04-11");
    expect(md.startsWith("# NETDZ self-assessment report\n\n")).toBe(true);
    expect(md).toContain(
      "- **Zone**: Helan Economic and Technological Development Zone (Ningxia, Western)\n",
    );
    expect(md).toContain(
      "- **Measure set**: Demonstration measure set for the gap report (demo-2025 1.0.0)\n",
    );
    expect(md).toContain("- **Plan document**: 商资函〔2025〕132号, Work Plan");
    expect(md).toContain("- **Assessor**: Ma Jun\n");
    expect(md).toContain("- **Date**: 2026-04-11\n");
    // 12 answered of 14 applicable = 85.7%.
    expect(md).toContain(
      "- **Completeness**: 85.7% (12 of 14 applicable questions answered, 1 don't know, " +
        "1 unanswered; besides these, 3 not applicable; 2 marked for review)",
    );
  });

  it("shows a dash for the date when no answer carries one", () => {
    expect(render("western-hub")).toContain("- **Date**: —\n");
  });

  it("writes the overall score and band, and the areas with bars", () => {
    const md = render("western-hub");
    expect(md).toContain("Overall score: **52.1** / 100, band: **Developing**.");
    expect(md).toContain(
      "| Developing new quality productive forces | 二 | 30 | 62.7 | █████████████░░░░░░░ |",
    );
    expect(md).toContain(
      "| Deepening reform of the management system | 四 | 20 | 31.3 | ██████░░░░░░░░░░░░░░ |",
    );
  });

  it("marks reconstructed measures and shows n/a for a measure with nothing applicable", () => {
    const md = render("western-hub");
    expect(md).toContain(
      "| 4 | Develop bonded maintenance and new forms of trade † | 三（二） | n/a | 0/0 |",
    );
    expect(md).toContain(
      "| 1 | Strengthen original innovation and the transfer of results | 二（一） | 45.0 | 3/3 |",
    );
    expect(md).toContain("\n† Reconstructed:");
  });

  it("ranks gaps with status, points lost and next step", () => {
    const md = render("western-hub");
    expect(md).toContain(
      "| 1 | M03.Q2 Has the zone held a roundtable with foreign-invested enterprises in the past " +
        "twelve months? | M03 Attract and retain foreign investment | 三（一） | No | 10.0 | Done means",
    );
    expect(md).toContain("| 1.3 PUE (target: at most 1.2 PUE) | 0.2 |");
  });

  it("lists open points and evidence, or says there are none", () => {
    const md = render("strong-eastern");
    expect(md).toContain("## Don't know\n\nNone.\n");
    expect(md).toContain("## Unanswered\n\nNone.\n");
    expect(md).toContain("## Claims without required evidence\n\nNone.\n");
    expect(md).toContain("| <https://jinhu.example.gov.cn/poc-centre/charter.pdf> |");
    expect(md).toContain("| docs/digital-infrastructure-plan-2025.pdf |");
  });

  it("explains profile exclusions and keeps answered justifications", () => {
    const md = render("western-hub");
    expect(md).toContain(
      "| Zone profile: applies only when “Has a special customs supervision area” is yes; this zone: no. |",
    );
    expect(md).toContain(
      "| All industrial land is allocated under the regional plan; no new supply until 2027. |",
    );
  });

  it("escapes answers inside tables", () => {
    const md = render("western-hub");
    expect(md).toContain(
      "R&amp;D spend &lt; 2% in 2024 \\| pilot line agreed with \\*Ningxia University\\*",
    );
  });

  it("writes --top 0 as a list turned off, with the number of gaps", () => {
    const md = render("half-finished", "en", 0);
    const n = Number(/## Top gaps\n\n(\d+) gaps; none listed \(--top 0\)\.\n/.exec(md)?.[1]);
    expect(n).toBeGreaterThan(1);
    expect(render("half-finished", "en", 1000)).toContain(`The ${n} questions that lose points`);
    expect(render("half-finished", "zh", 0)).toContain(`共 ${n} 项差距；未列出（--top 0）。`);
  });

  it("writes Chinese headings, labels and method", () => {
    const md = render("half-finished", "zh");
    expect(md).toContain("# 国家级经开区自评估报告");
    expect(md).toContain("总分：**14.5** / 100，等级：**起步**。");
    expect(md).toContain("## 计分方法");
    expect(md).toContain("| 未作答 |");
    expect(md).not.toMatch(/Overall|Measures|Top gaps|Unanswered/);
  });

  it("says the profile is incomplete, and which fields, when a question depends on a missing one", () => {
    const given = loadAnswers("half-finished");
    const zone = { ...given.zone };
    delete zone.westernHubArea;
    const answers: AnswersFile = { ...given, zone };
    const md = renderMarkdown(scoreAssessment(set, answers), set, answers, { lang: "en", top: 10 });
    const label = set.profile.find((f) => f.id === "westernHubArea")?.label.en ?? "";
    expect(md).toContain(
      `- **Zone profile**: incomplete: ${label} not given; the questions that depend on it count ` +
        "as applicable and unanswered until the profile is complete\n",
    );
    // The questions for western hub zones now apply and are unanswered, not "not applicable".
    expect(md).not.toContain("applies only when “In a western computing hub area” is yes");
  });

  it("marks an area and a measure the zone alone left out, and warns above 20 %", () => {
    const given = loadAnswers("strong-eastern");
    const answers: AnswersFile = { ...given, answers: { ...given.answers } };
    for (const measure of set.measures.filter((m) => m.area === set.areas[3]?.id)) {
      for (const q of measure.questions) {
        answers.answers[q.id] = { status: "not_applicable", note: "not for us" };
      }
    }
    const md = renderMarkdown(scoreAssessment(set, answers), set, answers, { lang: "en", top: 10 });
    const area = set.areas[3];
    expect(md).toContain(`| ${area?.title.en} | ${area?.ref} | ${area?.weight} | n/a ‡ | — |`);
    expect(md).toMatch(/\| 6 \| Secure land for industry \| 五（一） \| n\/a ‡ \| 0\/0 \|/);
    expect(md).toContain(
      "‡ Left out of the score only because the zone answered “not applicable” to every scored question",
    );
    // 3 of 15 is exactly 20 %: no warning yet; one more is above it.
    expect(md).not.toContain("Warning");
    answers.answers["M01.Q1"] = { status: "not_applicable", note: "not for us" };
    const more = renderMarkdown(scoreAssessment(set, answers), set, answers, {
      lang: "en",
      top: 10,
    });
    expect(more).toContain(
      "\n> **Warning: the zone itself declared 26.7% of the questions that apply to it not " +
        "applicable (more than 20%). The score covers only the rest; check each justification " +
        "under “Not applicable”.**\n",
    );
  });

  it("shows free-text answers and the notes no other section shows, escaped", () => {
    const given = loadAnswers("half-finished");
    const answers: AnswersFile = {
      ...given,
      answers: {
        ...given.answers,
        "M05.Q1": { note: "Ask the <b>approval</b> bureau | soon" },
        "M05.Q3": { status: "planned", note: "Needs *provincial* list" },
      },
    };
    const md = renderMarkdown(scoreAssessment(set, answers), set, answers, { lang: "en", top: 3 });
    const section = md.slice(md.indexOf("## Answers and notes in the zone's words"));
    expect(section).toContain(
      "| Unanswered | Ask the &lt;b&gt;approval&lt;/b&gt; bureau \\| soon |",
    );
    expect(section).toContain("| Planned | Needs \\*provincial\\* list |");
  });

  it("says there is no score when nothing applies", () => {
    const answers: AnswersFile = { ...loadAnswers("western-hub"), answers: {} };
    const empty = { ...set, measures: set.measures.filter((m) => m.id === "M04") };
    const md = renderMarkdown(scoreAssessment(empty, answers), empty, answers, {
      lang: "en",
      top: 10,
    });
    expect(md).toContain("No question applies to this zone, so there is no overall score.");
    expect(md).toContain("- **Completeness**: no applicable questions");
  });
});

describe("scoreInItsBand", () => {
  it.each([
    // One decimal, always: rounded down where rounding up would reach a band not reached.
    [84.96, "84.9"],
    [84.94, "84.9"],
    [85, "85.0"],
    [64.995, "64.9"],
    [39.99999, "39.9"],
    [52.14, "52.1"],
    [52.15, "52.2"],
    [84.95, "84.9"],
    // An exact score that the arithmetic left a hair below a band's edge is at the edge.
    [84.99999999999999, "85.0"],
  ])("shows %s as %s", (score, shown) => {
    expect(scoreInItsBand(score)).toBe(shown);
  });

  it("shows a score the same in its band's line and in the rows of the same score", () => {
    const bands = [
      { min: 80, label: { en: "High", zh: "高" } },
      { min: 50, label: { en: "Mid", zh: "中" } },
      { min: 0, label: { en: "Low", zh: "低" } },
    ];
    for (const [score, shown] of [
      [79.9975, "79.9"],
      [49.995, "49.9"],
      [80, "80.0"],
    ] as const) {
      expect(scoreInItsBand(score, bands)).toBe(shown);
      expect(formatScore(score, reportMessages("en"), bands)).toBe(shown);
    }
  });
});

describe("figure", () => {
  it.each([
    [1.2499999999999998, "1.3"],
    [1.25, "1.3"],
    [3.7500000000000004, "3.8"],
    [3.75, "3.8"],
    [0.15, "0.2"],
    [1.05, "1.1"],
    [1.04999, "1.0"],
    [0, "0.0"],
    [100, "100.0"],
  ])("rounds %s half up to %s", (value, shown) => {
    expect(figure(value)).toBe(shown);
  });
});

describe("a score a hair below a band's edge", () => {
  it.each([
    ["edge-79.9975.yaml", "79.9", "Mid"],
    ["edge-49.995.yaml", "49.9", "Low"],
  ])(
    "(%s) reads %s in the overall line and in the rows of the same score",
    async (file, shown, band) => {
      const { answers, set } = await loadAnswersWithSet(
        path.join(REPORT_FIXTURES, "answers", file),
        {
          cwd: process.cwd(),
          measuresDir: DEMO_SETS,
        },
      );
      const assessment = scoreAssessment(set, answers);
      const md = renderMarkdown(assessment, set, answers, { lang: "en", top: 10 });
      expect(md).toContain(`Overall score: **${shown}** / 100, band: **${band}**.`);
      expect(md).toContain(`| Area A | 二 | 3 | ${shown} |`);
      expect(md).toContain(`| 1 | Measure one | 二（一） | ${shown} |`);
      expect(md).not.toMatch(/79\.99|49\.99/);
    },
  );
});

describe("the top gaps' introduction fits the number listed", () => {
  it.each([
    [1, 98, "98 questions lose points; this one costs the overall score the most."],
    [2, 98, "98 questions lose points; these 2 cost the overall score the most."],
    [1, 1, "The one question that loses points of the overall score."],
  ])("%i of %i", (shown, total, expected) => {
    expect(reportMessages("en").gaps.intro(shown, total)).toBe(expected);
  });

  it("(zh) one gap is not 'ordered from most to least'", () => {
    expect(reportMessages("zh").gaps.intro(1, 1)).toBe("以下 1 个问题存在失分。");
    expect(reportMessages("zh").gaps.intro(3, 3)).toContain("按失分从多到少排列");
  });
});
