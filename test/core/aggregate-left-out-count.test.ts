import { describe, expect, it } from "vitest";
import { leftOutCount, type LeftOut } from "../../src/core/aggregate.js";
import { aggregateMessages } from "../../src/i18n/aggregate-messages.js";

const file = (name: string): LeftOut => ({
  file: name,
  line: 1,
  column: 1,
  reason: { kind: "invalid", code: "yaml/syntax", message: "x" },
});
const folder = (name: string): LeftOut => ({ ...file(name), folder: true });

describe("files and folders left out are counted apart", () => {
  it("counts each kind", () => {
    expect(leftOutCount([])).toEqual({ files: 0, folders: 0 });
    expect(leftOutCount([file("a.yaml"), folder("b"), file("c.yaml")])).toEqual({
      files: 2,
      folders: 1,
    });
  });

  it.each([
    [0, 0, "3 used, 0 files left out, 1 superseded", "纳入 3 个，未纳入文件 0 个，被取代 1 个"],
    [1, 0, "3 used, 1 file left out, 1 superseded", "纳入 3 个，未纳入文件 1 个，被取代 1 个"],
    [
      0,
      1,
      "3 used, 1 folder left out, 1 superseded",
      "纳入 3 个，未纳入文件 0 个、文件夹 1 个，被取代 1 个",
    ],
    [
      2,
      3,
      "3 used, 2 files and 3 folders left out, 1 superseded",
      "纳入 3 个，未纳入文件 2 个、文件夹 3 个，被取代 1 个",
    ],
  ])("header line: %i files, %i folders", (files, folders, en, zh) => {
    expect(aggregateMessages("en").zonesLine(3, { files, folders }, 1)).toBe(en);
    expect(aggregateMessages("zh").zonesLine(3, { files, folders }, 1)).toBe(zh);
  });

  it.each([
    [1, 0, "1 file was left out", "有 1 个文件未纳入汇总"],
    [2, 0, "2 files were left out", "有 2 个文件未纳入汇总"],
    [0, 1, "1 folder was left out", "有 1 个文件夹未纳入汇总"],
    [1, 1, "1 file and 1 folder were left out", "有 1 个文件、1 个文件夹未纳入汇总"],
  ])("command line: %i files, %i folders", (files, folders, en, zh) => {
    expect(aggregateMessages("en").command.leftOut({ files, folders })).toBe(
      `${en} of the roll-up (listed in it).`,
    );
    expect(aggregateMessages("zh").command.leftOut({ files, folders })).toBe(
      `${zh}（汇总中列出）。`,
    );
  });
});
