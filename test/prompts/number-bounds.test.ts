// The Inquirer testing screen must be imported before the module that uses the prompts.
import { screen } from "@inquirer/testing/vitest";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { pickOnScreen } from "./screen-list.js";
import type { Answer, Lang, Question } from "../../src/core/model.js";
import { assessMessages } from "../../src/i18n/assess-messages.js";
import { Asker } from "../../src/prompts/ask.js";
import { askQuestion, type QuestionContext } from "../../src/prompts/question.js";

const NOW = "2026-11-26T10:00:00Z";

function harness(q: Question, lang: Lang) {
  let current: Answer | undefined;
  const m = assessMessages(lang);
  const ctx: QuestionContext = {
    asker: new Asker({ input: new PassThrough(), output: new PassThrough(), keys: m.keys }),
    m,
    lang,
    question: q,
    answer: () => current,
    save: async (answer) => {
      current = answer;
    },
    render: () => undefined,
    notice: () => undefined,
    print: () => undefined,
    now: () => new Date(NOW),
  };
  return { ctx, current: () => current };
}

const share: Question = {
  id: "M11.Q4",
  type: "number",
  text: { en: "What share?", zh: "比例是多少？" },
  guidance: { en: "A percentage.", zh: "百分比。" },
  weight: 1,
  unit: { en: "%", zh: "%" },
  target: 80,
  direction: "higher",
  min: 0,
  max: 100,
  integer: true,
};

describe("the number prompt keeps to the question's bounds", () => {
  it.each([
    { lang: "en" as const, pick: "Enter the number", says: "Enter a whole number from 0 to 100." },
    { lang: "zh" as const, pick: "填写数值", says: "请输入 0 至 100 之间的整数。" },
  ])("refuses -3, 120, 2.5 and abc, then takes 95 ($lang)", async ({ lang, pick, says }) => {
    const h = harness(share, lang);
    const outcome = askQuestion(h.ctx);
    pickOnScreen(screen, pick);
    await screen.next();
    for (const wrong of ["-3", "120", "2.5", "abc"]) {
      screen.type(wrong);
      screen.keypress("enter");
      await screen.next();
      expect(screen.getScreen()).toContain(says);
      for (let i = 0; i < wrong.length; i++) screen.keypress("backspace");
    }
    screen.type("95");
    screen.keypress("enter");
    await outcome;
    expect(h.current()).toEqual({ value: 95, answeredAt: NOW });
  });
});
