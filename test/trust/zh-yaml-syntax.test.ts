import { describe, expect, it } from "vitest";
import type { ErrorCode } from "yaml";
import { parseYamlSource } from "../../src/core/yaml-source.js";
import { diagnosticMessage } from "../../src/i18n/diagnostic-messages.js";
import { messageIn } from "../../src/render/diagnostics.js";

/** Every error code of the yaml parser (its ErrorCode type), so a new one fails to compile here. */
const CODES: Record<ErrorCode, true> = {
  ALIAS_PROPS: true,
  BAD_ALIAS: true,
  BAD_DIRECTIVE: true,
  BAD_DQ_ESCAPE: true,
  BAD_INDENT: true,
  BAD_PROP_ORDER: true,
  BAD_SCALAR_START: true,
  BLOCK_AS_IMPLICIT_KEY: true,
  BLOCK_IN_FLOW: true,
  DUPLICATE_KEY: true,
  IMPOSSIBLE: true,
  KEY_OVER_1024_CHARS: true,
  MISSING_CHAR: true,
  MULTILINE_IMPLICIT_KEY: true,
  MULTIPLE_ANCHORS: true,
  MULTIPLE_DOCS: true,
  MULTIPLE_TAGS: true,
  NON_STRING_KEY: true,
  RESOURCE_EXHAUSTION: true,
  TAB_AS_INDENT: true,
  TAG_RESOLVE_FAILED: true,
  UNEXPECTED_TOKEN: true,
  BAD_COLLECTION_TYPE: true,
};

describe("YAML syntax errors under zh are in Chinese only", () => {
  it.each(Object.keys(CODES))("%s has its own Chinese words and no English", (code) => {
    const message = diagnosticMessage(
      { id: "yaml/syntax", params: { detail: "Some English parser text", yamlCode: code } },
      "zh",
    );
    expect(message).toMatch(/^YAML 语法错误：[^A-Za-z]*[\u4e00-\u9fff]/);
    expect(message).not.toContain("English");
  });

  it.each([
    ["a tab as indentation", "a:\n\tb: 1\n"],
    ["a flow map in a block collection", "a:\n  - 1\n  {b: 2}\n"],
    ["a missing closing quote", 'a: "open\nb: 1\n'],
    ["a bad indentation", "a:\n    b: 1\n  c: 2\n"],
  ])("%s: no English words of the parser", (_name, text) => {
    const problems = parseYamlSource("f.yaml", text, "zh").diagnostics;
    expect(problems.length).toBeGreaterThan(0);
    for (const d of problems) {
      const message = messageIn(d, "zh");
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      // Only YAML, Tab and the like may stay Latin: no English sentence of the parser.
      expect(message).not.toMatch(/[A-Za-z]+ [a-z]+ [a-z]+/);
    }
  });
});
