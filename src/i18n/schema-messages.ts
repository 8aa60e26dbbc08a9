/** Every string of `netdz schema`, its help included, in English and Chinese. */
import type { Lang } from "../core/model.js";
import { quoteZh } from "./quote.js";

export interface SchemaMessages {
  help: {
    description(names: readonly string[]): string;
    name(names: readonly string[]): string;
    after(file: string): string;
  };
  unknown(name: string, names: readonly string[]): string;
  /** The header lines of an answers file written where no stable schema path exists. */
  modelineHint(command: string, modeline: string): string[];
}

const en: SchemaMessages = {
  help: {
    description: (names) => `print a JSON Schema: ${names.join(", ")}`,
    name: (names) => names.join(" | "),
    after: (file) => `\nExample:\n  $ netdz schema answers > ${file}`,
  },
  unknown: (name, names) => `unknown schema "${name}" (choose one of: ${names.join(", ")})`,
  modelineHint: (command, modeline) => [
    "For checks and completion in your editor, save the schema beside this file:",
    `  ${command}`,
    "and make this the first line of the file:",
    `  ${modeline}`,
  ],
};

const zh: SchemaMessages = {
  help: {
    description: () => "输出某个 netdz 文件格式的 JSON Schema（名称见下方参数）",
    name: (names) => names.join(" | "),
    after: (file) => `\n示例：\n  $ netdz schema answers > ${file}`,
  },
  unknown: (name, names) => `未知的 schema${quoteZh(name)}（可选：${names.join("、")}）`,
  modelineHint: (command, modeline) => [
    "如需在编辑器中检查和补全，请把 schema 保存到本文件旁边：",
    `  ${command}`,
    "并把下面一行作为本文件的第一行：",
    `  ${modeline}`,
  ],
};

const SCHEMA_MESSAGES: Readonly<Record<Lang, SchemaMessages>> = { en, zh };

/** The strings of `netdz schema` in a language. */
export function schemaMessages(lang: Lang): SchemaMessages {
  return SCHEMA_MESSAGES[lang];
}
