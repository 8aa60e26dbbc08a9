import { formatSetRef } from "./set-ref.js";
import { isCalendarDate, isRealDateTime } from "./actions.js";
import {
  answerState,
  countAnswers,
  DECLARED_NOT_APPLICABLE_WARN,
  declaredNotApplicableShare,
  profileApplicable,
} from "./answer.js";
import { missingProfileFields, notApplicableReason, withDerivedProfile } from "./applicability.js";
import { lacksRequiredEvidence } from "./score.js";
import { asRecord, asString, isExtensionKey, type Loose } from "./loose.js";
import type { Answer, Diagnostic, MeasureSet, Question, Status } from "./model.js";
import { STATUSES, VALUE_QUESTION_STATUSES } from "./model.js";
import { problemPusher, type PathSegment, type YamlSource } from "./yaml-source.js";
import type { DiagnosticText } from "../i18n/diagnostic-messages.js";
import { MAX_PROBLEMS_COLLECTED } from "./diagnostic-filter.js";
import { numberHint } from "./number-hint.js";
import { setIndex } from "./set-index.js";

/** Every question of a set by id, with its measure id. */
export function questionIndex(
  set: MeasureSet,
): ReadonlyMap<string, { question: Question; measureId: string }> {
  return setIndex(set).byId;
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
  if (Array.isArray(entry.evidence)) {
    let evidence: string[] | undefined;
    for (const item of entry.evidence as Loose[]) {
      if (typeof item === "string") (evidence ??= []).push(item);
    }
    if (evidence !== undefined) answer.evidence = evidence;
  }
  const note = asString(entry.note);
  if (note !== undefined) answer.note = note;
  if (entry.review === true) answer.review = true;
  const owner = asString(entry.owner);
  if (owner !== undefined) answer.owner = owner;
  const due = asString(entry.due);
  if (due !== undefined) answer.due = due;
  return answer;
}

/**
 * The rules stop reading a file's answers past this many problems. A file's problems are cut to
 * MAX_PROBLEMS_COLLECTED (with one problem saying so) after the schema's and these are put
 * together, and at most a few of these can fall at the place of each schema problem: past this
 * many, the cut list is the same as if every problem had been collected (a 10 MB file with a
 * problem per line would otherwise hold 300,000 of them).
 */
export const RULE_PROBLEMS_KEPT = MAX_PROBLEMS_COLLECTED * 8;

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
  const push = problemPusher(source, out);
  const zone = Object.fromEntries(
    Object.entries(asRecord(file.zone)).filter(
      (e): e is [string, string | boolean] =>
        !isExtensionKey(e[0]) && (typeof e[1] === "string" || typeof e[1] === "boolean"),
    ),
  );

  // Required fields, and those an appliesWhen depends on (the report calls the profile incomplete).
  const missing = new Set(missingProfileFields(set, zone));
  const givenZone = asRecord(file.zone);
  const derived = withDerivedProfile(set.profile, zone);
  // Profile fields whose value is an error: not used to tell what applies (as if not given).
  const invalid = new Set<string>();
  for (const field of set.profile) {
    // Own keys only: a profile field named `constructor` is not Object.prototype's.
    const value = Object.hasOwn(zone, field.id) ? zone[field.id] : undefined;
    // Not a text nor true/false (a number, a list, a mapping): the schema takes any value under
    // `zone`, as it cannot tell a profile field from an unknown key; a field's type is checked here.
    const given =
      value === undefined && Object.hasOwn(givenZone, field.id) ? givenZone[field.id] : null;
    if (given !== null && given !== undefined) {
      const options = (field.options ?? []).map((o) => o.id);
      const params = { field: field.id };
      invalid.add(field.id);
      push(
        "error",
        ["zone", field.id],
        "answers/profile-value",
        field.type === "yesno"
          ? { id: "answers/profile-yesno", params }
          : field.type === "text"
            ? { id: "answers/profile-text", params }
            : { id: "answers/profile-choice-type", params: { ...params, options } },
      );
      continue;
    }
    if (field.derive !== undefined) {
      if (value !== undefined && value !== derived[field.id]) {
        const shown = derived[field.id];
        push("warning", ["zone", field.id], "answers/profile-derived", {
          id: "answers/profile-derived",
          params: {
            field: field.id,
            from: field.derive.from,
            ...(shown === undefined ? {} : { derived: String(shown) }),
            value: String(value),
          },
        });
      }
      continue;
    }
    if (value === undefined || value === "") {
      if (missing.has(field.id)) {
        push("warning", ["zone"], "answers/profile-missing", {
          id: "answers/profile-missing",
          params: { field: field.id, label: field.label },
        });
      }
      continue;
    }
    if (field.type === "yesno" && typeof value !== "boolean") {
      invalid.add(field.id);
      push("error", ["zone", field.id], "answers/profile-value", {
        id: "answers/profile-yesno",
        params: { field: field.id },
      });
    } else if (field.type === "choice") {
      const ids = (field.options ?? []).map((o) => o.id);
      if (typeof value !== "string" || !ids.includes(value)) {
        invalid.add(field.id);
        push("error", ["zone", field.id], "answers/profile-value", {
          id: "answers/profile-choice",
          params: { field: field.id, value: String(value), options: ids },
        });
      }
    } else if (field.type === "text" && typeof value !== "string") {
      invalid.add(field.id);
      push("error", ["zone", field.id], "answers/profile-value", {
        id: "answers/profile-text",
        params: { field: field.id },
      });
    }
  }
  const setName = formatSetRef(set);
  // Every unknown key, whatever its value (a mapping or a list too): only this warning.
  for (const key of Object.keys(givenZone)) {
    if (!isExtensionKey(key) && !set.profile.some((p) => p.id === key)) {
      push(
        "warning",
        ["zone", key],
        "answers/profile-unknown",
        { id: "answers/profile-unknown", params: { key, set: setName } },
        true,
      );
    }
  }

  const index = setIndex(set);
  const usable =
    invalid.size === 0
      ? zone
      : Object.fromEntries(Object.entries(zone).filter(([field]) => !invalid.has(field)));
  const applicable = invalid.size === 0 ? derived : withDerivedProfile(set.profile, usable);
  const appliesToZone = index.applies(applicable);
  // Each entry read once: the count of "not applicable" answers below uses them again, when
  // there is one (the map is built only then).
  const read: { id: string; answer: Answer }[] = [];
  let anyNotApplicable = false;
  let stopped = false;
  const entries = asRecord(file.answers);
  for (const id of Object.keys(entries)) {
    const raw = entries[id] as Loose;
    if (out.length > RULE_PROBLEMS_KEPT) {
      stopped = true;
      break;
    }
    if (raw === null || isExtensionKey(id)) continue; // left empty: unanswered
    const answer = looseAnswer(raw);
    read.push({ id, answer });
    if (answer.status === "not_applicable") anyNotApplicable = true;
    const found = index.byId.get(id);
    if (!found) {
      push(
        "error",
        ["answers", id],
        "answers/unknown-question",
        { id: "answers/unknown-question", params: { id, set: setName } },
        true,
      );
      continue;
    }
    const { question } = found;
    // The path of a problem is built only for a problem: most answers have none.
    const path: PathSegment[] = ["answers", id];
    if (!answerFitsQuestion(question, answer)) {
      for (const problem of valueProblems(question, answer))
        push("error", [...path, problem.key], problem.code, problem.message);
    }
    const entry = asRecord(raw);
    if (
      lacksRequiredEvidence(question, answer) &&
      !("evidence" in entry && !Array.isArray(entry.evidence))
    ) {
      push(
        options.strict ? "error" : "warning",
        [...path, answer.status !== undefined ? "status" : "value"],
        "answers/missing-evidence",
        {
          id: "answers/missing-evidence",
          params: { id, status: answer.status, hint: question.evidence?.hint },
        },
      );
    }
    ownProblems(push, path, id, answer, entry);
    const reason =
      appliesToZone[found.position] === 1 ? undefined : notApplicableReason(question, applicable);
    if (reason && (answer.status !== undefined || answer.value !== undefined)) {
      push(
        "warning",
        path,
        "answers/not-applicable-to-zone",
        {
          id: "answers/not-applicable-to-zone",
          params: { id, field: reason.field, actual: String(reason.actual) },
        },
        true,
      );
    }
  }
  if (!stopped && anyNotApplicable) {
    const given = new Map(read.map(({ id, answer }) => [id, answer]));
    declaredNotApplicableWarning(set, usable, given, push);
  }
  return out;
}

type Push = ReturnType<typeof problemPusher>;

/**
 * The checks of one answer that need no measure set: a blank note on "not applicable", a blank
 * owner, a due day that does not exist, an entry with nothing in it.
 */
function ownProblems(
  push: Push,
  path: PathSegment[],
  id: string,
  answer: Answer,
  entry: Record<string, Loose>,
): void {
  // A missing note is the schema's to report; a blank one is ours.
  if (answer.status === "not_applicable" && "note" in entry && (answer.note ?? "").trim() === "") {
    push("error", path, "answers/na-note", { id: "answers/na-note", params: { id } });
  }
  // The schema rejects an empty owner; one of spaces only is ours to report.
  if (typeof entry.owner === "string" && entry.owner !== "" && entry.owner.trim() === "") {
    push("error", [...path, "owner"], "answers/owner-blank", {
      id: "answers/owner-blank",
      params: { id },
    });
  }
  // The schema checks the YYYY-MM-DD shape; a day that does not exist is ours to report.
  if (
    answer.due !== undefined &&
    /^\d{4}-\d{2}-\d{2}$/.test(answer.due) &&
    !isCalendarDate(answer.due)
  ) {
    push("error", [...path, "due"], "answers/due-date", {
      id: "answers/due-date",
      params: { id, due: answer.due },
    });
  }
  // Likewise a date-time of the right shape that does not exist (2026-02-30T…, hour 25).
  if (typeof entry.answeredAt === "string" && !isRealDateTime(entry.answeredAt)) {
    push("error", [...path, "answeredAt"], "answers/answered-at", {
      id: "answers/answered-at",
      params: { id, at: entry.answeredAt },
    });
  }
  if (!("status" in entry) && !("value" in entry) && entry.review !== true) {
    push("warning", path, "answers/empty", { id: "answers/empty", params: { id } });
  }
}

/**
 * An answers file's own problems that need no measure set (see ownProblems): what is still
 * checked when the set it is pinned to is invalid, beside the YAML and the schema.
 */
export function checkAnswersAlone(source: YamlSource, data: Loose): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = problemPusher(source, out);
  const entries = asRecord(asRecord(data).answers);
  for (const id of Object.keys(entries)) {
    if (out.length > RULE_PROBLEMS_KEPT) break;
    const raw = entries[id] as Loose;
    if (raw === null || isExtensionKey(id)) continue; // left empty: unanswered
    ownProblems(push, ["answers", id], id, looseAnswer(raw), asRecord(raw));
  }
  return out;
}

/**
 * Warns when the zone itself answered "not applicable" to more than 20 % of the questions that
 * apply to its profile: the score then covers little of the plan (see DECLARED_NOT_APPLICABLE_WARN).
 */
function declaredNotApplicableWarning(
  set: MeasureSet,
  zone: Record<string, string | boolean>,
  answers: ReadonlyMap<string, Answer>,
  push: Push,
): void {
  const index = setIndex(set);
  const applies = index.applies(zone);
  // The share first, as the counts below give it, without building them: most files are under
  // the limit (and one with no answer "not applicable" never gets here).
  let kept = 0;
  let declared = 0;
  for (let i = 0; i < applies.length; i++) {
    if (applies[i] !== 1) continue;
    kept++;
    const { question } = index.questions[i] as (typeof index.questions)[number];
    if (answerState(question, answers.get(question.id)) === "not_applicable") declared++;
  }
  if (kept === 0 || declared / kept <= DECLARED_NOT_APPLICABLE_WARN) return;
  const counted = index.questions.map(({ question }, i) => ({
    applies: applies[i] === 1,
    state: answerState(question, answers.get(question.id)),
    review: false,
  }));
  const counts = countAnswers(counted);
  const share = declaredNotApplicableShare(counts);
  if (share === null || share <= DECLARED_NOT_APPLICABLE_WARN) return;
  const percent = `${(share * 100).toFixed(1)}%`;
  // At the `answers:` key: a warning about the answers as a whole, not about the first of them.
  push(
    "warning",
    ["answers"],
    "answers/many-not-applicable",
    {
      id: "answers/many-not-applicable",
      params: {
        declared: counts.declaredNotApplicable,
        applicable: profileApplicable(counts),
        percent,
        limit: DECLARED_NOT_APPLICABLE_WARN * 100,
      },
    },
    true,
  );
}

interface Problem {
  key: string;
  code: string;
  message: DiagnosticText;
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
        message: { id: "answers/status-question", params: { id } },
      });
    }
    return problems;
  }
  if (answer.status !== undefined && !VALUE_QUESTION_STATUSES.includes(answer.status)) {
    problems.push({
      key: "status",
      code: "answers/status-type",
      message: {
        id: "answers/status-type",
        params: { id, type: question.type, status: answer.status },
      },
    });
  }
  const value = answer.value;
  if (value === undefined || valueFitsQuestion(question, value)) return problems;
  const bad = (message: DiagnosticText) =>
    problems.push({ key: "value", code: "answers/value-type", message });
  const optionIds = (question.options ?? []).map((o) => o.id);
  // Put into words only for a problem: a roll-up checks every answer of thousands of files.
  const shown = () => JSON.stringify(value);
  switch (question.type) {
    case "yesno":
      if (typeof value !== "boolean") bad({ id: "answers/yesno", params: { id, value: shown() } });
      break;
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) {
        const hint = numberHint(value);
        bad(
          hint === undefined
            ? { id: "answers/number", params: { id, value: shown() } }
            : hint.kind === "not-finite"
              ? { id: "answers/not-finite", params: { id } }
              : { id: `answers/${hint.kind}`, params: { id, fixed: hint.fixed } },
        );
      } else {
        const problem = numberBoundsProblem(question, value);
        if (problem) bad(problem);
      }
      break;
    case "choice":
      if (typeof value !== "string" || !optionIds.includes(value)) {
        bad({ id: "answers/choice", params: { id, value: shown(), options: optionIds } });
      }
      break;
    case "multi": {
      const chosen = Array.isArray(value) ? value : undefined;
      const unknown = chosen?.filter((v) => !optionIds.includes(v)) ?? [];
      const repeated = [...new Set(chosen?.filter((v, i) => chosen.indexOf(v) !== i))];
      if (repeated.length > 0 && unknown.length === 0) {
        bad({ id: "answers/multi-repeat", params: { id, repeated } });
      } else if (!chosen || unknown.length > 0) {
        bad({
          id: "answers/multi-unknown",
          params: { id, value: JSON.stringify(chosen ? unknown : value), options: optionIds },
        });
      }
      break;
    }
    case "text":
      if (typeof value !== "string") bad({ id: "answers/text", params: { id, value: shown() } });
      break;
  }
  return problems;
}

/**
 * True when an answer certainly draws no problem from `valueProblems`, told without building
 * anything; false sends it through `valueProblems`, which decides.
 */
function answerFitsQuestion(question: Question, answer: Answer): boolean {
  if (question.type === "status") return answer.value === undefined;
  if (answer.status !== undefined && !VALUE_QUESTION_STATUSES.includes(answer.status)) return false;
  return answer.value === undefined || valueFitsQuestion(question, answer.value);
}

/**
 * True when a value certainly draws no problem from `valueProblems`: the common case, told
 * without building anything (a roll-up checks every answer of thousands of files). False sends
 * the value through the full checks, which decide.
 */
function valueFitsQuestion(question: Question, value: NonNullable<Answer["value"]>): boolean {
  switch (question.type) {
    case "yesno":
      return typeof value === "boolean";
    case "text":
      return typeof value === "string";
    case "number":
      return (
        typeof value === "number" &&
        Number.isFinite(value) &&
        numberBoundsProblem(question, value) === undefined
      );
    case "choice":
      return typeof value === "string" && isOptionOf(question, value);
    case "multi":
      if (!Array.isArray(value)) return false;
      for (let i = 0; i < value.length; i++) {
        const v = value[i] as string;
        if (!isOptionOf(question, v) || value.indexOf(v) !== i) return false;
      }
      return true;
    default:
      return false;
  }
}

function isOptionOf(question: Question, id: string): boolean {
  const options = question.options ?? [];
  for (const option of options) if (option.id === id) return true;
  return false;
}

/**
 * Why a number does not fit its question's bounds (`min`, default 0; `max`; `integer`);
 * undefined when it fits.
 */
export function numberBoundsProblem(question: Question, value: number): DiagnosticText | undefined {
  const { id, max } = question;
  const min = question.min ?? 0;
  const integer = question.integer === true;
  if (value < min || (max !== undefined && value > max)) {
    // A question without bounds of its own keeps the plain "0 or more" message.
    if (question.min === undefined && max === undefined && !integer) {
      return { id: "answers/negative", params: { id, value } };
    }
    return {
      id: "answers/number-range",
      params: { id, value, min, ...(max === undefined ? {} : { max }), integer },
    };
  }
  if (integer && !Number.isInteger(value))
    return { id: "answers/not-whole", params: { id, value } };
  return undefined;
}
