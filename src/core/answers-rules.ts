import {
  answerState,
  countAnswers,
  DECLARED_NOT_APPLICABLE_WARN,
  declaredNotApplicableShare,
  profileApplicable,
} from "./answer.js";
import { missingProfileFields, notApplicableReason } from "./applicability.js";
import { lacksRequiredEvidence } from "./score.js";
import { asArray, asRecord, asString, type Loose } from "./loose.js";
import type { Answer, Diagnostic, MeasureSet, Question, Severity, Status } from "./model.js";
import { STATUSES, VALUE_QUESTION_STATUSES } from "./model.js";
import { diagnosticAt, type PathSegment, type YamlSource } from "./yaml-source.js";

/** Every question of a set by id, with its measure id. */
export function questionIndex(
  set: MeasureSet,
): Map<string, { question: Question; measureId: string }> {
  const index = new Map<string, { question: Question; measureId: string }>();
  for (const measure of set.measures) {
    for (const question of measure.questions)
      index.set(question.id, { question, measureId: measure.id });
  }
  return index;
}

/**
 * The well-typed parts of an answers entry; the rest is the schema's to report, so a file that
 * fails its schema is still checked against its set in the same run.
 */
export function looseAnswer(raw: Loose): Answer {
  const entry = asRecord(raw);
  const answer: Answer = {};
  const status = asString(entry.status);
  if (status !== undefined && (STATUSES as readonly string[]).includes(status)) {
    answer.status = status as Status;
  }
  const value = entry.value;
  if (
    typeof value === "number" ||
    typeof value === "boolean" ||
    typeof value === "string" ||
    (Array.isArray(value) && value.every((v) => typeof v === "string"))
  ) {
    answer.value = value;
  }
  const evidence = asArray(entry.evidence).filter((e): e is string => typeof e === "string");
  if (evidence.length > 0) answer.evidence = evidence;
  const note = asString(entry.note);
  if (note !== undefined) answer.note = note;
  if (entry.review === true) answer.review = true;
  return answer;
}

/**
 * Checks an answers file against its measure set: question ids exist, values fit their
 * question's type, the zone profile fits the set, evidence is there where required. Reads only
 * the well-typed parts, so it also runs on a file that failed its schema.
 */
export function checkAnswers(
  source: YamlSource,
  data: Loose,
  set: MeasureSet,
  options: { strict?: boolean } = {},
): Diagnostic[] {
  const file = asRecord(data);
  const out: Diagnostic[] = [];
  const push = (
    severity: Severity,
    path: PathSegment[],
    code: string,
    message: string,
    key = false,
  ) => out.push(diagnosticAt(source, path, severity, code, message, { key }));
  const zone = Object.fromEntries(
    Object.entries(asRecord(file.zone)).filter(
      (e): e is [string, string | boolean] => typeof e[1] === "string" || typeof e[1] === "boolean",
    ),
  );

  // Required fields, and those an appliesWhen depends on (the report calls the profile incomplete).
  const missing = new Set(missingProfileFields(set, zone));
  for (const field of set.profile) {
    const value = zone[field.id];
    if (value === undefined || value === "") {
      if (missing.has(field.id)) {
        push(
          "warning",
          ["zone"],
          "answers/profile-missing",
          `zone profile has no "${field.id}" (${field.label.en})`,
        );
      }
      continue;
    }
    if (field.type === "yesno" && typeof value !== "boolean") {
      push(
        "error",
        ["zone", field.id],
        "answers/profile-value",
        `zone.${field.id} must be true or false`,
      );
    } else if (field.type === "choice") {
      const ids = (field.options ?? []).map((o) => o.id);
      if (typeof value !== "string" || !ids.includes(value)) {
        push(
          "error",
          ["zone", field.id],
          "answers/profile-value",
          `zone.${field.id} "${String(value)}" is not one of: ${ids.join(", ")}`,
        );
      }
    } else if (field.type === "text" && typeof value !== "string") {
      push("error", ["zone", field.id], "answers/profile-value", `zone.${field.id} must be a text`);
    }
  }
  for (const key of Object.keys(zone)) {
    if (!set.profile.some((p) => p.id === key)) {
      push(
        "warning",
        ["zone", key],
        "answers/profile-unknown",
        `"${key}" is not a profile field of ${set.id}@${set.version}`,
        true,
      );
    }
  }

  const index = questionIndex(set);
  for (const [id, raw] of Object.entries(asRecord(file.answers))) {
    const path: PathSegment[] = ["answers", id];
    if (raw === null) continue; // left empty: unanswered
    const answer = looseAnswer(raw);
    const found = index.get(id);
    if (!found) {
      push(
        "error",
        path,
        "answers/unknown-question",
        `${id} is not a question of ${set.id}@${set.version}`,
        true,
      );
      continue;
    }
    const { question } = found;
    for (const problem of valueProblems(question, answer))
      push("error", [...path, problem.key], problem.code, problem.message);
    const entry = asRecord(raw);
    // A missing note is the schema's to report; a blank one is ours.
    if (
      answer.status === "not_applicable" &&
      "note" in entry &&
      (answer.note ?? "").trim() === ""
    ) {
      push("error", path, "answers/na-note", `${id} is marked not applicable: say why in "note"`);
    }
    if (
      lacksRequiredEvidence(question, answer) &&
      !("evidence" in entry && !Array.isArray(entry.evidence))
    ) {
      push(
        options.strict ? "error" : "warning",
        [...path, answer.status !== undefined ? "status" : "value"],
        "answers/missing-evidence",
        `${id} ${answer.status !== undefined ? `is "${answer.status}"` : "has a value"} but no evidence (${question.evidence?.hint.en ?? "add a URL or file path"})`,
      );
    }
    if (!("status" in entry) && !("value" in entry) && entry.review !== true) {
      push(
        "warning",
        path,
        "answers/empty",
        `${id} has neither "status" nor "value"; it counts as unanswered`,
      );
    }
    const reason = notApplicableReason(question, zone);
    if (reason && (answer.status !== undefined || answer.value !== undefined)) {
      push(
        "warning",
        path,
        "answers/not-applicable-to-zone",
        `${id} does not apply to this zone (${reason.field} is ${String(reason.actual)}); its answer is not scored`,
        true,
      );
    }
  }
  declaredNotApplicableWarning(set, zone, asRecord(file.answers), push);
  return out;
}

/**
 * Warns when the zone itself answered "not applicable" to more than 20 % of the questions that
 * apply to its profile: the score then covers little of the plan (see DECLARED_NOT_APPLICABLE_WARN).
 */
function declaredNotApplicableWarning(
  set: MeasureSet,
  zone: Record<string, string | boolean>,
  answers: Record<string, Loose>,
  push: (severity: Severity, path: PathSegment[], code: string, message: string) => void,
): void {
  const counted = set.measures.flatMap((measure) =>
    measure.questions.map((question) => {
      const raw = answers[question.id];
      const answer = raw === null || raw === undefined ? undefined : looseAnswer(raw);
      return {
        applies: notApplicableReason(question, zone) === undefined,
        state: answerState(question, answer),
        review: false,
      };
    }),
  );
  const counts = countAnswers(counted);
  const share = declaredNotApplicableShare(counts);
  if (share === null || share <= DECLARED_NOT_APPLICABLE_WARN) return;
  const percent = `${(share * 100).toFixed(1)}%`;
  push(
    "warning",
    ["answers"],
    "answers/many-not-applicable",
    `the zone declared ${counts.declaredNotApplicable} of the ${profileApplicable(counts)} questions that apply to it not applicable (${percent}, more than ${DECLARED_NOT_APPLICABLE_WARN * 100}%); the score leaves them out, so check each justification`,
  );
}

interface Problem {
  key: string;
  code: string;
  message: string;
}

/** Type mismatches between an answer and its question. */
export function valueProblems(question: Question, answer: Answer): Problem[] {
  const problems: Problem[] = [];
  const { id } = question;
  if (question.type === "status") {
    if (answer.value !== undefined) {
      problems.push({
        key: "value",
        code: "answers/value-type",
        message: `${id} is a status question: answer it with "status", not "value"`,
      });
    }
    return problems;
  }
  if (answer.status !== undefined && !VALUE_QUESTION_STATUSES.includes(answer.status)) {
    problems.push({
      key: "status",
      code: "answers/status-type",
      message: `${id} is a ${question.type} question: give "value", or status unknown or not_applicable (not "${answer.status}")`,
    });
  }
  const value = answer.value;
  if (value === undefined) return problems;
  const bad = (message: string) =>
    problems.push({ key: "value", code: "answers/value-type", message });
  const optionIds = (question.options ?? []).map((o) => o.id);
  switch (question.type) {
    case "yesno":
      if (typeof value !== "boolean")
        bad(`${id} takes true or false, not ${JSON.stringify(value)}`);
      break;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value))
        bad(`${id} takes a number, not ${JSON.stringify(value)}`);
      else if (value < 0) bad(`${id} takes a number of 0 or more, not ${value}`);
      break;
    case "choice":
      if (typeof value !== "string" || !optionIds.includes(value)) {
        bad(`${id} takes one of: ${optionIds.join(", ")} (not ${JSON.stringify(value)})`);
      }
      break;
    case "multi": {
      const chosen = Array.isArray(value) ? value : undefined;
      const unknown = chosen?.filter((v) => !optionIds.includes(v)) ?? [];
      const repeated = chosen?.filter((v, i) => chosen.indexOf(v) !== i) ?? [];
      if (repeated.length > 0 && unknown.length === 0) {
        bad(`${id} lists ${repeated.map((v) => JSON.stringify(v)).join(", ")} more than once`);
      } else if (!chosen || unknown.length > 0) {
        bad(
          `${id} takes a list of: ${optionIds.join(", ")} (not ${JSON.stringify(chosen ? unknown : value)})`,
        );
      }
      break;
    }
    case "text":
      if (typeof value !== "string") bad(`${id} takes a text, not ${JSON.stringify(value)}`);
      break;
  }
  return problems;
}
