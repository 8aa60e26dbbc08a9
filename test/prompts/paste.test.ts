// Pastes into netdz's prompts, through Inquirer and Node's readline as a terminal drives them
// (bracketed paste: the terminal sends a paste between ESC[200~ and ESC[201~). No Inquirer
// testing screen here: the keys go through the input stream, as they do in a terminal.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { Asker } from "../../src/prompts/ask.js";

const PASTE_START = "\u001b[200~";
const PASTE_END = "\u001b[201~";

/** An input and an output that say they are a terminal, and what was written to the output. */
function terminal(): { asker: Asker; input: PassThrough; written: () => string } {
  const input = Object.assign(new PassThrough(), {
    isTTY: true,
    setRawMode: () => input,
  });
  // As standard output, never ended by Inquirer when a prompt is done (it pipes to it).
  const output: PassThrough = Object.assign(new PassThrough(), {
    isTTY: true,
    columns: 100,
    rows: 30,
    end: () => output,
  });
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  return { asker: new Asker({ input, output }), input, written: () => text };
}

/** Lets readline and Inquirer take in what was written to the input. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("a paste into a text prompt", () => {
  for (const [name, breaks] of [
    ["LF", "\n"],
    ["CR", "\r"],
    ["CRLF", "\r\n"],
  ] as const) {
    it(`keeps its line breaks (${name}) and does not confirm the prompt`, async () => {
      const { asker, input } = terminal();
      let done = false;
      const answer = asker.input({ message: "Note" }).finally(() => (done = true));
      await settle();
      input.write(`${PASTE_START}first line${breaks}second line${breaks}${PASTE_END}`);
      await settle();
      expect(done).toBe(false);
      input.write(" and more\r");
      await expect(answer).resolves.toBe("first line\nsecond line\n and more");
    });
  }

  it("takes a tab in it as text, not as the default", async () => {
    const { asker, input } = terminal();
    const answer = asker.input({ message: "Note", default: "old note" });
    await settle();
    input.write(`${PASTE_START}\tindented${PASTE_END}\r`);
    await expect(answer).resolves.toBe("\tindented");
  });

  it("is told apart by the terminal only while a prompt waits", async () => {
    const { asker, input, written } = terminal();
    const answer = asker.input({ message: "Note" });
    await settle();
    expect(written()).toContain("\u001b[?2004h");
    expect(written()).not.toContain("\u001b[?2004l");
    input.write("typed\r");
    await expect(answer).resolves.toBe("typed");
    await settle();
    expect(written().lastIndexOf("\u001b[?2004l")).toBeGreaterThan(
      written().lastIndexOf("\u001b[?2004h"),
    );
  });

  it("is not asked for when the output is no terminal", async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
    const output = new PassThrough();
    let text = "";
    output.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    const answer = new Asker({ input, output }).input({ message: "Note" });
    await settle();
    input.write("typed\r");
    await expect(answer).resolves.toBe("typed");
    await settle();
    expect(text).not.toContain("\u001b[?2004");
  });

  it("types after a paste as before it: Enter confirms again", async () => {
    const { asker, input } = terminal();
    const first = asker.input({ message: "Owner" });
    await settle();
    input.write(`${PASTE_START}Investment${PASTE_END}\r`);
    await expect(first).resolves.toBe("Investment");
    const second = asker.input({ message: "Due" });
    await settle();
    input.write("2026-12-31\r");
    await expect(second).resolves.toBe("2026-12-31");
  });
});

describe("a long or unfinished paste", () => {
  it("takes a paste of 20 KB whole, line breaks and all", async () => {
    const { asker, input } = terminal();
    const answer = asker.input({ message: "Note" });
    await settle();
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} ${"x".repeat(40)}`);
    input.write(`${PASTE_START}${lines.join("\n")}${PASTE_END}`);
    await settle();
    input.write("\r");
    await expect(answer).resolves.toBe(lines.join("\n"));
  });

  it("ends a paste whose end never comes once no more of it arrives", async () => {
    const { asker, input } = terminal();
    const answer = asker.input({ message: "Evidence 1" });
    await settle();
    input.write(`${PASTE_START}abc\rdef`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    input.write("\r");
    await expect(answer).resolves.toBe("abc\ndef");
  });

  it("does not press the keys in a paste (Ctrl-C, arrows)", async () => {
    const { asker, input } = terminal();
    const answer = asker.input({ message: "Note" });
    await settle();
    input.write(`${PASTE_START}a\u0003b\u001b[Dc${PASTE_END}`);
    await settle();
    input.write("\r");
    await expect(answer).resolves.toBe("abc");
  });
});

describe("a paste into a list", () => {
  it("does not pick the choice under the cursor at its line breaks", async () => {
    const { asker, input } = terminal();
    let done = false;
    const answer = asker
      .select({
        message: "Pick",
        choices: [
          { value: "a", name: "Alpha" },
          { value: "b", name: "Beta" },
        ],
      })
      .finally(() => (done = true));
    await settle();
    input.write(`${PASTE_START}\n\u001b[B\r\n${PASTE_END}`);
    await settle();
    expect(done).toBe(false);
    input.write("\u001b[B\r");
    await expect(answer).resolves.toBe("b");
  });
});
