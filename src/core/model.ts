/**
 * The data model of netdz: measure sets, measures, questions, answers files and diagnostics.
 * These types mirror the public file formats (see schemas/ and the README); field names are a
 * contract with users who write these files by hand.
 */
import type { DiagnosticText } from "../i18n/diagnostic-messages.js";

export type Lang = "en" | "zh";
export const LANGS: readonly Lang[] = ["en", "zh"];

/** A bilingual text: both languages are required in a valid set. */
export interface Text {
  en: string;
  zh: string;
}

export const MEASURE_SET_FORMAT = "netdz-measure-set/1";
export const MEASURE_FORMAT = "netdz-measure/1";
export const ANSWERS_FORMAT = "netdz-answers/1";
/** The answers file `assess`, `init` and `report` use when none is named. */
export const DEFAULT_ANSWERS_FILE = "netdz-answers.yaml";
export const REPORT_FORMAT = "netdz-report/1";
export const CHANGES_FORMAT = "netdz-changes/1";

export type ProfileFieldType = "text" | "choice" | "yesno";

/** One zone-profile question asked before the assessment; `appliesWhen` refers to these ids. */
export interface ProfileField {
  id: string;
  type: ProfileFieldType;
  label: Text;
  help?: Text;
  /** Defaults to true. */
  required?: boolean;
  /** For `choice` fields. */
  options?: { id: string; label: Text }[];
  /** A field that is not asked: its value follows from another (choice) field's value. */
  derive?: ProfileDerivation;
}

/** `derive: {from: province, map: {jiangsu: eastern, …}}`: the source field's option → this field's option. */
export interface ProfileDerivation {
  from: string;
  map: Record<string, string>;
}

export interface Area {
  id: string;
  title: Text;
  weight: number;
  /** The plan's section, e.g. `二`. */
  ref?: string;
}

export interface Band {
  min: number;
  label: Text;
}

export const DEFAULT_BANDS: readonly Band[] = [
  { min: 85, label: { en: "Leading", zh: "领先" } },
  { min: 65, label: { en: "Advancing", zh: "推进" } },
  { min: 40, label: { en: "Developing", zh: "发展" } },
  { min: 0, label: { en: "Initial", zh: "起步" } },
];

export interface SetSource {
  /** Document number, e.g. 商资函〔2025〕132号. */
  document: string;
  title?: Text;
  issuer: Text;
  /** ISO date, e.g. 2025-05-21. */
  issued: string;
  authoritativeLanguage: Lang;
  url?: string;
}

/** set.yaml */
export interface MeasureSetHeader {
  format: typeof MEASURE_SET_FORMAT;
  id: string;
  version: string;
  title: Text;
  description?: Text;
  source: SetSource;
  areas: Area[];
  profile: ProfileField[];
  bands?: Band[];
  /** A set that adds to another one (e.g. a province's additions to the national set). */
  extends?: SetRef;
}

/** A measure set named by id and version. */
export interface SetRef {
  id: string;
  version: string;
}

export type QuestionType = "status" | "yesno" | "number" | "choice" | "multi" | "text";

/** Answer statuses, in the order they are offered. */
export const STATUSES = [
  "implemented",
  "in_progress",
  "planned",
  "not_started",
  "unknown",
  "not_applicable",
] as const;
export type Status = (typeof STATUSES)[number];
/** Statuses a question of a type other than `status` may carry instead of a value. */
export const VALUE_QUESTION_STATUSES: readonly Status[] = ["unknown", "not_applicable"];

export interface Option {
  id: string;
  label: Text;
  /** 0…1 */
  score: number;
}

/** Profile field id → the values for which the question applies. All fields must match. */
export type AppliesWhen = Record<string, (string | boolean)[]>;

export interface EvidenceRule {
  /** Statuses for which evidence is required. For value questions, `implemented` means "any value". */
  requiredFor: Status[];
  hint: Text;
}

export interface Question {
  id: string;
  type: QuestionType;
  text: Text;
  guidance: Text;
  weight: number;
  evidence?: EvidenceRule;
  appliesWhen?: AppliesWhen;
  /** number */
  unit?: Text;
  target?: number;
  direction?: "higher" | "lower";
  /** Bounds of an accepted number answer, and whether it must be a whole number. */
  min?: number;
  max?: number;
  integer?: boolean;
  /** choice / multi */
  options?: Option[];
}

export type ProvenanceBasis = "text" | "briefing" | "reconstructed";

export interface Provenance {
  basis: ProvenanceBasis;
  sources: string[];
  note?: Text;
}

export interface Measure {
  format: typeof MEASURE_FORMAT;
  id: string;
  number: number;
  area: string;
  ref: string;
  title: Text;
  summary: Text;
  provenance: Provenance;
  weight: number;
  questions: Question[];
}

/** A loaded, validated measure set: the header plus its measures in plan order. */
export interface MeasureSet extends MeasureSetHeader {
  measures: Measure[];
  /**
   * For a set that extends another: the national set at the root of its chain of `extends:`
   * (the set it extends, or the set that one extends…) and which of the measures are its.
   */
  base?: SetRef & {
    measures: string[];
    source?: SetSource;
    /**
     * The documents of the sets between the root and this one, the root's side first (a city
     * set's province): `base` itself is the root of the chain, the national set.
     */
    between?: SetSource[];
    /**
     * Every measure and profile field the set takes from the set it extends: its own
     * changes.yaml can neither remove nor change them.
     */
    inherited: { measures: string[]; profile: string[] };
  };
}

export type ProfileValue = string | boolean;
export type Zone = Record<string, ProfileValue | undefined> & { name?: string };

export type AnswerValue = number | boolean | string | string[];

export interface Answer {
  status?: Status;
  value?: AnswerValue;
  evidence?: string[];
  note?: string;
  answeredAt?: string;
  review?: boolean;
  /** Who is responsible for closing the gap (责任单位), as typed. */
  owner?: string;
  /** When the gap is to be closed (完成时限), YYYY-MM-DD. */
  due?: string;
}

export interface AnswersFile {
  format: typeof ANSWERS_FORMAT;
  measureSet: { id: string; version: string };
  zone: Zone;
  assessor?: { name?: string; role?: string };
  answers: Record<string, Answer>;
  /** Each migration to a newer version of the set. */
  migrated?: MigrationRecord[];
  /** Answers and profile values a migration could not carry over, by question id or `zone.<field>`. */
  retired?: Record<string, RetiredEntry>;
}

export interface MigrationRecord {
  from: string;
  to: string;
  date: string;
}

export interface RetiredEntry {
  /** The version the answer was given in. */
  version: string;
  reason?: string;
  answer?: Answer;
  value?: ProfileValue;
}

export type Severity = "error" | "warning";

/**
 * One problem found in a user's file, located at a 1-based line and column. `message` is in
 * English; `text`, when present, is the message as id and params, which renderers put into the
 * chosen language (src/i18n/diagnostic-messages.ts).
 */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
  text?: DiagnosticText;
}

/** One entry of a version's `changes.yaml`. */
export type ChangeEntry =
  | { rename: { from: string; to: string } }
  | { reword: string }
  | { rescale: { id: string; note: Text } }
  | { retire: { id: string; reason: Text } }
  | { profile: { field: string; map: Record<string, ProfileValue> } };

/** `changes.yaml`: what changed in a version from the one before. */
export interface ChangesFile {
  format: typeof CHANGES_FORMAT;
  from: string;
  changes: ChangeEntry[];
}
