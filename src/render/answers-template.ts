/**
 * The answers file `netdz init` writes: the schema line, a header, `format`, `measureSet`, the
 * zone profile fields and every question as comments. Each question's block starts with its
 * placeholder line (`# M01.Q1: { status: }`), whose writer and reader are in core/answers-yaml.ts
 * (the first answer saved to a question takes its place). Pure: builds text only.
 */
import { isAsked, profileFieldLabel, profileValueLabel } from "../core/applicability.js";
import type { Lang, MeasureSet, ProfileField, Question } from "../core/model.js";
import { ANSWERS_FORMAT } from "../core/model.js";
import { isExtensionKey } from "../core/loose.js";
import { placeholderLine } from "../core/answers-yaml.js";
import { assessMessages, type InitMessages } from "../i18n/assess-messages.js";
import { displayWidth, padEnd, wrap } from "../prompts/layout.js";

/** Width of the comment lines written, in columns. */
const WIDTH = 100;

/** The whole template: schema line, header, format, measureSet, zone hints, answers hints. */
export function answersTemplate(set: MeasureSet, lang: Lang, schemaLine: string): string {
  const t = assessMessages(lang).init;
  const lines: string[] = [schemaLine];
  lines.push(...t.header.map((line) => `# ${line}`));
  lines.push(`format: ${ANSWERS_FORMAT}`);
  lines.push(`measureSet: { id: ${set.id}, version: ${set.version} }`);
  lines.push(...t.assessorHint.map((line) => `# ${line}`));
  lines.push(...comment(t.zoneHint, ""));
  lines.push("zone:");
  lines.push(...zoneHints(set, lang, t));
  lines.push("answers:");
  lines.push(...t.answersHint.map((line) => `  # ${line}`));
  set.areas.forEach((area, index) => {
    lines.push(
      "  #",
      `  # ${"═".repeat(4)} ${t.area(index + 1, set.areas.length, area.ref ?? "", area.title[lang])}`,
    );
    for (const measure of set.measures.filter((m) => m.area === area.id)) {
      lines.push(
        "  #",
        `  # ${"─".repeat(4)} ${t.measure(measure.id, measure.ref, measure.title[lang])}`,
      );
      for (const question of measure.questions)
        lines.push("  #", ...questionHint(set, question, lang, t));
    }
  });
  return `${lines.join("\n")}\n`;
}

/** Wraps text into comment lines with the given indent. */
function comment(
  text: string,
  indent: string,
  prefix = "",
  unbroken: readonly string[] = [],
): string[] {
  const lead = `${indent}# ${prefix}`;
  return wrap(text, WIDTH - displayWidth(lead), { unbroken }).map((line) =>
    `${lead}${line}`.trimEnd(),
  );
}

/** One commented line per profile field: `# region:  # eastern | central | … — Region`. */
function zoneHints(set: MeasureSet, lang: Lang, t: InitMessages): string[] {
  // A derived field (the region from the province) is not filled in.
  const fields = set.profile.filter(isAsked);
  const keyWidth = Math.max(...fields.map((f) => displayWidth(f.id))) + 1;
  const lines: string[] = [];
  for (const field of fields) {
    const lead = `  # ${padEnd(`${field.id}:`, keyWidth)}  # `;
    const optional = field.required === false ? ` (${t.optionalField})` : "";
    const text = `${profileTypeHint(set, field, lang, t)} — ${profileFieldLabel(set, field.id)[lang]}${optional}`;
    const pad = `  # ${" ".repeat(keyWidth)}  # `;
    // An option is never parted from its label (`zhejiang（浙江省）`), nor from the bar after it.
    const unbroken = withBars(
      (field.options ?? []).map((o) =>
        withLabel(o.id, profileValueLabel(set, field.id, o.id)[lang], lang),
      ),
    );
    wrap(text, WIDTH - displayWidth(lead), { unbroken }).forEach((line, i) =>
      lines.push(`${i === 0 ? lead : pad}${line}`),
    );
  }
  return lines;
}

function profileTypeHint(
  set: MeasureSet,
  field: ProfileField,
  lang: Lang,
  t: InitMessages,
): string {
  if (field.type === "yesno") return t.profileTypes.yesno;
  if (field.type === "text") return t.profileTypes.text;
  const options = (field.options ?? []).map((o) =>
    withLabel(o.id, profileValueLabel(set, field.id, o.id)[lang], lang),
  );
  return t.profileTypes.choice(options.join(" | "));
}

/** The pieces of `a | b | c` that wrapping keeps whole: `a |`, `b |` and `c`. */
function withBars(options: readonly string[]): string[] {
  return options.map((option, i) => (i < options.length - 1 ? `${option} |` : option));
}

/** `eastern` alone when the label says the same, else `eastern (东部)`. */
function withLabel(id: string, label: string, lang: Lang): string {
  if (label.toLowerCase() === id.toLowerCase()) return id;
  return lang === "zh" ? `${id}（${label}）` : `${id} (${label})`;
}

/** The comment block of one question: its id line to uncomment, then what it asks and takes. */
function questionHint(set: MeasureSet, question: Question, lang: Lang, t: InitMessages): string[] {
  const lines = [placeholderLine(question)];
  const indent = "  ";
  lines.push(...comment(question.text[lang], indent, "  "));
  lines.push(...typeLines(question, lang, t).flatMap((line) => comment(line, indent, "  ")));
  if (question.evidence) {
    const labels = assessMessages(lang).statuses;
    const named =
      question.type === "status"
        ? question.evidence.requiredFor.map((s) => withLabel(s, labels[s], lang))
        : [];
    const statuses = question.type === "status" ? named.join(" | ") : t.evidenceForValue;
    lines.push(
      ...comment(
        `${t.evidenceFor(statuses)} — ${question.evidence.hint[lang]}`,
        indent,
        "  ",
        withBars(named),
      ),
    );
  }
  if (question.appliesWhen)
    lines.push(...comment(t.appliesOnlyWhen(conditions(set, question, lang)), indent, "  "));
  lines.push(...comment(t.guidance, indent, "  "));
  lines.push(...comment(question.guidance[lang], indent, "    "));
  return lines;
}

function typeLines(question: Question, lang: Lang, t: InitMessages): string[] {
  const types = t.types;
  const options = (question.options ?? []).map((o) => `  - ${o.id}: ${o.label[lang]}`);
  switch (question.type) {
    case "status":
      return [`${types.status} | unknown | not_applicable`];
    case "yesno":
      return [types.yesno, types.orStatus];
    case "number":
      return [
        types.number(
          question.unit?.[lang] ?? "",
          String(question.target ?? 0),
          question.direction ?? "higher",
          { min: question.min, max: question.max, integer: question.integer },
        ),
        types.orStatus,
      ];
    case "choice":
      return [types.choice, ...options, types.orStatus];
    case "multi":
      return [types.multi, ...options, types.orStatus];
    case "text":
      return [types.text, types.orStatus];
  }
}

/** `region: western; westernHubArea: true` in the profile's words. */
function conditions(set: MeasureSet, question: Question, lang: Lang): string {
  return Object.entries(question.appliesWhen ?? {})
    .filter(([field]) => !isExtensionKey(field))
    .map(([field, allowed]) => {
      const label = profileFieldLabel(set, field)[lang];
      const values = allowed.map((v) =>
        typeof v === "boolean"
          ? String(v)
          : withLabel(v, profileValueLabel(set, field, v)[lang], lang),
      );
      return `${field}: ${values.join(" | ")} — ${label}`;
    })
    .join("; ");
}
