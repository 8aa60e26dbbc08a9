// The Inquirer testing screen must be imported before the module that uses the prompts.
import { screen } from "@inquirer/testing/vitest";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { CancelledError } from "../../src/errors.js";
import {
  Asker,
  fitPageSize,
  isCancellation,
  markDefault,
  toCancelled,
} from "../../src/prompts/ask.js";

function asker(keys?: Record<string, string>): Asker {
  return new Asker({
    input: new PassThrough(),
    output: new PassThrough(),
    ...(keys ? { keys } : {}),
  });
}

function namedError(name: string): Error {
  const error = new Error("x");
  error.name = name;
  return error;
}

describe("the page size of long lists", () => {
  it("fits the terminal's height and shows every entry when the height is unknown", () => {
    expect(fitPageSize(32, 30)).toBe(22);
    expect(fitPageSize(32, 10)).toBe(3);
    expect(fitPageSize(5, 30)).toBe(7);
    expect(fitPageSize(32, undefined)).toBe(32);
  });

  it("pages a list of 32 on a terminal of 16 rows", async () => {
    const output = Object.assign(new PassThrough(), { rows: 16 });
    const choices = Array.from({ length: 32 }, (_, i) => ({ value: `p${i}`, name: `Place ${i}` }));
    const answer = new Asker({ input: new PassThrough(), output }).select({
      message: "Province",
      choices,
    });
    const shown = screen.getScreen();
    expect(shown).toContain("Place 7");
    expect(shown).not.toContain("Place 8");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("p0");
  });
});

describe("Asker.select", () => {
  it("lists choices and separators, preselects the default, and returns the value", async () => {
    const answer = asker().select({
      message: "Pick one",
      choices: [
        { value: "a", name: "Alpha" },
        { separator: "-----" },
        { value: "b", name: "Beta", description: "The second letter" },
      ],
      default: "b",
    });
    const shown = screen.getScreen();
    expect(shown).toContain("? Pick one");
    expect(shown).toContain("❯ Beta");
    expect(shown).toContain("-----");
    expect(shown).toContain("The second letter");
    screen.keypress("up");
    expect(screen.getScreen()).toContain("❯ Alpha");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("a");
  });

  it("does not wrap around from the last choice to the first", async () => {
    const answer = asker().select({
      message: "Pick",
      choices: [
        { value: "a", name: "Alpha" },
        { value: "b", name: "Beta" },
      ],
      default: "b",
    });
    screen.keypress("down");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("b");
  });

  it("shows the key hints in the interface language", async () => {
    const answer = asker({ navigate: "移动", select: "选择" }).select({
      message: "请选择",
      choices: [{ value: "a", name: "甲" }],
    });
    expect(screen.getScreen()).toContain("↑↓ 移动 • ⏎ 选择");
    screen.keypress("enter");
    await answer;
  });

  it("turns Ctrl-C into CancelledError", async () => {
    const answer = asker().select({ message: "Pick", choices: [{ value: "a", name: "Alpha" }] });
    screen.keypress({ name: "c", ctrl: true });
    await expect(answer).rejects.toBeInstanceOf(CancelledError);
  });
});

describe("Asker.cancel", () => {
  it("stops the prompt on screen and refuses every later one", async () => {
    const a = asker();
    const pending = a.input({ message: "Name" });
    a.cancel("interrupted");
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    await expect(a.confirm({ message: "Sure?" })).rejects.toBeInstanceOf(CancelledError);
    expect(a.cancelled).toBe("interrupted");
    a.cancel("closed");
    expect(a.cancelled).toBe("interrupted");
  });

  it("cancels when standard input ends while a prompt waits", async () => {
    const input = new PassThrough();
    const a = new Asker({ input, output: new PassThrough() });
    const pending = a.input({ message: "Name" });
    input.end();
    input.resume();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
    expect(a.cancelled).toBe("closed");
  });
});

describe("Asker.input", () => {
  it("validates and shows the message until the value is accepted", async () => {
    const answer = asker().input({
      message: "Count",
      validate: (value) => /^\d+$/.test(value) || "Digits only",
    });
    screen.type("x");
    screen.keypress("enter");
    await screen.next();
    expect(screen.getScreen()).toContain("Digits only");
    screen.keypress("backspace");
    screen.type("42");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("42");
  });

  it("puts an editable default in the line", async () => {
    const answer = asker().input({ message: "Name", default: "Suzhou", editable: true });
    expect(screen.getScreen()).toContain("Suzhou");
    screen.type(" Park");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("Suzhou Park");
  });
});

describe("Asker.input with a default of several lines", () => {
  // A line editor cannot edit line breaks: the default is kept whole on Enter, never cut to a line.
  it.each(["first line\nsecond line", "a\r\nb\r\n", "\nafter a break"])(
    "keeps %j whole when confirmed",
    async (note) => {
      const answer = asker().input({ message: "Note", default: note, editable: true });
      screen.keypress("enter");
      await expect(answer).resolves.toBe(note);
    },
  );

  it("replaces it with what is typed", async () => {
    const answer = asker().input({ message: "Note", default: "one\ntwo" });
    screen.type("new note");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("new note");
  });

  it("drops it on Backspace", async () => {
    const answer = asker().input({ message: "Note", default: "one\ntwo" });
    screen.keypress("backspace");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("");
  });

  it("edits it on one line, a line break shown as ⏎", async () => {
    const answer = asker().input({ message: "Note", default: "one\r\ntwo", editable: true });
    expect(screen.getScreen()).toContain("one ⏎ two");
    screen.type(" more");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("one\ntwo more");
  });

  it("validates the value with its line breaks", async () => {
    const seen: string[] = [];
    const answer = asker().input({
      message: "Note",
      default: "a\nb",
      editable: true,
      validate: (v) => {
        seen.push(v);
        return true;
      },
    });
    screen.keypress("enter");
    await expect(answer).resolves.toBe("a\nb");
    expect(seen).toEqual(["a\nb"]);
  });

  it("takes it whole on Tab when it is not in the line", async () => {
    const answer = asker().input({ message: "Note", default: "one\ntwo" });
    screen.keypress("tab");
    screen.keypress("enter");
    await expect(answer).resolves.toBe("one\ntwo");
  });
});

describe("Asker.checkbox and confirm", () => {
  it("returns the checked values, starting from the preselected ones", async () => {
    const answer = asker().checkbox({
      message: "Which?",
      choices: [
        { value: "x", name: "Ex", checked: true },
        { value: "y", name: "Why" },
      ],
    });
    expect(screen.getScreen()).toContain("◉ Ex");
    screen.keypress("down");
    screen.keypress("space");
    screen.keypress("enter");
    await expect(answer).resolves.toEqual(["x", "y"]);
  });

  it("marks the default of a yes/no hint in Chinese too", async () => {
    const zh = new Asker({
      input: new PassThrough(),
      output: new PassThrough(),
      yesNo: { yes: "是", no: "否", error: "请回答是或否" },
    });
    const answer = zh.confirm({ message: "先迁移？", default: false });
    expect(screen.getScreen()).toContain("(是/[否])");
    screen.keypress("enter");
    await expect(answer).resolves.toBe(false);
    expect(markDefault("n")).toBe("N");
  });

  it("confirms with the default on Enter", async () => {
    const answer = asker().confirm({ message: "Write it?", default: false });
    expect(screen.getScreen()).toContain("(y/N)");
    screen.keypress("enter");
    await expect(answer).resolves.toBe(false);
  });
});

describe("isCancellation and toCancelled", () => {
  it("recognises Inquirer's cancellations and closed streams", () => {
    expect(isCancellation(namedError("ExitPromptError"))).toBe(true);
    expect(isCancellation(namedError("AbortPromptError"))).toBe(true);
    expect(isCancellation(namedError("CancelPromptError"))).toBe(true);
    expect(isCancellation(Object.assign(new Error("gone"), { code: "EIO" }))).toBe(true);
    expect(
      isCancellation(Object.assign(new Error("closed"), { code: "ERR_USE_AFTER_CLOSE" })),
    ).toBe(true);
    expect(isCancellation(new CancelledError())).toBe(true);
    expect(isCancellation(new Error("bug"))).toBe(false);
    expect(isCancellation("text")).toBe(false);
  });

  it("rethrows cancellations as CancelledError and anything else as it is", () => {
    expect(() => toCancelled(namedError("ExitPromptError"))).toThrow(CancelledError);
    const bug = new TypeError("bug");
    expect(() => toCancelled(bug)).toThrow(bug);
  });
});
