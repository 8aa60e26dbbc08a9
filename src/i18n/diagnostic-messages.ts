/**
 * Every message of `netdz validate` (and of the answers check behind `report` and `assess`), in
 * English and Simplified Chinese. A problem is found once, as an id with structured params
 * (`DiagnosticText`); the words come from the table of the chosen language. A table that lacks a
 * message, or takes other params, does not compile. Problem codes (`set/weight`) are the same in
 * both languages; they are not in this table.
 */
import { numberBoundsWords } from "./number-bounds.js";
import { STATUSES, type Lang, type Text } from "../core/model.js";
import { STATUS_LABELS } from "./status-labels.js";
import { fileMessages, type FsReason } from "./file-messages.js";
import { joinList, literalZh, quoteZh } from "./quote.js";

/** A kind of list item that messages name by its id: `question M01.Q2`. */
export type OwnerKind = "question" | "answer" | "area" | "profileField" | "option" | "band";

/**
 * Where a value sits, in words: the items that hold it (outermost first, each by id where it has
 * one, else by its position) and the rest of the path (`target`, `evidence[0]`; empty for the item
 * itself). No owners and no path: the whole file.
 */
export interface FieldRef {
  owners: ({ kind: OwnerKind; id: string } | { kind: OwnerKind; position: number })[];
  path: string;
}

/** What a value is expected to be, for "must be …" messages. */
export type ValueKind = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/** A known form a text must have (a pattern), named in words. */
export type FormName =
  | "questionId"
  | "measureId"
  | "identifier"
  | "optionId"
  | "profileFieldId"
  | "date"
  | "dateTime"
  | "url"
  | "version";

/** The params of every message, by message id. */
export interface DiagnosticParams {
  /** `yamlCode` is the yaml parser's error code (BAD_INDENT, …); `detail` its English message. */
  "yaml/syntax": { detail: string; yamlCode?: string };
  "yaml/duplicate-key": { key?: string; first?: { line: number; column: number } };
  "yaml/multiple-docs": Record<string, never>;
  "yaml/unclosed-flow": { open: "[" | "{"; until: { line: number; column: number } };
  "schema/required": { field: FieldRef; properties: string[] };
  "schema/missing-translation": { field: FieldRef; missing: Lang };
  "schema/empty-translation": { lang: Lang };
  "schema/empty": { field: FieldRef };
  "schema/too-long": { field: FieldRef; limit: number };
  "schema/unknown-property": { field: FieldRef; property: string };
  "schema/number-split": { field: FieldRef; property: string; fixed: string; thousands: boolean };
  "schema/not-allowed": { field: FieldRef };
  "schema/enum": { field: FieldRef; allowed: string[] };
  "schema/const": { field: FieldRef; allowed: string };
  "schema/type": { field: FieldRef; expected: ValueKind[]; form?: FormName };
  "schema/not-finite": { field: FieldRef };
  "schema/thousands": { field: FieldRef; fixed: string };
  "schema/decimal-comma": { field: FieldRef; fixed: string };
  "schema/answer-value": { field: FieldRef };
  "schema/status-and-value": { field: FieldRef };
  "schema/pattern": { field: FieldRef; value: string; form?: FormName; pattern: string };
  "schema/id-case": { field: FieldRef; value: string; fixed: string; form?: FormName };
  "schema/question-id": { key: string };
  "schema/question-id-case": { key: string; fixed: string };
  "schema/min-items": { field: FieldRef; limit: number };
  "schema/max-items": { field: FieldRef; limit: number };
  "schema/unique-items": { field: FieldRef };
  "schema/minimum": { field: FieldRef; limit: number; exclusive: boolean };
  "schema/maximum": { field: FieldRef; limit: number; exclusive: boolean };
  "schema/min-properties": { field: FieldRef; limit: number };
  "schema/max-properties": { field: FieldRef; limit: number };
  "schema/format": { field: FieldRef; format: string };
  "schema/one-of": { field: FieldRef };
  "schema/multiple-of": { field: FieldRef; step: number };
  "schema/dependent-required": { field: FieldRef; property: string; needs: string };
  "schema/invalid": { field: FieldRef; keyword: string };
  "set/duplicate-measure": { id: string; first: string };
  "set/duplicate-question": { id: string; first: string };
  "set/duplicate-area": { id: string; first: string };
  "set/duplicate-profile-field": { id: string; first: string };
  "set/duplicate-profile-option": { id: string; field: string; first: string };
  "set/duplicate-option": { id: string; question?: string; first: string };
  "set/duplicate-band": { min: number; first: string };
  "set/band-floor": Record<string, never>;
  "set/unknown-area": { area: string; areas: string[] };
  "set/version-folder": { version: string; folder: string };
  "set/issued-date": { issued: string };
  "set/id-folder": { id: string; folder: string };
  "set/blank-translation": { lang: Lang };
  "set/question-prefix": { id: string; measure: string };
  "set/weight": { what: "area" | "measure" | "question"; weight: number };
  "set/number-target": { target: number };
  "set/option-score": { score: number };
  "set/bounds-order": { min: number; max: number };
  "set/target-below-min": { target: number; min: number };
  "set/target-above-max": { target: number; max: number };
  "set/bound-not-whole": { key: string; value: number };
  "set/derive-not-choice": { field: string };
  "set/derive-self": { field: string };
  "set/derive-unknown": { from: string };
  "set/derive-from-type": { from: string; type: string };
  "set/derive-chain": { from: string };
  "set/derive-option": { option: string; from: string };
  "set/derive-value": { value: string; field: string; options: string[] };
  "set/derive-unmapped": { field: string; from: string; options: string[] };
  "set/extends-area": { id: string; base: string };
  "set/extends-profile": { id: string; base: string };
  "set/extends-band": { min: number; base: string };
  "set/extends-measure": { id: string; base: string };
  "set/extends-prefix": { id: string; base: string };
  "set/extends-missing": { base: string };
  "set/extends-self": { base: string };
  "set/extends-prefix-mixed": { id: string; prefix: string; first: string };
  "set/extends-loop": { base: string };
  "set/extends-cycle": { cycle: string[] };
  "set/extends-form": { suggestion: string };
  "set/extends-changes-question": { id: string; kind: string; base: string };
  "set/extends-changes-field": { field: string; base: string };
  "set/extends-invalid": { base: string; dir: string };
  "set/applies-when-field": { field: string; fields: string[] };
  "set/applies-when-yesno": { field: string; value: string };
  "set/applies-when-choice": { field: string; value: string; options: string[] };
  "set/applies-when-text": { field: string; value: string };
  "set/numbering-repeat": { n: number; first: string };
  "set/numbering-gap": { n: number; count: number; missing: number[] };
  "set/empty-area": { area: string };
  "set/no-measures": Record<string, never>;
  /** `changes`: the file is a version's changes file, not a measure file. */
  "set/no-header": { count: number; folder: string; changes?: boolean };
  "set/header-name": { name: string };
  "set/not-a-measure": { format?: string };
  "file/unknown-format": {
    format?: string;
    /** Another version of a format netdz reads: the one it reads, and whether this is later. */
    version?: { reads: string; later: boolean };
    /** A format netdz reads that this one is a misspelling of. */
    near?: string;
  };
  "file/problem-limit": { limit: number };
  "answers/profile-missing": { field: string; label: Text };
  "answers/profile-yesno": { field: string };
  "answers/profile-choice": { field: string; value: string; options: string[] };
  "answers/profile-text": { field: string };
  "answers/profile-choice-type": { field: string; options: string[] };
  "answers/profile-unknown": { key: string; set: string };
  "answers/unknown-question": { id: string; set: string };
  "answers/na-note": { id: string };
  "answers/missing-evidence": { id: string; status?: string; hint?: Text };
  "answers/empty": { id: string };
  "answers/due-date": { id: string; due: string };
  "answers/answered-at": { id: string; at: string };
  "answers/owner-blank": { id: string };
  /** `relative`: the item names a path relative to the answers file's folder (not absolute). */
  "answers/evidence-missing": { id: string; item: string; relative?: boolean };
  /** An evidence path that is there but cannot be looked at (a link loop, no permission). */
  "answers/evidence-unreadable": { id: string; item: string; reason: FsReason };
  "answers/not-applicable-to-zone": { id: string; field: string; actual?: string };
  "answers/many-not-applicable": {
    declared: number;
    applicable: number;
    percent: string;
    limit: number;
  };
  "answers/status-question": { id: string };
  "answers/status-type": { id: string; type: string; status: string };
  "answers/yesno": { id: string; value: string };
  "answers/number": { id: string; value: string };
  "answers/not-finite": { id: string };
  "answers/thousands": { id: string; fixed: string };
  "answers/decimal-comma": { id: string; fixed: string };
  "answers/negative": { id: string; value: number };
  "changes/retired-reused": { id: string; version: string };
  "changes/no-changes-file": { ids: string[]; from: string; to: string };
  "changes/version-not-moved": { from: string; to: string };
  "changes/from-missing": { from: string; id: string; available: string[] };
  "changes/previous-invalid": { from: string; dir: string };
  "changes/from-skips": { from: string; to: string; skipped: string[] };
  "changes/version-minor": { from: string; to: string; suggestion: string };
  "changes/named-twice": { id: string; entry: number };
  "changes/target-twice": { id: string; entry: number };
  "changes/rename-self": { id: string };
  "changes/entry-kinds": { entry: number; kinds: string[] };
  "changes/not-a-question": { id: string; set: string };
  "changes/rename-target": { id: string; version: string };
  "changes/rename-source": { id: string; version: string };
  "changes/rescale-unchanged": { id: string; version: string };
  "changes/unaccounted": { id: string; from: string; to: string };
  "changes/unannounced-rescale": { id: string; version: string; reworded?: boolean };
  "changes/not-a-field": { field: string; set: string };
  "changes/duplicate-value": { value: string; other: string };
  "changes/profile-yesno": { field: string; value: string };
  "changes/profile-choice": { field: string; value: string; options: string[] };
  "changes/profile-text": { field: string; value: string };
  "answers/number-range": {
    id: string;
    value: number;
    min: number;
    max?: number;
    integer: boolean;
  };
  "answers/not-whole": { id: string; value: number };
  "answers/profile-derived": { field: string; from: string; derived?: string; value: string };
  "answers/choice": { id: string; value: string; options: string[] };
  "answers/multi-repeat": { id: string; repeated: string[] };
  "answers/multi-unknown": { id: string; value: string; options: string[] };
  "answers/text": { id: string; value: string };
  "answers/set-not-available": { set: string; id: string; others: string[] };
  "answers/invalid-set": { set: string; errors: number; first: string };
  "answers/not-answers-file": { kind: "set" | "measure" | "changes" };
}

export type MessageId = keyof DiagnosticParams;

/** A message before it is put into words: its id and params. */
export type DiagnosticText = {
  [K in MessageId]: { id: K; params: DiagnosticParams[K] };
}[MessageId];

type MessageTable = { [K in MessageId]: (p: DiagnosticParams[K]) => string };

const FORMS: Record<Lang, Record<FormName, string>> = {
  en: {
    questionId: "a question id like M01.Q1",
    measureId: "a measure id like M01",
    identifier: "lower-case letters, digits and hyphens, starting with a letter",
    optionId: "lower-case letters, digits, _ and -",
    profileFieldId: "letters, digits and _, starting with a letter",
    date: "a date like 2025-05-21",
    dateTime: "a date and time like 2026-11-26T10:00:00Z",
    url: "a web address starting with http:// or https://",
    version: "a version like 1.0.0",
  },
  zh: {
    questionId: "形如 M01.Q1 的问题编号",
    measureId: "形如 M01 的举措编号",
    identifier: "以小写字母开头，由小写字母、数字和连字符组成",
    optionId: "由小写字母、数字、_ 和 - 组成",
    profileFieldId: "以字母开头，由字母、数字和 _ 组成",
    date: "形如 2025-05-21 的日期",
    dateTime: "形如 2026-11-26T10:00:00Z 的日期时间",
    url: "以 http:// 或 https:// 开头的网址",
    version: "形如 1.0.0 的版本号",
  },
};

const KINDS: Record<Lang, Record<ValueKind, string>> = {
  en: {
    string: "a text",
    number: "a number",
    integer: "a whole number",
    boolean: "true/false",
    object: "a mapping (key: value)",
    array: "a list",
    null: "empty",
  },
  zh: {
    string: "文字",
    number: "数值",
    integer: "整数",
    boolean: "true/false",
    object: "映射（键: 值）",
    array: "列表",
    null: "空值",
  },
};

const OWNERS: Record<Lang, Record<OwnerKind, string>> = {
  en: {
    question: "question",
    answer: "answer",
    area: "area",
    profileField: "profile field",
    option: "option",
    band: "band",
  },
  zh: {
    question: "问题",
    answer: "回答",
    area: "方面",
    profileField: "画像字段",
    option: "选项",
    band: "等级",
  },
};

/**
 * The yaml parser's errors in Chinese words, one for each of its error codes; under zh its own
 * (English) message is not shown (only for a code this table lacks).
 */
/**
 * The same summaries in English, for the syntax errors of a file over 256 KB (read by js-yaml,
 * whose own words are not shown): by the code yaml gives the same fault in a smaller file.
 * NOT_YAML is netdz's own: a fault with no closer summary.
 */
export const YAML_ERRORS_EN: Readonly<Record<string, string>> = {
  BAD_INDENT:
    "the indentation is wrong here (the entries of one mapping or list start at the same column)",
  // yaml's own words, which a small file indented with tabs throughout gets.
  TAB_AS_INDENT: "Tabs are not allowed as indentation",
  MISSING_CHAR:
    "a character is missing, such as a closing quote or bracket, or a comma between entries",
  MULTILINE_IMPLICIT_KEY:
    "a key cannot run over lines: a colon may be missing, or the indentation is wrong",
  UNEXPECTED_TOKEN: "a character here does not belong where it stands",
  BAD_DQ_ESCAPE: "an escape (\\…) in this double-quoted text is not valid",
  BAD_SCALAR_START: "a value cannot start with this character; put the value in quotes",
  BAD_ALIAS: "the alias (*) is written wrongly or not defined",
  BAD_DIRECTIVE: "the directive starting with % is written wrongly",
  NOT_YAML: "the text here is not valid YAML",
};

const YAML_ERRORS_ZH: Readonly<Record<string, string>> = {
  NOT_YAML: "此处的文字不是有效的 YAML",
  BAD_INDENT: "缩进不正确",
  TAB_AS_INDENT: "用了 Tab 缩进，请改用空格",
  MISSING_CHAR: "缺少字符，例如引号或括号没有闭合",
  MULTILINE_IMPLICIT_KEY: "键不能跨行，可能缺少冒号或缩进不对",
  BLOCK_AS_IMPLICIT_KEY: "键的写法不对，可能缺少冒号或缩进不对",
  UNEXPECTED_TOKEN: "这里出现了不该有的字符",
  BAD_DQ_ESCAPE: "双引号文字中的转义写法不对",
  BAD_SCALAR_START: "值不能以这个字符开头，请用引号括起来",
  BLOCK_IN_FLOW: "在 { } 或 [ ] 中不能换行写块",
  BAD_ALIAS: "别名（*）写法不对或没有定义",
  KEY_OVER_1024_CHARS: "键超过 1024 个字符",
  RESOURCE_EXHAUSTION: "别名展开得太多",
  DUPLICATE_KEY: "键重复",
  ALIAS_PROPS: "别名（*）前不能写锚点或标签",
  BAD_DIRECTIVE: "% 开头的指令写法不对",
  BAD_PROP_ORDER: "锚点（&）和标签（!）要写在值的前面",
  BAD_COLLECTION_TYPE: "列表或映射的写法与其类型不符",
  IMPOSSIBLE: "此处无法解析",
  MULTIPLE_ANCHORS: "一个值只能有一个锚点（&）",
  MULTIPLE_DOCS: "文件中有不止一个 YAML 文档",
  MULTIPLE_TAGS: "一个值只能有一个标签（!）",
  NON_STRING_KEY: "键必须是文字",
  TAG_RESOLVE_FAILED: "无法识别此标签",
};

/** How messages name each language of a bilingual text, in each language. */
const LANGUAGE_LABELS: Record<Lang, Record<Lang, string>> = {
  en: { en: "English (en)", zh: "Chinese (zh)" },
  zh: { en: "英文（en）", zh: "中文（zh）" },
};

/** `target of question M01.Q2`, `the file`, `source.url`. */
/**
 * A path that ends in a list item (`evidence[19]`) as people count items, from 1: `evidence
 * item 20` / `evidence 第 20 项`; any other path as it is.
 */
function itemPath(path: string, lang: Lang): string {
  const item = /^([^[\]]+)\[(\d+)\]$/.exec(path);
  if (!item) return path;
  const n = Number(item[2]) + 1;
  return lang === "zh" ? `${item[1]} 第 ${n} 项` : `${item[1]} item ${n}`;
}

function fieldEn(ref: FieldRef): string {
  const field = { ...ref, path: itemPath(ref.path, "en") };
  const owners = [...field.owners]
    .reverse()
    .map((o) => `${OWNERS.en[o.kind]} ${"id" in o ? o.id : `#${o.position}`}`)
    .join(" in ");
  if (owners === "") return field.path === "" ? "the file" : field.path;
  return field.path === "" ? owners : `${field.path} of ${owners}`;
}

/** The action fields of an answer in the words of Chinese task lists, with the file's key. */
const ANSWER_FIELDS_ZH: Readonly<Record<string, string>> = {
  owner: "责任单位（owner）",
  due: "完成时限（due）",
};

/** `问题 M01.Q2 的 target`, `文件`. */
function fieldZh(ref: FieldRef): string {
  const field = { ...ref, path: itemPath(ref.path, "zh") };
  const owners = field.owners
    .map((o) =>
      "id" in o ? `${OWNERS.zh[o.kind]} ${o.id}` : `第 ${o.position} 个${OWNERS.zh[o.kind]}`,
    )
    .join(" 的");
  if (owners === "") return field.path === "" ? "文件" : field.path;
  const last = field.owners.at(-1)?.kind;
  const named = (last === "answer" && ANSWER_FIELDS_ZH[field.path]) || field.path;
  const text = field.path === "" ? owners : `${owners} 的 ${named}`;
  // A space separates Chinese from Latin text, never two Chinese characters.
  return text.replace(/([\u4e00-\u9fff]) (?=[\u4e00-\u9fff])/g, "$1");
}

/** A status as the Chinese interface names it, with the word the file uses: `已落实（implemented）`. */
function statusZh(status: string): string {
  const known = STATUSES.find((s) => s === status);
  return known === undefined ? status : `${STATUS_LABELS.zh[known]}（${status}）`;
}

/** A field opening a Chinese sentence: followed by a space only where it ends in Latin text. */
function subjectZh(field: FieldRef): string {
  const text = fieldZh(field);
  return /[\u4e00-\u9fff）」”]$/.test(text) ? text : `${text} `;
}

/** The first letter in capitals where a field named in words opens a sentence (not a raw path). */
function cap(text: string): string {
  return /^[a-z]+ /.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

const quoteEn = (items: readonly string[]) => items.map((s) => `"${s}"`).join(", ");
const listEn = (items: readonly (string | number)[]) => joinList(items, "en");
/** `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
const andEn = (items: readonly string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
const listZh = (items: readonly (string | number)[]) => joinList(items, "zh");
const kindsEn = (kinds: readonly ValueKind[]) => kinds.map((k) => KINDS.en[k]).join(" or ");
const kindsZh = (kinds: readonly ValueKind[]) =>
  kinds
    .map((k) => KINDS.zh[k])
    .join("或")
    .replace(/([\u4e00-\u9fff])([A-Za-z])/g, "$1 $2")
    .replace(/([A-Za-z])([\u4e00-\u9fff])/g, "$1 $2");

const en: MessageTable = {
  "yaml/syntax": (p) => p.detail,
  "yaml/duplicate-key": (p) =>
    `${p.key === undefined ? "duplicate key" : `duplicate key "${p.key}"`}: a key may appear only once in a mapping` +
    (p.first
      ? ` (first at line ${p.first.line}, column ${p.first.column}; remove one of them)`
      : ""),
  "yaml/multiple-docs": () =>
    "the file holds more than one YAML document; remove the `---` line that starts the second",
  "yaml/unclosed-flow": (p) =>
    `the ${p.open === "[" ? "list" : "mapping"} that opens with this ${p.open} is not closed with ${p.open === "[" ? "]" : "}"}, or a line inside it is not indented more than the key it belongs to; it was read up to line ${p.until.line}, column ${p.until.column}`,
  "schema/required": (p) =>
    `${cap(fieldEn(p.field))} is missing the required ${p.properties.length === 1 ? "field" : "fields"} ${andEn(p.properties.map((s) => `"${s}"`))}`,
  "schema/missing-translation": (p) =>
    `${cap(fieldEn(p.field))} has ${LANGUAGE_LABELS.en[p.missing === "en" ? "zh" : "en"]} but no ${LANGUAGE_LABELS.en[p.missing]} text`,
  "schema/empty-translation": (p) => `${LANGUAGE_LABELS.en[p.lang]} text is empty`,
  "schema/empty": (p) => `${cap(fieldEn(p.field))} must not be empty`,
  "schema/too-long": (p) => `${cap(fieldEn(p.field))} must be at most ${p.limit} characters long`,
  "schema/unknown-property": (p) =>
    `unknown field "${p.property}" in ${fieldEn(p.field)} (check the spelling; your own extra fields must start with x-)`,
  "schema/number-split": (p) =>
    `"${p.property}" in ${fieldEn(p.field)} looks like the rest of a number: write ${p.fixed}` +
    (p.thousands ? " (no thousands separator)" : " (a point for decimals)"),
  "schema/not-allowed": (p) =>
    `${cap(fieldEn(p.field))}: not allowed for this type of question or field`,
  "schema/enum": (p) => `${cap(fieldEn(p.field))} must be one of: ${listEn(p.allowed)}`,
  "schema/const": (p) => `${cap(fieldEn(p.field))} must be "${p.allowed}"`,
  "schema/type": (p) =>
    `${cap(fieldEn(p.field))} must be ${kindsEn(p.expected)}` +
    (p.form ? `: write ${FORMS.en[p.form]}` : ""),
  "schema/not-finite": (p) =>
    `${cap(fieldEn(p.field))} must be a finite number (not .nan, .inf or a number too large to store)`,
  "schema/thousands": (p) =>
    `${cap(fieldEn(p.field))} must be a number: write ${p.fixed} (no thousands separator)`,
  "schema/decimal-comma": (p) =>
    `${cap(fieldEn(p.field))} must be a number: write ${p.fixed} (a point for decimals)`,
  "schema/answer-value": (p) =>
    `${cap(fieldEn(p.field))} must be a finite number, true/false, a text or a list of texts`,
  "schema/status-and-value": (p) =>
    `${cap(fieldEn(p.field))} has both "status" and "value"; give one of them`,
  "schema/pattern": (p) =>
    `${cap(fieldEn(p.field))} "${p.value}" does not have the expected form (${p.form ? FORMS.en[p.form] : `pattern ${p.pattern}`})`,
  "schema/id-case": (p) =>
    `${cap(fieldEn(p.field))} "${p.value}" must be ${p.form ? FORMS.en[p.form] : "written"} in capital letters: write ${p.fixed}`,
  "schema/question-id": (p) => `"${p.key}" is not a question id (it must look like M01.Q1)`,
  "schema/question-id-case": (p) =>
    `"${p.key}" is not a question id: ids look like M01.Q1, in capital letters (write ${p.fixed})`,
  "schema/min-items": (p) =>
    p.limit === 1
      ? `${cap(fieldEn(p.field))} must not be an empty list: give at least one item`
      : `${cap(fieldEn(p.field))} must list at least ${p.limit} items`,
  "schema/max-items": (p) => `${cap(fieldEn(p.field))} must list at most ${p.limit} items`,
  "schema/unique-items": (p) => `${cap(fieldEn(p.field))} lists the same item more than once`,
  "schema/minimum": (p) =>
    `${cap(fieldEn(p.field))} must be ${p.exclusive ? "greater than" : "at least"} ${p.limit}`,
  "schema/maximum": (p) =>
    `${cap(fieldEn(p.field))} must be ${p.exclusive ? "less than" : "at most"} ${p.limit}`,
  "schema/min-properties": (p) =>
    `${cap(fieldEn(p.field))} must have at least ${p.limit} ${p.limit === 1 ? "entry" : "entries"}`,
  "schema/max-properties": (p) =>
    `${cap(fieldEn(p.field))} must have at most ${p.limit} ${p.limit === 1 ? "entry" : "entries"}`,
  "schema/format": (p) => `${cap(fieldEn(p.field))} must be a valid ${p.format}`,
  "schema/one-of": (p) => `${cap(fieldEn(p.field))} must match exactly one of the allowed forms`,
  "schema/multiple-of": (p) => `${cap(fieldEn(p.field))} must be a multiple of ${p.step}`,
  "schema/dependent-required": (p) =>
    `${cap(fieldEn(p.field))} has "${p.property}", which needs "${p.needs}" too`,
  "schema/invalid": (p) => `${cap(fieldEn(p.field))} is not valid (rule: ${p.keyword})`,
  "set/duplicate-measure": (p) => `measure id "${p.id}" is used twice (first in ${p.first})`,
  "set/duplicate-question": (p) => `question id "${p.id}" is used twice (first at ${p.first})`,
  "set/duplicate-area": (p) => `area id "${p.id}" is used twice (first at ${p.first})`,
  "set/duplicate-profile-field": (p) =>
    `profile field "${p.id}" is defined twice (first at ${p.first})`,
  "set/duplicate-profile-option": (p) =>
    `option id "${p.id}" is used twice in profile field "${p.field}" (first at ${p.first})`,
  "set/duplicate-option": (p) =>
    `option id "${p.id}" is used twice in ${p.question ?? "this question"} (first at ${p.first})`,
  "set/duplicate-band": (p) => `two bands start at ${p.min} (the first at ${p.first})`,
  "set/band-floor": () => "no band starts at 0, so low scores get no band label",
  "set/unknown-area": (p) =>
    `area "${p.area}" is not defined in set.yaml (areas: ${listEn(p.areas)})`,
  "set/issued-date": (p) =>
    `source.issued is ${p.issued}, which is not a calendar day (write a date like 2025-05-21)`,
  "set/version-folder": (p) =>
    `version "${p.version}" does not match its folder name "${p.folder}"`,
  "set/id-folder": (p) =>
    `set id "${p.id}" does not match the folder above it ("${p.folder}"); sets live in measures/<id>/<version>/`,
  "set/blank-translation": (p) => `${LANGUAGE_LABELS.en[p.lang]} text is blank`,
  "set/question-prefix": (p) =>
    `question id "${p.id}" must start with its measure id "${p.measure}." (e.g. ${p.measure}.Q1)`,
  "set/weight": (p) => `${p.what} weight must be greater than 0, not ${p.weight}`,
  "set/number-target": (p) => `target of a number question must be greater than 0, not ${p.target}`,
  "set/option-score": (p) => `option score must be between 0 and 1, not ${p.score}`,
  "set/bounds-order": (p) => `max (${p.max}) is below min (${p.min})`,
  "set/target-below-min": (p) => `target ${p.target} is below min ${p.min}`,
  "set/target-above-max": (p) => `target ${p.target} is above max ${p.max}`,
  "set/bound-not-whole": (p) =>
    `${p.key} ${p.value} is not a whole number, but the question takes whole numbers only (integer: true)`,
  "set/derive-not-choice": (p) => `only a choice field can be derived, and "${p.field}" is not one`,
  "set/derive-self": (p) => `"${p.field}" cannot be derived from itself`,
  "set/derive-unknown": (p) => `derive.from names "${p.from}", which is not a profile field`,
  "set/derive-from-type": (p) =>
    `derive.from must name a choice field, and "${p.from}" is ${p.type}`,
  "set/derive-chain": (p) => `"${p.from}" is itself derived; derive from the field that is asked`,
  "set/derive-option": (p) => `"${p.option}" is not an option of "${p.from}"`,
  "set/derive-value": (p) =>
    `"${p.value}" is not an option of "${p.field}" (options: ${listEn(p.options)})`,
  "set/derive-unmapped": (p) =>
    `derive.map gives no "${p.field}" for ${quoteEn(p.options)} of "${p.from}"`,
  "set/extends-area": (p) =>
    `area "${p.id}" belongs to ${p.base}, which this set extends; it cannot be redefined (add measures to it instead)`,
  "set/extends-profile": (p) =>
    `profile field "${p.id}" belongs to ${p.base}, which this set extends; it cannot be redefined`,
  "set/extends-band": (p) =>
    `${p.base} already has a band starting at ${p.min}; a set that extends it can only add bands`,
  "set/extends-measure": (p) =>
    `measure ${p.id} belongs to ${p.base}, which this set extends; national measures cannot be removed or changed, so give this measure an id of its own (e.g. XX-${p.id})`,
  "set/extends-prefix": (p) =>
    `measure ${p.id} adds to ${p.base}: give it an id with a prefix of this set's own, e.g. XX-${p.id}`,
  "set/extends-self": (p) =>
    `this set is ${p.base} and extends itself; extends: names another set (or another version of it)`,
  "set/extends-prefix-mixed": (p) =>
    `measure ${p.id} does not share the prefix ${p.prefix} of ${p.first}: every measure this set adds takes one prefix of its own`,
  "set/extends-missing": (p) =>
    `the set this one extends, ${p.base}, is not available (looked in the folder of sets this one is in and among the bundled sets)`,
  "set/extends-loop": (p) => `${p.base} extends this set in turn; a set cannot extend itself`,
  "set/extends-form": (p) =>
    `extends: names the set this one adds to by its id and version, as a mapping: extends: ${p.suggestion}`,
  "set/extends-cycle": (p) =>
    `extends: goes round in a cycle, ${p.cycle.join(" → ")}, so none of these sets can be loaded; a set cannot extend itself through others: make one of them extend another set (such as the national one)`,
  "set/extends-changes-question": (p) =>
    `${p.id} is a question of ${p.base}, which this set extends; a set that extends another can neither remove nor change its questions, so this changes.yaml cannot ${p.kind} it (what changes in ${p.base} is said by its own changes.yaml)`,
  "set/extends-changes-field": (p) =>
    `profile field "${p.field}" belongs to ${p.base}, which this set extends; its old values are carried over by the maps of ${p.base}'s own changes.yaml, and a set that extends it cannot map them`,
  "set/extends-invalid": (p) =>
    `the set this one extends, ${p.base}, is invalid; run \`netdz validate ${p.dir}\``,
  "set/applies-when-field": (p) =>
    `appliesWhen names "${p.field}", which is not a profile field (fields: ${listEn(p.fields)})`,
  "set/applies-when-yesno": (p) =>
    `profile field "${p.field}" is yes/no, so its values are true or false, not "${p.value}"`,
  "set/applies-when-choice": (p) =>
    `"${p.value}" is not an option of profile field "${p.field}" (options: ${listEn(p.options)})`,
  "set/applies-when-text": (p) =>
    `profile field "${p.field}" is text, so its values are texts, not ${p.value}`,
  "set/numbering-repeat": (p) => `measure number ${p.n} is used twice (first in ${p.first})`,
  "set/numbering-gap": (p) =>
    `measure numbers must run 1…${p.count} without gaps: found ${p.n}` +
    (p.missing.length > 0
      ? `, while ${listEn(p.missing)} ${p.missing.length === 1 ? "is" : "are"} missing`
      : ""),
  "set/empty-area": (p) => `area "${p.area}" has no measures`,
  "set/no-measures": () => "the set's folder holds no measure files (*.yaml beside set.yaml)",
  "set/no-header": (p) =>
    p.changes === true
      ? "this changes file (format: netdz-changes/1) has no set.yaml beside it: a version's changes.yaml sits in that version's set folder (<id>/<version>/), beside its set.yaml"
      : `${p.count === 1 ? "this measure file has" : `the ${p.count} measure files in ${p.folder} have`} no set.yaml beside ${p.count === 1 ? "it" : "them"}: a measure file must sit in a set folder (<id>/<version>/) with its set.yaml`,
  "set/header-name": (p) =>
    `this file is a set's header (format: netdz-measure-set/1), but only a file named set.yaml is read as one: rename ${p.name} to set.yaml`,
  "set/not-a-measure": (p) =>
    `this file is not a measure file (${p.format === undefined ? "it has no format" : `its format is "${p.format}"`}): move it out of the set folder, or give it format: netdz-measure/1`,
  "file/problem-limit": (p) =>
    `more than ${p.limit} problems: checking this file stopped there, so the count is a lower bound; fix these and check it again`,
  "file/unknown-format": (p) =>
    p.format === undefined
      ? 'not a netdz file: it has no "format" (expected netdz-measure-set/1, netdz-measure/1, netdz-changes/1 or netdz-answers/1)'
      : p.version?.later === true
        ? `format "${p.format}" is a later version than this netdz reads (${p.version.reads}): update netdz to read this file`
        : p.version !== undefined
          ? `format "${p.format}" is not a version this netdz reads: it reads ${p.version.reads}`
          : p.near !== undefined
            ? `unknown format "${p.format}": did you mean ${p.near}?`
            : `unknown format "${p.format}" (expected netdz-measure-set/1, netdz-measure/1, netdz-changes/1 or netdz-answers/1)`,
  "answers/profile-missing": (p) => `zone profile has no "${p.field}" (${p.label.en})`,
  "answers/profile-yesno": (p) => `zone.${p.field} must be true or false`,
  "answers/profile-choice": (p) =>
    `zone.${p.field} "${p.value}" is not one of: ${listEn(p.options)}`,
  "answers/profile-text": (p) => `zone.${p.field} must be a text`,
  "answers/profile-choice-type": (p) => `zone.${p.field} must be one of: ${listEn(p.options)}`,
  "answers/profile-unknown": (p) => `"${p.key}" is not a profile field of ${p.set}`,
  "answers/unknown-question": (p) => `${p.id} is not a question of ${p.set}`,
  "answers/na-note": (p) => `${p.id} is marked not applicable: say why in "note"`,
  "answers/missing-evidence": (p) =>
    `${p.id} ${p.status !== undefined ? `is "${p.status}"` : "has a value"} but no evidence (${p.hint?.en ?? "add a URL or file path"})`,
  "answers/empty": (p) => `${p.id} has neither "status" nor "value"; it counts as unanswered`,
  "answers/due-date": (p) => `${p.id} has due date ${p.due}, which is not a calendar day`,
  "answers/answered-at": (p) =>
    `${p.id} has answeredAt ${p.at}, which is not a real date and time (a day that exists, hours 00–23, minutes and seconds 00–59)`,
  "answers/owner-blank": (p) =>
    `${p.id} has an owner of spaces only: name the responsible unit or person, or remove owner`,
  "answers/evidence-missing": (p) =>
    `${p.id} evidence "${p.item}" does not exist${p.relative === false ? "" : " (a path is read from the answers file's folder)"}`,
  "answers/evidence-unreadable": (p) =>
    `${p.id} evidence "${p.item}" cannot be read: ${fileMessages("en").reasons[p.reason]}`,
  "answers/not-applicable-to-zone": (p) =>
    `${p.id} does not apply to this zone (${p.field} is ${p.actual ?? "not given"}); its answer is not scored`,
  "answers/many-not-applicable": (p) =>
    `the zone declared ${p.declared} of the ${p.applicable} questions that apply to it not applicable (${p.percent}, more than ${p.limit}%); the score leaves them out, so check each justification`,
  "answers/status-question": (p) =>
    `${p.id} is a status question: answer it with "status", not "value"`,
  "answers/status-type": (p) =>
    `${p.id} is a ${p.type} question: give "value", or status unknown or not_applicable (not "${p.status}")`,
  "answers/yesno": (p) => `${p.id} takes true or false, not ${p.value}`,
  "answers/number": (p) => `${p.id} takes a number, not ${p.value}`,
  "answers/not-finite": (p) =>
    `${p.id} takes a finite number (not .nan, .inf or a number too large to store)`,
  "answers/thousands": (p) => `${p.id} takes a number: write ${p.fixed} (no thousands separator)`,
  "answers/decimal-comma": (p) => `${p.id} takes a number: write ${p.fixed} (a point for decimals)`,
  "answers/negative": (p) => `${p.id} takes a number of 0 or more, not ${p.value}`,
  "answers/number-range": (p) => `${p.id} takes a ${numberBoundsWords("en", p)}, not ${p.value}`,
  "answers/not-whole": (p) => `${p.id} takes a whole number, not ${p.value}`,
  "changes/retired-reused": (p) =>
    `${p.id} was retired in ${p.version} and cannot be used again for another question; give the new question a new id`,
  "changes/no-changes-file": (p) =>
    p.ids.length === 1
      ? `${p.to} has no changes.yaml, and ${p.ids[0]} of ${p.from} is not in it: migrate would retire its answer without a reason; add a changes.yaml (from: ${p.from}) that says what became of it`
      : `${p.to} has no changes.yaml, and ${p.ids.join(", ")} of ${p.from} are not in it: migrate would retire their answers without a reason; add a changes.yaml (from: ${p.from}) that says what became of them`,
  "changes/version-not-moved": (p) =>
    `the version did not move: from ${p.from} is not older than this version (${p.to}); from: names the version before this one`,
  "changes/from-missing": (p) =>
    `from: ${p.from} is not a version of ${p.id} here, so this version was not checked against it (older versions beside this one: ${joinList(p.available, "en")}); name the version this one comes from`,
  "changes/previous-invalid": (p) =>
    `this version could not be checked against ${p.from}: that version is invalid; fix it first (run \`netdz validate ${p.dir}\`)`,
  "changes/from-skips": (p) =>
    `from: ${p.from} skips ${joinList(p.skipped, "en")}, which sits between ${p.from} and ${p.to}; name the version just before this one, so that migrations pass through every version`,
  "changes/version-minor": (p) =>
    `${p.to} retires or rescales questions, which needs at least a new minor version after ${p.from} (e.g. ${p.suggestion})`,
  "changes/named-twice": (p) =>
    `${p.id} is already named by entry ${p.entry}; name each question once`,
  "changes/target-twice": (p) =>
    `entry ${p.entry} already renames a question to ${p.id}; two questions cannot move onto one id (one of their answers would be lost): give each its own new id, or retire one`,
  "changes/rename-self": (p) =>
    `${p.id} is renamed to itself; a question whose id stays needs no rename (drop the entry, or use reword)`,
  "changes/entry-kinds": (p) =>
    p.kinds.length === 0
      ? `entry ${p.entry} of changes names no change: give it exactly one of rename, reword, rescale, retire or profile (x- keys beside it are your own notes)`
      : `entry ${p.entry} of changes names ${p.kinds.length} changes (${p.kinds.join(", ")}): give each change an entry of its own`,
  "changes/not-a-question": (p) => `${p.id} is not a question of ${p.set}`,
  "changes/rename-source": (p) =>
    `${p.id} is renamed away, but ${p.version} still has a question ${p.id}; an old id must not exist in the new version (give the new question a new id, or drop the rename)`,
  "changes/rename-target": (p) =>
    `${p.id} already exists in ${p.version} with answers of its own; rename or retire it first`,
  "changes/rescale-unchanged": (p) =>
    `${p.id} is marked as rescaled, but its type, options, target, unit and bounds are the same as in ${p.version}; use reword, or drop the entry`,
  "changes/unaccounted": (p) =>
    `${p.id} of ${p.from} is not in ${p.to} and no entry names it; add a rename or retire entry`,
  "changes/unannounced-rescale": (p) =>
    `${p.id} changed its type, options, target or unit since ${p.version}, but changes.yaml ${p.reworded === true ? "only rewords it (a reword keeps the meaning and the scale)" : "does not name it"}; say how with a rescale entry (answers that no longer fit are cleared either way)`,
  "changes/not-a-field": (p) => `"${p.field}" is not a profile field of ${p.set}`,
  "changes/duplicate-value": (p) =>
    `"${p.value}" and "${p.other}" are the same old value (case and spaces are ignored)`,
  "changes/profile-yesno": (p) =>
    `"${p.field}" is yes/no, so values map to true or false, not "${p.value}"`,
  "changes/profile-choice": (p) =>
    `"${p.value}" is not an option of "${p.field}" (options: ${listEn(p.options)})`,
  "changes/profile-text": (p) => `"${p.field}" is text, so values map to texts, not ${p.value}`,
  "answers/profile-derived": (p) =>
    `zone.${p.field} follows from zone.${p.from}${p.derived === undefined ? "" : ` (${p.derived})`}, so the value given ("${p.value}") is not used`,
  "answers/choice": (p) => `${p.id} takes one of: ${listEn(p.options)} (not ${p.value})`,
  "answers/multi-repeat": (p) => `${p.id} lists ${quoteEn(p.repeated)} more than once`,
  "answers/multi-unknown": (p) => `${p.id} takes a list of: ${listEn(p.options)} (not ${p.value})`,
  "answers/text": (p) => `${p.id} takes a text, not ${p.value}`,
  "answers/set-not-available": (p) =>
    `the answers are pinned to ${p.set}, which is not available` +
    (p.others.length > 0
      ? ` (available versions: ${listEn(p.others)})`
      : ` (no set "${p.id}" here)`) +
    "; use --measures DIR to point at a folder that has it",
  "answers/invalid-set": (p) =>
    `not checked against ${p.set}: that set has ${p.errors} error${p.errors === 1 ? "" : "s"} (the first at ${p.first}); only the checks that need no set were made`,
  "answers/not-answers-file": (p) =>
    `this is a ${p.kind === "set" ? "measure set (set.yaml)" : p.kind === "changes" ? "version's changes (changes.yaml)" : "measure"} file, not an answers file (format netdz-answers/1); run \`netdz init\` to start one`,
};

const zh: MessageTable = {
  "yaml/syntax": (p) => {
    const summary = p.yamlCode === undefined ? undefined : YAML_ERRORS_ZH[p.yamlCode];
    return summary === undefined ? `YAML 语法错误：${p.detail}` : `YAML 语法错误：${summary}`;
  },
  "yaml/duplicate-key": (p) =>
    `${p.key === undefined ? "键重复" : `键${quoteZh(p.key)}重复`}：同一映射中每个键只能出现一次` +
    (p.first ? `（第一次出现在第 ${p.first.line} 行第 ${p.first.column} 列；请删去其中一个）` : ""),
  "yaml/multiple-docs": () => "文件中有不止一个 YAML 文档；请删去开始第二个文档的 `---` 行",
  "yaml/unclosed-flow": (p) =>
    `此处以 ${p.open} 开始的${p.open === "[" ? "列表" : "映射"}没有用 ${p.open === "[" ? "]" : "}"} 结束，或其中某行的缩进没有超过它所属的键；读取到第 ${p.until.line} 行第 ${p.until.column} 列为止`,
  "schema/required": (p) =>
    `${subjectZh(p.field)}缺少必填字段${listZh(p.properties.map((s) => `${quoteZh(s)}`))}`,
  "schema/missing-translation": (p) =>
    `${subjectZh(p.field)}有${LANGUAGE_LABELS.zh[p.missing === "en" ? "zh" : "en"]}文本，但缺少${LANGUAGE_LABELS.zh[p.missing]}文本`,
  "schema/empty-translation": (p) => `${LANGUAGE_LABELS.zh[p.lang]}文本为空`,
  "schema/empty": (p) => `${subjectZh(p.field)}不能为空`,
  "schema/too-long": (p) => `${subjectZh(p.field)}最多 ${p.limit} 个字符`,
  "schema/unknown-property": (p) =>
    `${subjectZh(p.field)}中有未知字段${quoteZh(p.property)}（请检查拼写；自定义的附加字段须以 x- 开头）`,
  "schema/number-split": (p) =>
    `${subjectZh(p.field)}中的${quoteZh(p.property)}像是数字的后半部分：请写成 ${p.fixed}` +
    (p.thousands ? "（不要用千位分隔符）" : "（小数用小数点）"),
  "schema/not-allowed": (p) => `${subjectZh(p.field)}不适用于这种题型或字段类型`,
  "schema/enum": (p) => `${subjectZh(p.field)}必须是以下之一：${listZh(p.allowed)}`,
  "schema/const": (p) => `${subjectZh(p.field)}必须是${quoteZh(p.allowed)}`,
  "schema/type": (p) => {
    const kinds = kindsZh(p.expected);
    const form = p.form ? `：请写成${FORMS.zh[p.form]}` : "";
    return `${subjectZh(p.field)}必须是${/^[A-Za-z]/.test(kinds) ? " " : ""}${kinds}${form}`;
  },
  "schema/not-finite": (p) =>
    `${subjectZh(p.field)}必须是有限数值（不能是 .nan、.inf 或大到无法保存的数）`,
  "schema/thousands": (p) =>
    `${subjectZh(p.field)}必须是数值：请写成 ${p.fixed}（不要用千位分隔符）`,
  "schema/decimal-comma": (p) =>
    `${subjectZh(p.field)}必须是数值：请写成 ${p.fixed}（小数用小数点）`,
  "schema/answer-value": (p) => `${subjectZh(p.field)}必须是有限数值、true/false、文字或文字列表`,
  "schema/status-and-value": (p) =>
    `${subjectZh(p.field)}同时有“status”和“value”；只能给出其中一个`,
  "schema/pattern": (p) =>
    `${fieldZh(p.field)}${quoteZh(p.value)}的格式不对（应为${p.form ? FORMS.zh[p.form] : `符合 ${p.pattern} 的文字`}）`,
  "schema/id-case": (p) =>
    `${fieldZh(p.field)}${quoteZh(p.value)}应为${p.form ? FORMS.zh[p.form] : ""}，用大写字母：请写成 ${p.fixed}`,
  "schema/question-id": (p) => `${quoteZh(p.key)}不是问题编号（应形如 M01.Q1）`,
  "schema/question-id-case": (p) =>
    `${quoteZh(p.key)}不是问题编号：问题编号形如 M01.Q1，用大写字母（请写成 ${p.fixed}）`,
  "schema/min-items": (p) =>
    p.limit === 1
      ? `${subjectZh(p.field)}不能是空列表：至少写一项`
      : `${subjectZh(p.field)}至少要列出 ${p.limit} 项`,
  "schema/max-items": (p) => `${subjectZh(p.field)}最多列出 ${p.limit} 项`,
  "schema/unique-items": (p) => `${subjectZh(p.field)}中有重复的项`,
  "schema/minimum": (p) => `${subjectZh(p.field)}必须${p.exclusive ? "大于" : "不小于"} ${p.limit}`,
  "schema/maximum": (p) => `${subjectZh(p.field)}必须${p.exclusive ? "小于" : "不大于"} ${p.limit}`,
  "schema/min-properties": (p) => `${subjectZh(p.field)}至少要有 ${p.limit} 项`,
  "schema/max-properties": (p) => `${subjectZh(p.field)}最多只能有 ${p.limit} 项`,
  "schema/format": (p) => `${subjectZh(p.field)}必须是有效的 ${p.format}`,
  "schema/one-of": (p) => `${subjectZh(p.field)}必须恰好符合一种允许的写法`,
  "schema/multiple-of": (p) => `${subjectZh(p.field)}必须是 ${p.step} 的倍数`,
  "schema/dependent-required": (p) =>
    `${subjectZh(p.field)}有${quoteZh(p.property)}，因此也必须有${quoteZh(p.needs)}`,
  "schema/invalid": (p) => `${subjectZh(p.field)}无效（规则：${p.keyword}）`,
  "set/duplicate-measure": (p) => `举措编号${quoteZh(p.id)}用了两次（第一次在 ${p.first}）`,
  "set/duplicate-question": (p) => `问题编号${quoteZh(p.id)}用了两次（第一次在 ${p.first}）`,
  "set/duplicate-area": (p) => `方面编号${quoteZh(p.id)}用了两次（第一次在 ${p.first}）`,
  "set/duplicate-profile-field": (p) => `画像字段${quoteZh(p.id)}定义了两次（第一次在 ${p.first}）`,
  "set/duplicate-profile-option": (p) =>
    `画像字段${quoteZh(p.field)}中的选项编号${quoteZh(p.id)}用了两次（第一次在 ${p.first}）`,
  "set/duplicate-option": (p) =>
    `${p.question === undefined ? "本问题" : `问题 ${p.question} `}中的选项编号${quoteZh(p.id)}用了两次（第一次在 ${p.first}）`,
  "set/duplicate-band": (p) => `有两个等级都从 ${p.min} 开始（第一个在 ${p.first}）`,
  "set/band-floor": () => "没有从 0 开始的等级，低分将没有等级名称",
  "set/unknown-area": (p) =>
    `set.yaml 中没有定义方面${quoteZh(p.area)}（已有方面：${listZh(p.areas)}）`,
  "set/issued-date": (p) =>
    `source.issued 为 ${p.issued}，不是日历上存在的日期（请写成 2025-05-21 这样的日期）`,
  "set/version-folder": (p) => `版本${quoteZh(p.version)}与所在文件夹名${quoteZh(p.folder)}不一致`,
  "set/id-folder": (p) =>
    `评估清单编号${quoteZh(p.id)}与上一级文件夹名（${quoteZh(p.folder)}）不一致；评估清单应放在 measures/<id>/<version>/ 中`,
  "set/blank-translation": (p) => `${LANGUAGE_LABELS.zh[p.lang]}文本只有空白`,
  "set/question-prefix": (p) =>
    `问题编号${quoteZh(p.id)}必须以所属举措编号“${p.measure}.”开头（例如 ${p.measure}.Q1）`,
  "set/weight": (p) =>
    `${{ area: "方面", measure: "举措", question: "问题" }[p.what]}权重必须大于 0，而不是 ${p.weight}`,
  "set/number-target": (p) => `数值题的目标值必须大于 0，而不是 ${p.target}`,
  "set/option-score": (p) => `选项得分必须在 0 到 1 之间，而不是 ${p.score}`,
  "set/bounds-order": (p) => `最大值（${p.max}）小于最小值（${p.min}）`,
  "set/target-below-min": (p) => `目标值 ${p.target} 小于最小值 ${p.min}`,
  "set/target-above-max": (p) => `目标值 ${p.target} 大于最大值 ${p.max}`,
  "set/bound-not-whole": (p) =>
    `${p.key} 为 ${p.value}，不是整数，而本题只接受整数（integer: true）`,
  "set/derive-not-choice": (p) =>
    `只有选择型字段可以由其他字段确定，${quoteZh(p.field)}不是选择型字段`,
  "set/derive-self": (p) => `${quoteZh(p.field)}不能由自身确定`,
  "set/derive-unknown": (p) => `derive.from 中的${quoteZh(p.from)}不是画像字段`,
  "set/derive-from-type": (p) =>
    `derive.from 必须是选择型字段，而${quoteZh(p.from)}的类型是 ${p.type}`,
  "set/derive-chain": (p) => `${quoteZh(p.from)}本身也是由其他字段确定的；请改为依据需要填写的字段`,
  "set/derive-option": (p) => `${quoteZh(p.option)}不是${quoteZh(p.from)}的选项`,
  "set/derive-value": (p) =>
    `${quoteZh(p.value)}不是${quoteZh(p.field)}的选项（可选：${listZh(p.options)}）`,
  "set/derive-unmapped": (p) =>
    `derive.map 没有为${quoteZh(p.from)}的 ${listZh(p.options)} 指定${quoteZh(p.field)}的值`,
  "set/extends-area": (p) =>
    `方面${quoteZh(p.id)}属于本清单所扩展的 ${p.base}，不能重新定义（可在其下增加举措）`,
  "set/extends-profile": (p) =>
    `画像字段${quoteZh(p.id)}属于本清单所扩展的 ${p.base}，不能重新定义`,
  "set/extends-band": (p) => `${p.base} 已有起点为 ${p.min} 的等级；扩展清单只能增加等级`,
  "set/extends-measure": (p) =>
    `举措 ${p.id} 属于本清单所扩展的 ${p.base}；全国举措不能删除或修改，请为本举措另起编号（例如 XX-${p.id}）`,
  "set/extends-prefix": (p) =>
    `举措 ${p.id} 是对 ${p.base} 的补充：请使用本清单自己的编号前缀，例如 XX-${p.id}`,
  "set/extends-self": (p) =>
    `本清单即 ${p.base}，却扩展了自身；extends: 应写另一个清单（或其另一个版本）`,
  "set/extends-prefix-mixed": (p) =>
    `举措 ${p.id} 与 ${p.first} 的前缀 ${p.prefix} 不一致：本清单补充的所有举措应使用同一个本清单自己的前缀`,
  "set/extends-missing": (p) =>
    `本清单所扩展的 ${p.base} 不可用（已在本清单所在的清单文件夹和内置清单中查找）`,
  "set/extends-loop": (p) => `${p.base} 反过来又扩展本清单；清单不能扩展自身`,
  "set/extends-form": (p) =>
    `extends: 应以映射写明所扩展清单的编号和版本：extends: ${p.suggestion}`,
  "set/extends-cycle": (p) =>
    `extends: 构成循环：${p.cycle.join(" → ")}，这些清单都无法加载；清单不能经由其他清单扩展自身：请让其中一个清单改为扩展另一个清单（例如全国清单）`,
  "set/extends-changes-question": (p) =>
    `${p.id} 是本清单所扩展的 ${p.base} 的问题；扩展清单不能删除或修改其问题，因此本 changes.yaml 不能对其作 ${p.kind}（${p.base} 的变化由其自己的 changes.yaml 说明）`,
  "set/extends-changes-field": (p) =>
    `画像字段${quoteZh(p.field)}属于本清单所扩展的 ${p.base}；其旧值由 ${p.base} 自己的 changes.yaml 中的对应表转换，扩展清单不能为其另设对应表`,
  "set/extends-invalid": (p) => `本清单所扩展的 ${p.base} 无效；请运行 \`netdz validate ${p.dir}\``,
  "set/applies-when-field": (p) =>
    `appliesWhen 中的${quoteZh(p.field)}不是画像字段（已有字段：${listZh(p.fields)}）`,
  "set/applies-when-yesno": (p) =>
    `画像字段${quoteZh(p.field)}是是否题，取值只能是 true 或 false，而不是${quoteZh(p.value)}`,
  "set/applies-when-choice": (p) =>
    `${quoteZh(p.value)}不是画像字段${quoteZh(p.field)}的选项（选项：${listZh(p.options)}）`,
  "set/applies-when-text": (p) =>
    `画像字段${quoteZh(p.field)}是文字题，取值应为文字，而不是 ${literalZh(p.value)}`,
  "set/numbering-repeat": (p) => `举措序号 ${p.n} 用了两次（第一次在 ${p.first}）`,
  "set/numbering-gap": (p) =>
    `举措序号必须从 1 连续排到 ${p.count}：发现了 ${p.n}` +
    (p.missing.length > 0 ? `，而缺少 ${listZh(p.missing)}` : ""),
  "set/empty-area": (p) => `方面${quoteZh(p.area)}下没有举措`,
  "set/no-measures": () => "评估清单文件夹中没有举措文件（set.yaml 旁的 *.yaml）",
  "set/no-header": (p) =>
    p.changes === true
      ? "这个版本变更文件（format: netdz-changes/1）旁边没有 set.yaml：版本的 changes.yaml 应放在该版本的评估清单文件夹（<id>/<version>/）中，与 set.yaml 放在一起"
      : `${p.count === 1 ? "这个举措文件" : `${p.folder} 中的 ${p.count} 个举措文件`}旁边没有 set.yaml：举措文件必须和 set.yaml 一起放在评估清单文件夹（<id>/<version>/）中`,
  "set/header-name": (p) =>
    `这是评估清单的表头文件（format: netdz-measure-set/1），但只有名为 set.yaml 的文件才会被当作表头读取：请把 ${p.name} 改名为 set.yaml`,
  "set/not-a-measure": (p) =>
    `这不是举措文件（${p.format === undefined ? "没有 format" : `format 为${quoteZh(p.format)}`}）：请把它移出评估清单文件夹，或给它加上 format: netdz-measure/1`,
  "file/problem-limit": (p) =>
    `问题超过 ${p.limit} 个：本文件的检查到此为止，问题数只是下限；请先修正这些问题，再重新检查`,
  "file/unknown-format": (p) =>
    p.format === undefined
      ? "不是 netdz 文件：没有“format”（应为 netdz-measure-set/1、netdz-measure/1、netdz-changes/1 或 netdz-answers/1）"
      : p.version?.later === true
        ? `format${quoteZh(p.format)}的版本比本 netdz 能读取的（${p.version.reads}）更新：请升级 netdz 后再读取此文件`
        : p.version !== undefined
          ? `format${quoteZh(p.format)}不是本 netdz 能读取的版本：本 netdz 读取 ${p.version.reads}`
          : p.near !== undefined
            ? `未知的 format${quoteZh(p.format)}：是否应为 ${p.near}？`
            : `未知的 format${quoteZh(p.format)}（应为 netdz-measure-set/1、netdz-measure/1、netdz-changes/1 或 netdz-answers/1）`,
  "answers/profile-missing": (p) => `开发区画像缺少${quoteZh(p.field)}（${p.label.zh}）`,
  "answers/profile-yesno": (p) => `zone.${p.field} 必须是 true 或 false`,
  "answers/profile-choice": (p) =>
    `zone.${p.field} 的值${quoteZh(p.value)}不在可选范围内：${listZh(p.options)}`,
  "answers/profile-text": (p) => `zone.${p.field} 必须是文字`,
  "answers/profile-choice-type": (p) => `zone.${p.field} 必须是以下之一：${listZh(p.options)}`,
  "answers/profile-unknown": (p) => `${quoteZh(p.key)}不是 ${p.set} 的画像字段`,
  "answers/unknown-question": (p) => `${p.id} 不是 ${p.set} 中的问题`,
  "answers/na-note": (p) => `${p.id} 标为不适用：请在“note”中说明理由`,
  "answers/missing-evidence": (p) =>
    `${p.id} ${p.status !== undefined ? `为${quoteZh(statusZh(p.status))}` : "已填写取值"}，但没有佐证材料（${p.hint?.zh ?? "请补充网址或文件路径"}）`,
  "answers/empty": (p) => `${p.id} 既没有“status”也没有“value”，按未作答计`,
  "answers/due-date": (p) => `${p.id} 的完成时限 ${p.due} 不是日历上存在的日期`,
  "answers/answered-at": (p) =>
    `${p.id} 的作答时间 answeredAt ${p.at} 不是实际存在的日期和时间（日期须存在，时为 00–23，分、秒为 00–59）`,
  "answers/owner-blank": (p) =>
    `${p.id} 的责任单位（owner）只有空格：请填写责任单位或责任人，或删去 owner`,
  "answers/evidence-missing": (p) =>
    `${p.id} 的佐证材料${quoteZh(p.item)}不存在${p.relative === false ? "" : "（路径相对于答卷文件所在文件夹）"}`,
  "answers/evidence-unreadable": (p) =>
    `${p.id} 的佐证材料${quoteZh(p.item)}无法读取：${fileMessages("zh").reasons[p.reason]}`,
  "answers/not-applicable-to-zone": (p) =>
    `${p.id} 不适用于本开发区（${p.field} 为 ${p.actual ?? "未填写"}）；其回答不计分`,
  "answers/many-not-applicable": (p) =>
    `适用于本开发区的 ${p.applicable} 个问题中，有 ${p.declared} 个被本区自行标为不适用（${p.percent}，超过 ${p.limit}%）；这些问题不计入得分，请逐一核对理由`,
  "answers/status-question": (p) => `${p.id} 是状态题：请用“status”作答，而不是“value”`,
  "answers/status-type": (p) =>
    `${p.id} 是 ${p.type} 题：请给出“value”，或 status 为 unknown 或 not_applicable（而不是${quoteZh(p.status)}）`,
  "answers/yesno": (p) => `${p.id} 只能填 true 或 false，而不是 ${literalZh(p.value)}`,
  "answers/number": (p) => `${p.id} 应填数值，而不是 ${literalZh(p.value)}`,
  "answers/not-finite": (p) => `${p.id} 应填有限数值（不能是 .nan、.inf 或大到无法保存的数）`,
  "answers/thousands": (p) => `${p.id} 应填数值：请写成 ${p.fixed}（不要用千位分隔符）`,
  "answers/decimal-comma": (p) => `${p.id} 应填数值：请写成 ${p.fixed}（小数用小数点）`,
  "answers/negative": (p) => `${p.id} 应填 0 或更大的数，而不是 ${literalZh(p.value)}`,
  "answers/number-range": (p) =>
    `${p.id} 应填${numberBoundsWords("zh", p)}，而不是 ${literalZh(p.value)}`,
  "answers/not-whole": (p) => `${p.id} 应填整数，而不是 ${literalZh(p.value)}`,
  "changes/retired-reused": (p) =>
    `${p.id} 已在 ${p.version} 中删除，不能再用于其他问题；请为新问题另起编号`,
  "changes/no-changes-file": (p) =>
    `${p.to} 没有 changes.yaml，而 ${p.from} 的 ${p.ids.join("、")} 不在其中：迁移时其答案会无说明地作为已删除问题保留；请添加 changes.yaml（from: ${p.from}）说明这些问题的去向`,
  "changes/version-not-moved": (p) =>
    `版本号没有变化：from ${p.from} 不早于本版本（${p.to}）；from: 应写本版本的上一个版本`,
  "changes/from-missing": (p) =>
    `from: ${p.from} 不是此处 ${p.id} 的版本，因此本版本未能与其比对检查（同目录下较早的版本：${joinList(p.available, "zh")}）；请写本版本所由来的版本`,
  "changes/previous-invalid": (p) =>
    `本版本未能与 ${p.from} 比对检查：该版本无效；请先修正它（运行 \`netdz validate ${p.dir}\`）`,
  "changes/from-skips": (p) =>
    `from: ${p.from} 跳过了介于 ${p.from} 与 ${p.to} 之间的 ${joinList(p.skipped, "zh")}；请写紧邻的上一个版本，以便迁移依次经过每个版本`,
  "changes/version-minor": (p) =>
    `${p.to} 删除了问题或改变了计分口径，至少应在 ${p.from} 之后升级次版本号（例如 ${p.suggestion}）`,
  "changes/named-twice": (p) => `${p.id} 已由第 ${p.entry} 条变更指明；每个问题只能指明一次`,
  "changes/target-twice": (p) =>
    `第 ${p.entry} 条变更已将一个问题改名为 ${p.id}；两个问题不能改为同一个编号（其中一个答案会丢失）：请为每个问题另起新编号，或删除其中一个`,
  "changes/rename-self": (p) =>
    `${p.id} 被改名为其自身；编号不变的问题无需改名（请删去此条，或改用 reword）`,
  "changes/entry-kinds": (p) =>
    p.kinds.length === 0
      ? `第 ${p.entry} 条变更没有指明任何变更：请写明 rename、reword、rescale、retire、profile 中的恰好一项（旁边以 x- 开头的键是自定义备注）`
      : `第 ${p.entry} 条变更同时指明了 ${p.kinds.length} 项变更（${p.kinds.join("、")}）：请把每项变更写成单独的一条`,
  "changes/not-a-question": (p) => `${p.id} 不是 ${p.set} 的问题`,
  "changes/rename-source": (p) =>
    `${p.id} 已被改名，但 ${p.version} 中仍有问题 ${p.id}；旧编号不能出现在新版本中（请为新问题另起编号，或删去此改名条目）`,
  "changes/rename-target": (p) =>
    `${p.id} 在 ${p.version} 中已存在并有自己的答案；请先将其改名或删除`,
  "changes/rescale-unchanged": (p) =>
    `${p.id} 标为改变口径（rescale），但其类型、选项、目标值、单位和取值范围与 ${p.version} 相同；请改用 reword 或删去此条`,
  "changes/unaccounted": (p) =>
    `${p.from} 的 ${p.id} 不在 ${p.to} 中，也没有任何变更条目指明它；请增加 rename 或 retire 条目`,
  "changes/unannounced-rescale": (p) =>
    `${p.id} 自 ${p.version} 以来类型、选项、目标值或单位有变化，但 changes.yaml ${p.reworded === true ? "只把它列为 reword（reword 表示含义和计分方式不变）" : "未指明"}；请用 rescale 条目说明（不再相符的答案都会被清空）`,
  "changes/not-a-field": (p) => `${quoteZh(p.field)}不是 ${p.set} 的画像字段`,
  "changes/duplicate-value": (p) =>
    `${quoteZh(p.value)}与${quoteZh(p.other)}是同一个旧值（不区分大小写和首尾空格）`,
  "changes/profile-yesno": (p) =>
    `${quoteZh(p.field)}是“是/否”字段，旧值只能对应 true 或 false，而不是${quoteZh(p.value)}`,
  "changes/profile-choice": (p) =>
    `${quoteZh(p.value)}不是${quoteZh(p.field)}的选项（可选：${listZh(p.options)}）`,
  "changes/profile-text": (p) =>
    `${quoteZh(p.field)}是文字字段，旧值只能对应文字，而不是 ${literalZh(p.value)}`,
  "answers/profile-derived": (p) =>
    `zone.${p.field} 由 zone.${p.from} 确定${p.derived === undefined ? "" : `（${p.derived}）`}，所填的值（${quoteZh(p.value)}）不会被采用`,
  "answers/choice": (p) =>
    `${p.id} 应从以下选项中选一个：${listZh(p.options)}（而不是 ${literalZh(p.value)}）`,
  "answers/multi-repeat": (p) =>
    `${p.id} 重复列出了 ${listZh(p.repeated.map((v) => `${quoteZh(v)}`))}`,
  "answers/multi-unknown": (p) =>
    `${p.id} 应填以下选项组成的列表：${listZh(p.options)}（而不是 ${literalZh(p.value)}）`,
  "answers/text": (p) => `${p.id} 应填文字，而不是 ${literalZh(p.value)}`,
  "answers/set-not-available": (p) =>
    `这些回答对应 ${p.set}，但找不到该版本` +
    (p.others.length > 0
      ? `（现有版本：${listZh(p.others)}）`
      : `（这里没有评估清单${quoteZh(p.id)}）`) +
    "；请用 --measures DIR 指向包含它的文件夹",
  "answers/invalid-set": (p) =>
    `未对照 ${p.set} 检查：该评估清单有 ${p.errors} 个错误（第一个在 ${p.first}）；只做了无需评估清单的检查`,
  "answers/not-answers-file": (p) =>
    `这是${p.kind === "set" ? "评估清单（set.yaml）" : p.kind === "changes" ? "版本变更（changes.yaml）" : "举措"}文件，不是答卷文件（format netdz-answers/1）；可运行 \`netdz init\` 新建一个`,
};

export const DIAGNOSTIC_MESSAGES: Readonly<Record<Lang, MessageTable>> = { en, zh };

/** A message in words, in the given language. */
export function diagnosticMessage(text: DiagnosticText, lang: Lang): string {
  const table = DIAGNOSTIC_MESSAGES[lang] as Record<MessageId, (p: unknown) => string>;
  return table[text.id](text.params);
}
