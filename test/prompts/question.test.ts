// The Inquirer testing screen must be imported before the module that uses the prompts.
import { screen } from "@inquirer/testing/vitest";
import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { listOnScreen, pickOnScreen } from "./screen-list.js";
import type { Answer, Lang, Question } from "../../src/core/model.js";
import { assessMessages } from "../../src/i18n/assess-messages.js";
import { Asker } from "../../src/prompts/ask.js";
import {
  askQuestion,
  defaultChoice,
  parseNumber,
  savesExactly,
  type QuestionContext,
} from "../../src/prompts/question.js";

const NOW = "2026-11-26T10:00:00Z";

function question(extra: Partial<Question> = {}): Question {
  return {
    id: "M01.Q1",
    type: "status",
    text: { en: "Is it done?", zh: "是否已完成？" },
    guidance: { en: "Done means done.", zh: "完成即完成。" },
    weight: 1,
    ...extra,
  };
}

const withEvidence = {
  evidence: { requiredFor: ["implemented" as const], hint: { en: "A decision", zh: "一份文件" } },
};

/** A question context whose saves, notices and renders are recorded. */
function harness(q: Question, initial?: Answer, lang: Lang = "en") {
  let current = initial;
  const saves: (Answer | undefined)[] = [];
  const notices: string[] = [];
  const printed: string[] = [];
  const renders: boolean[] = [];
  const m = assessMessages(lang);
  const ctx: QuestionContext = {
    // The testing screen's input, so the Asker sees the keys the prompts get (Escape included).
    asker: new Asker({ input: screen.input, output: new PassThrough(), keys: m.keys }),
    m,
    lang,
    question: q,
    answer: () => current,
    save: async (answer) => {
      current = answer;
      saves.push(answer);
    },
    render: ({ guidance }) => {
      renders.push(guidance);
      return undefined;
    },
    notice: (line) => notices.push(line),
    print: (text) => printed.push(text),
    now: () => new Date(`${NOW.slice(0, -1)}.456Z`),
  };
  /** Simulates a hand edit of the file: the entry changes on disk while the prompt is open. */
  const editByHand = (answer: Answer | undefined) => {
    ctx.refresh = async () => {
      current = answer;
      delete ctx.refresh;
    };
  };
  return { ctx, saves, notices, printed, renders, current: () => current, editByHand };
}

/** Items of the list on screen and the index of the one under the cursor. */
function list(): { items: string[]; active: number } {
  return listOnScreen(screen);
}

/** Presses Enter at the owner and due prompts offered after an answer that leaves a gap. */
async function skipActionOffer(): Promise<void> {
  await screen.next();
  expect(screen.getScreen()).toContain("? Owner of M01.Q1");
  screen.keypress("enter");
  await screen.next();
  expect(screen.getScreen()).toContain("? Due date of M01.Q1");
  screen.keypress("enter");
}

/** Moves the cursor to the choice starting with `label` and presses Enter. */
function choose(label: string): void {
  pickOnScreen(screen, label);
}

describe("askQuestion: status questions", () => {
  it("lists the statuses and actions, and saves the chosen status at once", async () => {
    const h = harness(question());
    const outcome = askQuestion(h.ctx);
    expect(list().items).toEqual([
      "Implemented",
      "In progress",
      "Planned",
      "Not started",
      "Don't know",
      "Not applicable",
      "← Back to the previous question",
      "→ Skip for now",
      "⚑ Mark for review",
      "? Show guidance",
      "✎ Add a note",
      "☐ Set an owner and a due date",
      "☰ Menu: jump to a measure, zone profile, quit",
    ]);
    choose("In progress");
    await skipActionOffer();
    await expect(outcome).resolves.toBe("next");
    expect(h.saves).toEqual([{ status: "in_progress", answeredAt: NOW }]);
    expect(h.notices).toEqual(["✔ Saved M01.Q1: In progress"]);
  });

  it("preselects the current answer and offers to edit the note", async () => {
    const h = harness(question(), { status: "planned", note: "Due in May", review: true });
    const outcome = askQuestion(h.ctx);
    const shown = list();
    expect(shown.items[shown.active]).toBe("Planned (current answer)");
    expect(shown.items).toContain("⚑ Remove the review mark");
    expect(shown.items).toContain("✎ Edit the note");
    // Confirming the answer unchanged does not offer an owner again.
    choose("Planned");
    await expect(outcome).resolves.toBe("next");
    // Nothing changed, so nothing is written; the review mark stays, and the notice says so.
    expect(h.saves).toEqual([]);
    expect(h.current()).toEqual({ status: "planned", note: "Due in May", review: true });
    expect(h.notices).toEqual([
      "✔ M01.Q1 kept as it was: Planned (nothing changed, nothing written)",
      "⚑ M01.Q1 stays marked for review; choose “Remove the review mark” once it is settled.",
    ]);
  });

  it("asks for evidence where the question requires it, one item per line", async () => {
    const h = harness(question(withEvidence));
    const outcome = askQuestion(h.ctx);
    choose("Implemented");
    await screen.next();
    expect(screen.getScreen()).toContain("? Evidence 1:");
    expect(h.printed.join("\n")).toContain("Evidence: A decision.");
    // The choice is saved with its first evidence item (or when the list ends), not before.
    expect(h.saves).toEqual([]);
    screen.type("https://example.org/a.pdf");
    screen.keypress("enter");
    await screen.next();
    // Each confirmed item is on disk before the next is asked: Ctrl-C now would keep it.
    expect(h.current()).toEqual({
      status: "implemented",
      evidence: ["https://example.org/a.pdf"],
      answeredAt: NOW,
    });
    screen.type("docs/plan 2025.docx");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual({
      status: "implemented",
      evidence: ["https://example.org/a.pdf", "docs/plan 2025.docx"],
      answeredAt: NOW,
    });
    // One write per item; the empty line that ends the list writes nothing more.
    expect(h.saves).toHaveLength(2);
    expect(h.notices).toEqual(["✔ Saved M01.Q1: Implemented, 2 evidence items"]);
  });

  it("takes a line of several (a pasted list) as one evidence item per line", async () => {
    const previous: Answer = { status: "in_progress", evidence: ["old.pdf"] };
    const h = harness(question(withEvidence), previous);
    const outcome = askQuestion(h.ctx);
    choose("Implemented");
    await screen.next();
    choose("Keep it and add more");
    await screen.next();
    // What a paste of four lines becomes in the prompt (each line break shown as ⏎): a blank
    // line, an item given before and one given twice are not items of their own.
    screen.type(" a.pdf  ⏎  ⏎ old.pdf ⏎ b.pdf ⏎ a.pdf");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Evidence 4:");
    expect(h.current()?.evidence).toEqual(["old.pdf", "a.pdf", "b.pdf"]);
    screen.keypress("enter");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()?.evidence).toEqual(["old.pdf", "a.pdf", "b.pdf"]);
  });

  it("accepts an answer without the required evidence, with a warning", async () => {
    const h = harness(question(withEvidence));
    const outcome = askQuestion(h.ctx);
    choose("Implemented");
    await screen.next();
    screen.keypress("enter");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual({ status: "implemented", answeredAt: NOW });
    expect(h.notices[1]).toContain("M01.Q1 has no evidence");
  });

  it("keeps, extends or replaces evidence given before", async () => {
    const previous: Answer = { status: "in_progress", evidence: ["old.pdf"] };
    const h = harness(question(withEvidence), previous);
    const outcome = askQuestion(h.ctx);
    choose("Implemented");
    await screen.next();
    expect(screen.getScreen()).toContain("Evidence already given (1):");
    expect(screen.getScreen()).toContain("- old.pdf");
    choose("Keep it and add more");
    await screen.next();
    expect(screen.getScreen()).toContain("? Evidence 2:");
    screen.type("new.pdf");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await outcome;
    expect(h.current()?.evidence).toEqual(["old.pdf", "new.pdf"]);
  });

  it("saves not applicable only with a justification; empty goes back to the list", async () => {
    const h = harness(question());
    const outcome = askQuestion(h.ctx);
    choose("Not applicable");
    await screen.next();
    expect(screen.getScreen()).toContain("Why does M01.Q1 not apply to your zone?");
    screen.keypress("enter");
    await screen.next();
    expect(list().items[0]).toBe("Implemented");
    // Back on the choice backed out of, not on the first (best) answer: a stray Enter asks
    // for the justification again instead of saving "Implemented".
    expect(list().items[list().active]).toBe("Not applicable");
    expect(h.saves).toEqual([]);
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Why does M01.Q1 not apply to your zone?");
    screen.keypress("enter");
    await screen.next();
    expect(h.saves).toEqual([]);
    choose("Not applicable");
    await screen.next();
    screen.type("No port in the zone");
    screen.keypress("enter");
    await expect(outcome).resolves.toBe("next");
    expect(h.saves).toEqual([
      { status: "not_applicable", note: "No port in the zone", answeredAt: NOW },
    ]);
  });
});

describe("askQuestion: the file edited by hand while the question is on screen", () => {
  it("builds the new entry on the edited one, keeping the note added by hand", async () => {
    const h = harness(question(), { status: "planned", answeredAt: NOW });
    h.editByHand({ status: "planned", note: "added in an editor", answeredAt: NOW });
    const outcome = askQuestion(h.ctx);
    choose("⚑ Mark for review");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual({
      status: "planned",
      note: "added in an editor",
      answeredAt: NOW,
      review: true,
    });
  });
});

describe("askQuestion: actions", () => {
  it("returns back, skip and menu without saving", async () => {
    for (const [label, expected] of [
      ["← Back", "back"],
      ["→ Skip", "next"],
      ["☰ Menu", "menu"],
    ] as const) {
      const h = harness(question());
      const outcome = askQuestion(h.ctx);
      choose(label);
      await expect(outcome).resolves.toBe(expected);
      expect(h.saves).toEqual([]);
    }
  });

  it("says a skipped question stays unanswered", async () => {
    const h = harness(question());
    const outcome = askQuestion(h.ctx);
    choose("→ Skip");
    await outcome;
    expect(h.notices).toEqual(["M01.Q1 skipped; it stays unanswered."]);
  });

  it("marks for review (keeping the answer) and moves on; unmarking stays", async () => {
    const h = harness(question(), { status: "planned", answeredAt: NOW });
    let outcome = askQuestion(h.ctx);
    choose("⚑ Mark for review");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual({ status: "planned", answeredAt: NOW, review: true });

    outcome = askQuestion(h.ctx);
    choose("⚑ Remove the review mark");
    await screen.next();
    expect(h.current()).toEqual({ status: "planned", answeredAt: NOW });
    choose("→ Skip");
    await expect(outcome).resolves.toBe("next");
  });

  it("marks an unanswered question for review", async () => {
    const h = harness(question());
    const outcome = askQuestion(h.ctx);
    choose("⚑ Mark for review");
    await outcome;
    expect(h.saves).toEqual([{ review: true }]);
  });

  it("shows and hides the guidance by redrawing the screen", async () => {
    const h = harness(question());
    const outcome = askQuestion(h.ctx);
    choose("? Show guidance");
    await screen.next();
    expect(list().items).toContain("? Hide guidance");
    choose("? Hide guidance");
    await screen.next();
    choose("→ Skip");
    await outcome;
    expect(h.renders).toEqual([false, true, false]);
  });

  it("edits the note of an answered question and stays on it", async () => {
    const h = harness(question(), { status: "planned", answeredAt: NOW });
    const outcome = askQuestion(h.ctx);
    choose("✎ Add a note");
    await screen.next();
    screen.type("Budget approved");
    screen.keypress("enter");
    await screen.next();
    expect(h.current()).toEqual({ status: "planned", answeredAt: NOW, note: "Budget approved" });
    expect(h.notices).toEqual(["✔ Note saved for M01.Q1."]);
    choose("→ Skip");
    await outcome;
  });
});

describe("Escape never changes an answer", () => {
  it("leaves the cursor and the answer as they are on a question's list", async () => {
    const h = harness(question(), { status: "in_progress", answeredAt: "2026-01-01T00:00:00Z" });
    const outcome = askQuestion(h.ctx);
    expect(list().items[list().active]).toBe("In progress (current answer)");
    screen.keypress("down");
    expect(list().items[list().active]).toBe("Planned");
    screen.keypress("escape");
    expect(list().items[list().active]).toBe("Planned");
    screen.keypress("up");
    screen.keypress("escape");
    expect(list().items[list().active]).toBe("In progress (current answer)");
    expect(h.saves).toEqual([]);
    // Enter now confirms the answer unchanged; before, Escape moved to "Implemented".
    screen.keypress("enter");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual({ status: "in_progress", answeredAt: "2026-01-01T00:00:00Z" });
  });

  it("returns from the note prompt to the list, leaving the note as it was", async () => {
    const h = harness(question(), { status: "planned", note: "old", answeredAt: NOW });
    const outcome = askQuestion(h.ctx);
    choose("✎ Edit the note");
    await screen.next();
    screen.type(" and more");
    screen.keypress("escape");
    await screen.next();
    expect(screen.getScreen()).toContain("? Your answer");
    expect(h.saves).toEqual([]);
    choose("→ Skip");
    await outcome;
    expect(h.current()).toEqual({ status: "planned", note: "old", answeredAt: NOW });
  });

  it("returns from the not-applicable justification to the list without saving", async () => {
    const h = harness(question(), { status: "planned", answeredAt: NOW });
    const outcome = askQuestion(h.ctx);
    choose("Not applicable");
    await screen.next();
    screen.type("no port");
    screen.keypress("escape");
    await screen.next();
    expect(list().items[list().active]).toBe("Planned (current answer)");
    choose("→ Skip");
    await outcome;
    expect(h.saves).toEqual([]);
  });

  it("returns from the number prompt and from the checkbox to the list without saving", async () => {
    const number = harness(question({ type: "number", unit: { en: "ha", zh: "公顷" } }));
    let outcome = askQuestion(number.ctx);
    choose("Enter the number");
    await screen.next();
    screen.type("12");
    screen.keypress("escape");
    await screen.next();
    expect(screen.getScreen()).toContain("? Your answer");
    choose("→ Skip");
    await outcome;
    expect(number.saves).toEqual([]);

    const options = [
      { id: "x", label: { en: "Ex", zh: "甲" }, score: 0.5 },
      { id: "y", label: { en: "Why", zh: "乙" }, score: 0.5 },
    ];
    const multi = harness(question({ type: "multi", options }), { value: ["y"] });
    outcome = askQuestion(multi.ctx);
    choose("Choose the ones");
    await screen.next();
    screen.keypress("space");
    screen.keypress("escape");
    await screen.next();
    expect(screen.getScreen()).toContain("? Your answer");
    choose("→ Skip");
    await outcome;
    expect(multi.saves).toEqual([]);
    expect(multi.current()).toEqual({ value: ["y"] });
  });

  it("returns from the evidence prompt to the list without saving the status", async () => {
    const before = { status: "in_progress" as const, answeredAt: "2026-01-01T00:00:00Z" };
    const h = harness(question(withEvidence), before);
    const outcome = askQuestion(h.ctx);
    choose("Implemented");
    await screen.next();
    expect(screen.getScreen()).toContain("? Evidence 1:");
    screen.type("https://half.example/typed");
    screen.keypress("escape");
    await screen.next();
    // Back on the same question's list, the answer as it was, nothing saved.
    expect(list().items[list().active]).toBe("In progress (current answer)");
    expect(h.saves).toEqual([]);
    choose("→ Skip");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual(before);
  });

  it("Escape after confirmed evidence items keeps those items but not the status", async () => {
    const before = { status: "planned" as const, answeredAt: "2026-01-01T00:00:00Z" };
    const h = harness(question(withEvidence), before);
    const outcome = askQuestion(h.ctx);
    choose("Implemented");
    await screen.next();
    screen.type("a.pdf");
    screen.keypress("enter");
    await screen.next();
    screen.type("half-typed");
    screen.keypress("escape");
    await screen.next();
    expect(list().items[list().active]).toBe("Planned (current answer)");
    expect(h.current()).toEqual({ ...before, evidence: ["a.pdf"] });
    choose("→ Skip");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual({ ...before, evidence: ["a.pdf"] });
  });

  it("Escape on the keep/add/replace list of earlier evidence goes back without saving", async () => {
    const before = { status: "planned" as const, evidence: ["old.pdf"], answeredAt: NOW };
    const h = harness(question(withEvidence), before);
    const outcome = askQuestion(h.ctx);
    choose("Implemented");
    await screen.next();
    screen.keypress("escape");
    await screen.next();
    expect(list().items[list().active]).toBe("Planned (current answer)");
    choose("→ Skip");
    await outcome;
    expect(h.saves).toEqual([]);
  });

  it("offers a note before the question has an answer", async () => {
    const h = harness(question());
    const outcome = askQuestion(h.ctx);
    choose("✎ Add a note");
    await screen.next();
    screen.type("Ask the land bureau");
    screen.keypress("enter");
    await screen.next();
    expect(h.current()).toEqual({ note: "Ask the land bureau" });
    // A note alone does not answer the question: skipping says it stays unanswered.
    choose("→ Skip");
    await outcome;
    expect(h.notices).toContain("M01.Q1 skipped; it stays unanswered.");
  });
});

describe("askQuestion: value questions", () => {
  it("yes/no questions offer yes, no, don't know and not applicable", async () => {
    const h = harness(question({ type: "yesno" }));
    const outcome = askQuestion(h.ctx);
    expect(list().items.slice(0, 4)).toEqual(["Yes", "No", "Don't know", "Not applicable"]);
    choose("No");
    await skipActionOffer();
    await outcome;
    expect(h.current()).toEqual({ value: false, answeredAt: NOW });
  });

  it('a "no" claims nothing, so it asks for no evidence', async () => {
    const h = harness(question({ type: "yesno", ...withEvidence }));
    const outcome = askQuestion(h.ctx);
    choose("No");
    await skipActionOffer();
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual({ value: false, answeredAt: NOW });
  });

  it("a value that scores asks for evidence when `implemented` requires it", async () => {
    const h = harness(question({ type: "yesno", ...withEvidence }));
    const outcome = askQuestion(h.ctx);
    choose("Yes");
    await screen.next();
    expect(screen.getScreen()).toContain("? Evidence 1:");
    screen.keypress("enter");
    await outcome;
    expect(h.current()).toEqual({ value: true, answeredAt: NOW });
  });

  it("choice questions list their options and preselect the current one", async () => {
    const q = question({
      type: "choice",
      options: [
        { id: "low", label: { en: "Low", zh: "低" }, score: 0 },
        { id: "high", label: { en: "High", zh: "高" }, score: 1 },
      ],
    });
    const h = harness(q, { value: "high" });
    const outcome = askQuestion(h.ctx);
    const shown = list();
    expect(shown.items[shown.active]).toBe("High (current answer)");
    choose("Low");
    await skipActionOffer();
    await outcome;
    expect(h.current()).toEqual({ value: "low", answeredAt: NOW });
  });

  it("number questions validate the input and show the unit", async () => {
    const q = question({ type: "number", unit: { en: "ha", zh: "公顷" }, target: 10 });
    const h = harness(q);
    const outcome = askQuestion(h.ctx);
    choose("Enter the number (ha)");
    await screen.next();
    expect(screen.getScreen()).toContain("? Number (ha):");
    expect(h.printed).toContain("Leave it empty to go back to the list.");
    screen.type("-3");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Enter a number of 0 or more");
    for (let i = 0; i < 2; i++) screen.keypress("backspace");
    screen.type("2.5");
    screen.keypress("enter");
    await skipActionOffer();
    await outcome;
    expect(h.current()).toEqual({ value: 2.5, answeredAt: NOW });
    expect(h.notices).toEqual(["✔ Saved M01.Q1: 2.5 ha"]);
  });

  it.each([
    ["en", "Enter the number", "9999999999999999999999 cannot be saved exactly as typed"],
    ["zh", "填写数值", "9999999999999999999999 无法按输入原样保存"],
  ] as const)(
    "refuses a number that would be saved as another number (QA 3 #2): %s",
    async (lang, entry, words) => {
      const h = harness(question({ type: "number", integer: true }), undefined, lang);
      const outcome = askQuestion(h.ctx);
      choose(entry);
      await screen.next();
      screen.type("9999999999999999999999");
      screen.keypress("enter");
      await vi.waitFor(() => expect(screen.getScreen()).toContain(words));
      expect(h.saves).toEqual([]);
      for (let i = 0; i < 22; i++) screen.keypress("backspace");
      screen.type("999999999999999");
      screen.keypress("enter");
      await outcome;
      expect(h.current()).toEqual({ value: 999999999999999, answeredAt: NOW });
      expect(h.notices[0]).toContain("999999999999999");
    },
  );

  it("an empty number goes back to the list", async () => {
    const q = question({ type: "number", unit: { en: "ha", zh: "公顷" }, target: 10 });
    const h = harness(q);
    const outcome = askQuestion(h.ctx);
    choose("Enter the number");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("? Your answer");
    choose("Don't know");
    await skipActionOffer();
    await outcome;
    expect(h.saves).toEqual([{ status: "unknown", answeredAt: NOW }]);
    expect(h.renders).toEqual([false, false]);
  });

  it("multi questions use a checkbox with the current choices checked", async () => {
    const q = question({
      type: "multi",
      options: [
        { id: "x", label: { en: "Ex", zh: "甲" }, score: 0.5 },
        { id: "y", label: { en: "Why", zh: "乙" }, score: 0.5 },
      ],
    });
    const h = harness(q, { value: ["y"] });
    const outcome = askQuestion(h.ctx);
    expect(list().items[0]).toBe("Choose the ones that apply — now: Why");
    choose("Choose the ones");
    await screen.next();
    expect(screen.getScreen()).toContain("◉ Why");
    screen.keypress("space");
    screen.keypress("enter");
    await outcome;
    expect(h.current()).toEqual({ value: ["x", "y"], answeredAt: NOW });
  });

  it("text questions take a line of text, kept as typed (blanks too)", async () => {
    const h = harness(question({ type: "text" }));
    const outcome = askQuestion(h.ctx);
    choose("Enter the answer");
    await screen.next();
    screen.type("  A one-stop centre  ");
    screen.keypress("enter");
    await outcome;
    expect(h.current()).toEqual({ value: "  A one-stop centre  ", answeredAt: NOW });
  });
});

describe("askQuestion in Chinese", () => {
  it("shows the list and notices in Chinese", async () => {
    const h = harness(question(withEvidence), { status: "planned" }, "zh");
    const outcome = askQuestion(h.ctx);
    const shown = list();
    expect(shown.items[shown.active]).toBe("已纳入计划（当前答案）");
    expect(shown.items).toContain("← 返回上一题");
    expect(screen.getScreen()).toContain("↑↓ 移动 • ⏎ 选择");
    choose("已落实");
    await screen.next();
    expect(screen.getScreen()).toContain("? 佐证材料 1：");
    screen.type("文件.pdf");
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await outcome;
    expect(h.notices).toEqual(["✔ 已保存 M01.Q1：已落实，佐证材料 1 条"]);
  });
});

describe("defaultChoice", () => {
  it("points at the current answer", () => {
    expect(defaultChoice(question(), undefined)).toEqual({});
    expect(defaultChoice(question(), { review: true })).toEqual({});
    expect(defaultChoice(question(), { status: "unknown" })).toEqual({ default: "status:unknown" });
    expect(defaultChoice(question({ type: "yesno" }), { value: false })).toEqual({ default: "no" });
    expect(defaultChoice(question({ type: "choice" }), { value: "a" })).toEqual({
      default: "option:a",
    });
    expect(defaultChoice(question({ type: "number" }), { value: 3 })).toEqual({ default: "enter" });
  });
});

describe("parseNumber", () => {
  it("reads numbers as people type them", () => {
    expect(parseNumber("12")).toBe(12);
    // Minus zero is zero: saved as 0, never -0.
    for (const zero of ["-0", "-0.0", "－０", "-.0"])
      expect(Object.is(parseNumber(zero), 0)).toBe(true);
    expect(parseNumber(" 3.5 ")).toBe(3.5);
    expect(parseNumber(".5")).toBe(0.5);
    expect(parseNumber("1,234")).toBe(1234);
    expect(parseNumber("１２")).toBe(12);
    expect(parseNumber("０．５")).toBe(0.5);
    expect(parseNumber("0")).toBe(0);
  });

  it("reads a negative number as a number (the question's bounds decide whether it fits)", () => {
    expect(parseNumber("-1")).toBe(-1);
    expect(parseNumber("－2.5")).toBe(-2.5);
  });

  it("tells the numbers that are saved exactly as typed: 15 significant digits, 10^-6 to 10^21", () => {
    for (const text of [
      "0",
      "12",
      "0.000001",
      "999999999999999",
      "１２３,４５６",
      "-0.5",
      "100000000000000000000",
      "0.100000000000000",
    ]) {
      expect(savesExactly(text)).toBe(true);
    }
    for (const text of [
      "9999999999999999999999",
      "1000000000000000000000",
      "0.0000001",
      "1234567890123456",
      "1.00000000000000001",
    ]) {
      expect(savesExactly(text)).toBe(false);
    }
  });

  it("rejects what is not a number", () => {
    for (const text of ["", "-", "--1", "abc", "1e3", "12 ha", "1.2.3", "Infinity"]) {
      expect(parseNumber(text)).toBeUndefined();
    }
  });
});

describe("askQuestion: owner and due date of a gap", () => {
  it("asks once after an answer below 1, saving the owner and then a valid due date", async () => {
    const h = harness(question());
    const outcome = askQuestion(h.ctx);
    choose("Planned");
    await screen.next();
    expect(h.printed.at(-1)).toBe(
      'M01.Q1 leaves a gap. Who will close it, and by when? (Enter at both skips; "☐ Set an owner and a due date" in the list sets it later.)',
    );
    expect(screen.getScreen()).toContain(
      "? Owner of M01.Q1, the unit or person responsible (Enter: none):",
    );
    screen.type("经济发展局");
    screen.keypress("enter");
    await screen.next();
    expect(h.current()).toEqual({ status: "planned", owner: "经济发展局", answeredAt: NOW });
    expect(screen.getScreen()).toContain("? Due date of M01.Q1, YYYY-MM-DD");
    screen.type("2026-02-30");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("2026-02-30 is not a calendar day");
    expect(screen.getScreen()).not.toContain("Give a date as YYYY-MM-DD");
    for (let i = 0; i < 2; i++) screen.keypress("backspace");
    screen.type("3");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Give a date as YYYY-MM-DD");
    screen.keypress("backspace");
    screen.type("28");
    screen.keypress("enter");
    await expect(outcome).resolves.toBe("next");
    expect(h.current()).toEqual({
      status: "planned",
      owner: "经济发展局",
      due: "2026-02-28",
      answeredAt: NOW,
    });
    expect(h.notices.at(-1)).toBe("✔ Action saved for M01.Q1: owner 经济发展局, due 2026-02-28.");
  });

  it.each([
    ["en", "Planned", "? Owner of M01.Q1", "? Due date of M01.Q1", "✔ Action saved for M01.Q1"],
    ["zh", "已纳入计划", "? M01.Q1 的责任单位", "? M01.Q1 的完成时限", "M01.Q1"],
  ] as const)(
    "after an answer (%s), Enter at the owner still asks the due date, which is saved alone",
    async (lang, planned, ownerPrompt, duePrompt, savedNotice) => {
      const h = harness(question(), undefined, lang);
      const outcome = askQuestion(h.ctx);
      choose(planned);
      await screen.next();
      expect(screen.getScreen()).toContain(ownerPrompt);
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain(duePrompt);
      screen.type("2026-12-31");
      screen.keypress("enter");
      await expect(outcome).resolves.toBe("next");
      expect(h.current()).toEqual({ status: "planned", due: "2026-12-31", answeredAt: NOW });
      expect(h.notices.at(-1)).toContain(savedNotice);
      expect(h.notices.at(-1)).toContain("2026-12-31");
    },
  );

  it.each([
    [
      "en",
      "M01.Q1: the due date 2026-01-31 is already past; the report shows this action as overdue.",
    ],
    ["zh", "M01.Q1：完成时限 2026-01-31 已过，报告中该行动将显示为逾期。"],
  ] as const)(
    "a due date typed in full-width digits is saved in ASCII; one already past is said (%s)",
    async (lang, past) => {
      const h = harness(question(), { status: "planned", answeredAt: NOW }, lang);
      const outcome = askQuestion(h.ctx);
      choose(lang === "en" ? "☐ Set an owner and a due date" : "☐ 设定责任单位和完成时限");
      await screen.next();
      screen.keypress("enter");
      await screen.next();
      screen.type("２０２６－０１－３１");
      screen.keypress("enter");
      await screen.next();
      expect(h.current()).toEqual({ status: "planned", due: "2026-01-31", answeredAt: NOW });
      expect(h.notices).toContain(past);
      choose(lang === "en" ? "→ Skip" : "→ 暂时跳过");
      await outcome;
    },
  );

  it("a due date today or later is saved without a word of its being past", async () => {
    const h = harness(question(), { status: "planned", answeredAt: NOW });
    const outcome = askQuestion(h.ctx);
    choose("☐ Set an owner and a due date");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    screen.type(NOW.slice(0, 10));
    screen.keypress("enter");
    await screen.next();
    expect(h.current()?.due).toBe(NOW.slice(0, 10));
    expect(h.notices.join("\n")).not.toContain("already past");
    choose("→ Skip");
    await outcome;
  });

  it("after an answer, Enter at both the owner and the due date sets nothing", async () => {
    const h = harness(question());
    const outcome = askQuestion(h.ctx);
    choose("Planned");
    await skipActionOffer();
    await expect(outcome).resolves.toBe("next");
    expect(h.saves).toEqual([{ status: "planned", answeredAt: NOW }]);
    expect(h.notices).toEqual(["✔ Saved M01.Q1: Planned"]);
  });

  it("does not ask after a full answer, nor when the entry already has an owner", async () => {
    const full = harness(question());
    const first = askQuestion(full.ctx);
    choose("Implemented");
    await expect(first).resolves.toBe("next");
    expect(full.saves).toHaveLength(1);
    const owned = harness(question(), { status: "planned", owner: "Land office", answeredAt: NOW });
    const second = askQuestion(owned.ctx);
    choose("Not started");
    await expect(second).resolves.toBe("next");
    // Re-answering keeps the owner.
    expect(owned.current()).toEqual({
      status: "not_started",
      owner: "Land office",
      answeredAt: NOW,
    });
  });

  it("edits and removes the owner and due date from the list entry, and stays on the question", async () => {
    const h = harness(question(), {
      status: "planned",
      owner: "A",
      due: "2026-05-01",
      answeredAt: NOW,
    });
    const outcome = askQuestion(h.ctx);
    choose("☐ Edit the owner and due date");
    await screen.next();
    expect(screen.getScreen()).toContain(
      "? Owner of M01.Q1 (now: A; Enter keeps it, - removes it):",
    );
    screen.type("-");
    screen.keypress("enter");
    await screen.next();
    expect(h.current()).toEqual({ status: "planned", due: "2026-05-01", answeredAt: NOW });
    expect(screen.getScreen()).toContain("(now: 2026-05-01; Enter keeps it, - removes it)");
    screen.type("-");
    screen.keypress("enter");
    await screen.next();
    expect(h.current()).toEqual({ status: "planned", answeredAt: NOW });
    expect(h.notices).toEqual(["Owner and due date removed from M01.Q1."]);
    expect(list().items).toContain("☐ Set an owner and a due date");
    choose("→ Skip for now");
    await expect(outcome).resolves.toBe("next");
  });
});

describe("confirming without a change writes nothing and says so", () => {
  const THEN = "2026-01-01T00:00:00Z";

  it("a status confirmed in review: kept, not saved, in English and Chinese", async () => {
    for (const [lang, notice] of [
      ["en", "✔ M01.Q1 kept as it was: In progress (nothing changed, nothing written)"],
      ["zh", "✔ M01.Q1 保持原样：推进中（没有改动，未写入文件）"],
    ] as const) {
      const h = harness(question(), { status: "in_progress", answeredAt: THEN }, lang);
      const outcome = askQuestion(h.ctx);
      screen.keypress("enter");
      await expect(outcome).resolves.toBe("next");
      expect(h.saves).toEqual([]);
      expect(h.notices).toEqual([notice]);
    }
  });

  it.each(["en", "zh"] as const)(
    "an answer given where not applicable was keeps its justification as the note, and says so (%s)",
    async (lang) => {
      const h = harness(
        question(),
        { status: "not_applicable", note: "No port", answeredAt: THEN },
        lang,
      );
      const outcome = askQuestion(h.ctx);
      choose(lang === "en" ? "Implemented" : "已落实");
      await expect(outcome).resolves.toBe("next");
      expect(h.current()).toEqual({ status: "implemented", note: "No port", answeredAt: NOW });
      expect(h.notices).toContain(
        lang === "en"
          ? "The justification written for “not applicable” stays as the note of M01.Q1; choose “✎ Edit the note” to change or remove it."
          : "原先为“不适用”填写的理由保留为 M01.Q1 的备注；如需修改或删除，请选择“✎ 修改备注”。",
      );
    },
  );

  it("not applicable with the same justification: kept", async () => {
    const h = harness(question(), { status: "not_applicable", note: "No port", answeredAt: THEN });
    const outcome = askQuestion(h.ctx);
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("No port");
    screen.keypress("enter");
    await expect(outcome).resolves.toBe("next");
    expect(h.saves).toEqual([]);
    expect(h.notices).toEqual([
      "✔ M01.Q1 kept as it was: Not applicable (nothing changed, nothing written)",
    ]);
  });

  it("the same answer with its evidence kept: kept", async () => {
    const initial: Answer = { status: "implemented", evidence: ["doc.pdf"], answeredAt: THEN };
    const h = harness(question(withEvidence), initial);
    const outcome = askQuestion(h.ctx);
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("doc.pdf");
    screen.keypress("enter"); // "Keep them"
    await expect(outcome).resolves.toBe("next");
    expect(h.saves).toEqual([]);
    expect(h.notices[0]).toMatch(/^✔ M01\.Q1 kept as it was: Implemented/);
  });

  it("a value confirmed unchanged: kept", async () => {
    const h = harness(question({ type: "text" }), { value: "Two parks", answeredAt: THEN });
    const outcome = askQuestion(h.ctx);
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await expect(outcome).resolves.toBe("next");
    expect(h.saves).toEqual([]);
    expect(h.notices).toEqual([
      "✔ M01.Q1 kept as it was: Two parks (nothing changed, nothing written)",
    ]);
  });

  it("a note confirmed unchanged, or an empty note left empty: nothing saved", async () => {
    const h = harness(question(), { status: "planned", note: "old", answeredAt: THEN });
    const outcome = askQuestion(h.ctx);
    choose("✎ Edit the note");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(h.notices).toEqual(["The note of M01.Q1 is unchanged."]);
    choose("✎ Edit the note");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    choose("→ Skip");
    await outcome;
    expect(h.saves).toEqual([]);
    const empty = harness(question(), { status: "planned", answeredAt: THEN });
    const second = askQuestion(empty.ctx);
    choose("✎ Add a note");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    choose("→ Skip");
    await second;
    // No "Note removed" for a note that was never there.
    expect([empty.saves, empty.notices]).toEqual([[], []]);
  });

  it('owner and due date kept with Enter: nothing saved, no "Action saved"', async () => {
    const initial: Answer = { status: "planned", owner: "A", due: "2026-05-01", answeredAt: THEN };
    const h = harness(question(), initial);
    const outcome = askQuestion(h.ctx);
    choose("☐ Edit the owner and due date");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    screen.keypress("enter");
    await screen.next();
    expect(h.saves).toEqual([]);
    expect(h.notices).toEqual(["The owner and due date of M01.Q1 are unchanged."]);
    choose("→ Skip for now");
    await outcome;
  });
});

describe("the marks of the question list's entries", () => {
  it.each(["en", "zh"] as const)("tell review from owner/due apart (%s)", (lang) => {
    const c = assessMessages(lang).choices;
    const glyph = (text: string): string => [...text][0] ?? "";
    const review = new Set([glyph(c.markReview), glyph(c.unmarkReview)]);
    expect(review.size).toBe(1);
    for (const hasAction of [false, true]) {
      expect(review.has(glyph(c.action(hasAction)))).toBe(false);
    }
    // The offer after a gap names the entry it points to.
    expect(assessMessages(lang).input.actionOffer("M01.Q1")).toContain(c.action(false));
  });
});
