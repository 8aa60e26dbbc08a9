import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { answersTemplate } from "../../src/render/answers-template.js";
import { LANGS, loadReportInput } from "./document-fixtures.js";

const { set } = await loadReportInput();

describe("the answers template of init", () => {
  it.each(LANGS)("names every optional key of an answer entry in its comment (%s)", (lang) => {
    const template = answersTemplate(set, lang, "");
    const comments = template
      .split("\n")
      .filter((line) => line.trimStart().startsWith("#"))
      .join("\n");
    for (const key of ["evidence", "note", "answeredAt", "review", "owner", "due"]) {
      expect(comments).toMatch(new RegExp(`\\b${key}: `));
    }
    expect(comments).toMatch(/due: \d{4}-\d{2}-\d{2}/);
    // Still a valid answers file skeleton.
    expect(parse(template)).toMatchObject({ format: "netdz-answers/1" });
  });
});
