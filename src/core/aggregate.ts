/**
 * The roll-up of many zones' assessments (issue 9, `netdz aggregate`): league table with ranks
 * overall and within each region, region statistics, the measures-across-zones matrix, the gaps
 * most zones share, the bottom zones of each region, and which files were left out or superseded.
 * Pure: no I/O. Each zone is first reduced to a compact summary, so thousands of zones fit in memory.
 */
import { countAnswers, detailedState, stateOfDetailed, type Counted } from "./answer.js";
import { profileValueLabel, withDerivedProfile } from "./applicability.js";
import {
  DEFAULT_BANDS,
  type AnswersFile,
  type Band,
  type MeasureSet,
  type ProfileField,
  type Text,
  type Zone,
} from "./model.js";
import {
  bandFor,
  compareGaps,
  compareIds,
  latestAnsweredAt,
  scoreInState,
  type Assessment,
  type Counts,
} from "./score.js";
import { setIndex, type SetIndex } from "./set-index.js";
import { compareVersions } from "./versions.js";
import { zoneKey, type ProvinceSpellings } from "./zone-key.js";

/** The `format` of the JSON roll-up. */
export const AGGREGATE_FORMAT = "netdz-aggregate/1";

/** Zones answered below this completeness (a percentage, 0–100) are shown but not ranked. */
export const DEFAULT_MIN_COMPLETENESS = 80;
/** How many of the lowest-ranked zones of each region are listed. */
export const DEFAULT_BOTTOM = 5;
/** Whether `n` is an allowed `--min-completeness`: a percentage from 0 to 100. */
export function isMinCompleteness(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n) && n >= 0 && n <= 100;
}

/** Whether `n` is an allowed `--bottom`: a whole number of 0 or more. */
export function isBottom(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

/** A question is a common gap when at least this share of the zones it applies to … */
export const COMMON_GAP_SHARE = 0.5;
/** … score below this on it. */
export const COMMON_GAP_SCORE = 0.5;
/** Largest gaps listed for each of the bottom zones. */
export const GAPS_PER_ZONE = 3;

/** Scores closer than this are equal (ties share a rank), so float noise never splits a tie. */
const TIE = 1e-9;

/** One checked, scored answers file. */
export interface ZoneInput {
  file: string;
  answers: AnswersFile;
  assessment: Assessment;
}

export interface ZoneGap {
  question: string;
  measure: string;
  /** Points of the overall score lost. */
  gap: number;
}

/** What the roll-up keeps of one zone: enough for every section, not the whole assessment. */
export interface ZoneSummary {
  file: string;
  zone: Zone;
  /** The newest `answeredAt` of the file, in milliseconds since 1970; null when none is dated. */
  answeredAt: number | null;
  overall: number | null;
  band: Band | null;
  /** 0…1, null when no question applies. */
  completeness: number | null;
  /** Score of each area of the set, in set order; NaN where the area does not apply. */
  areaScores: Float64Array;
  /** Score of each measure of the set, in set order; NaN where the measure does not apply. */
  measureScores: Float64Array;
  counts: Counts;
  /** The zone's largest gaps, largest first (at most GAPS_PER_ZONE). */
  topGaps: ZoneGap[];
  /** Score s of every question of the set, in set order; NaN where not scored. */
  questionScores: Float64Array;
  /** Points lost on every question of the set, in set order; NaN where not scored. */
  questionGaps: Float64Array;
}

/** Why a file is not in the figures. */
export type LeftOutReason =
  | {
      kind: "invalid";
      code: string;
      message: string;
      /** The file the roll-up uses for this file's zone (an older file of it), when there is one. */
      zoneUsedFrom?: string;
    }
  | { kind: "other-set"; id: string; version: string }
  | {
      kind: "other-version";
      version: string;
      migrate?: string;
      /** As many usable files are of this version as of the one used (a tie: the newest wins). */
      tie?: true;
    };

export interface LeftOut {
  file: string;
  /** Where the problem is (1-based), null when it is not at a place in the file. */
  line: number | null;
  column: number | null;
  reason: LeftOutReason;
  /** Set when what is left out is a folder that could not be listed (its files are unknown). */
  folder?: true;
}

/** How many files and how many folders (that could not be listed) are left out. */
export interface LeftOutCount {
  files: number;
  folders: number;
}

/** The files and folders left out, counted apart: a folder is not a file. */
export function leftOutCount(leftOut: readonly LeftOut[]): LeftOutCount {
  const folders = leftOut.filter((entry) => entry.folder === true).length;
  return { files: leftOut.length - folders, folders };
}

/**
 * Which step of the rule (`dropSuperseded`) decided between two files of one zone: the newer
 * `answeredAt`; on a tie of dates (or when neither is dated) the newer set version; then the
 * later file path.
 */
export type SupersededBy = "answered-later" | "newer-version" | "later-path";

/** A file of a zone that another, more recently answered file of the same zone replaces. */
export interface Superseded {
  file: string;
  by: string;
  zone: { name: string; province: string };
  /** Why `by` is used rather than this file. */
  why: SupersededBy;
  /** Whether `by` has an `answeredAt` (a tie of dates is then one of equal dates, not of none). */
  dated: boolean;
}

export interface RankedZone extends ZoneSummary {
  /** The effective profile: the file's fields with those the set derives filled in. */
  zone: Zone;
  /** The region id from the profile (trimmed), null when not given. */
  region: string | null;
  /** Has an overall score and completeness of at least --min-completeness. */
  ranked: boolean;
  rank: number | null;
  regionRank: number | null;
}

export interface Stats {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface RegionStats {
  region: string | null;
  label: Text;
  zones: number;
  overall: Stats;
  areas: { id: string; stats: Stats }[];
}

export interface CommonGap {
  question: string;
  measure: string;
  /** The measure's plan reference, e.g. 二（一）. */
  ref: string;
  text: Text;
  guidance: Text;
  /** Zones the question applies to (scored). */
  zones: number;
  /** Of those, the zones scoring below COMMON_GAP_SCORE. */
  below: number;
  /** below ÷ zones. */
  share: number;
  /** Mean points of the overall score the question costs the zones it applies to. */
  meanGap: number;
}

export interface BottomZones {
  region: string;
  label: Text;
  /**
   * The region's lowest-ranked zones, in league order (the last is the lowest), with any tied
   * with the highest of them; empty when the region has no ranked zone.
   */
  zones: RankedZone[];
}

export interface AggregateOptions {
  /** Percentage, 0…100. */
  minCompleteness: number;
  bottom: number;
  /** YYYY-MM-DD, or undefined when no answer carries a date. */
  date?: string;
}

export interface Aggregate {
  set: MeasureSet;
  options: AggregateOptions;
  /** Used zones in league order: ranked by rank, then the unranked by score. */
  zones: RankedZone[];
  regions: RegionStats[];
  /** Mean of each measure over the zones it applies to, in set order. */
  measureMeans: { id: string; area: string; mean: number | null }[];
  commonGaps: CommonGap[];
  bottom: BottomZones[];
  leftOut: LeftOut[];
  superseded: Superseded[];
  /** Problems of invalid measure sets that answers files were pinned to (not answers files). */
  setProblems?: LeftOut[];
  /** Spread of completeness (0…1) over the used zones. */
  completeness: Stats;
}

/**
 * A copy of a parsed value whose strings are fresh: a string the parser cut out of the file's text
 * can keep that whole text alive, so what the roll-up keeps of thousands of files is copied.
 */
export function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The scores of a compact array, with null where NaN marks "does not apply". */
export function nullable(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isNaN(v) ? null : v));
}

/** The score at one place of a compact array, or null. */
export function scoreAt(values: Float64Array, index: number): number | null {
  const value = values[index];
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** Reduces one zone's assessment to what the roll-up needs. */
export function summariseZone(input: ZoneInput): ZoneSummary {
  const { assessment } = input;
  const questionScores = new Float64Array(assessment.questions.length);
  const questionGaps = new Float64Array(assessment.questions.length);
  assessment.questions.forEach((q, i) => {
    questionScores[i] = q.score ?? Number.NaN;
    questionGaps[i] = q.gap ?? Number.NaN;
  });
  return {
    file: input.file,
    zone: detached(input.answers.zone ?? {}),
    answeredAt: latestAnsweredAt(input.answers),
    overall: assessment.overall.score,
    band: assessment.overall.band,
    completeness: assessment.overall.completeness,
    areaScores: Float64Array.from(assessment.areas, (a) => a.score ?? Number.NaN),
    measureScores: Float64Array.from(assessment.measures, (m) => m.score ?? Number.NaN),
    counts: { ...assessment.counts },
    topGaps: assessment.gaps
      .slice(0, GAPS_PER_ZONE)
      .map((g) => ({ question: g.id, measure: g.measure, gap: g.gap ?? 0 })),
    questionScores,
    questionGaps,
  };
}

/**
 * The zone summary of one answers file scored against its set: the same numbers as
 * `summariseZone` of `scoreAssessment` (same sums in the same order, so equal to the last bit),
 * without building a result per question. What depends on the set alone (the questions in
 * order, which apply to each profile, the order of ids) is worked out once per set.
 */
export function summariseAnswers(set: MeasureSet, file: string, answers: AnswersFile): ZoneSummary {
  const index = setIndex(set);
  const zone = withDerivedProfile(set.profile, answers.zone ?? {});
  const given = answers.answers ?? {};
  const applies = index.applies(zone);
  const n = index.questions.length;
  const questionScores = new Float64Array(n);
  const questionGaps = new Float64Array(n);
  // Per measure id (its slot): the sum of the weights of its scored questions and of weight × score.
  const { weights, sums, counted, measureTotals } = scratchOf(index, set);
  weights.fill(0);
  sums.fill(0);
  for (let i = 0; i < n; i++) {
    const { question } = index.questions[i] as (typeof index.questions)[number];
    const answer = given[question.id];
    const byProfile = applies[i] === 1;
    const state = byProfile ? detailedState(question, answer) : "not_applicable";
    const applicable = byProfile && state !== "not_applicable";
    const score = applicable ? scoreInState(question, state, answer) : null;
    questionScores[i] = score ?? Number.NaN;
    questionGaps[i] = score === null ? Number.NaN : 0;
    if (score !== null) {
      const at = index.slot[i] as number;
      weights[at] = (weights[at] as number) + question.weight;
      sums[at] = (sums[at] as number) + question.weight * score;
    }
    const entry = counted[i] as Counted;
    entry.applies = byProfile;
    entry.state = applicable ? stateOfDetailed(state) : "not_applicable";
    entry.review = answer?.review === true;
  }
  // Each measure: the weighted mean of its questions (as scoreAssessment sums them, in order).
  const measureScores = new Float64Array(set.measures.length);
  // Per area (its slot): the weights of its scored measures, summed in set order; NaN for none.
  measureTotals.fill(Number.NaN);
  set.measures.forEach((measure, m) => {
    const at = index.measureSlot[m] as number;
    const total = weights[at] as number;
    const score = total > 0 ? ((sums[at] as number) / total) * 100 : Number.NaN;
    measureScores[m] = score;
    const a = index.areaSlot[m] as number;
    if (!Number.isNaN(score) && a >= 0) {
      const sum = measureTotals[a] as number;
      measureTotals[a] = (Number.isNaN(sum) ? 0 : sum) + measure.weight;
    }
  });
  const areaScores = new Float64Array(set.areas.length);
  let areaTotal = 0;
  let overallWeights = 0;
  let overallSum = 0;
  set.areas.forEach((area, a) => {
    let w = 0;
    let sum = 0;
    set.measures.forEach((measure, m) => {
      const score = measureScores[m] as number;
      if (measure.area !== area.id || Number.isNaN(score)) return;
      w += measure.weight;
      sum += measure.weight * score;
    });
    const score = w > 0 ? sum / w : Number.NaN;
    areaScores[a] = score;
    areaTotal = areaTotal + (Number.isNaN(score) ? 0 : area.weight);
    if (!Number.isNaN(score)) {
      overallWeights += area.weight;
      overallSum += area.weight * score;
    }
  });
  const overall = overallWeights > 0 ? overallSum / overallWeights : null;
  // Points lost on each question, and the largest GAPS_PER_ZONE of them (ties by id order).
  const top: number[] = [];
  const before = (i: number, j: number) =>
    compareGaps(questionGaps[i] as number, questionGaps[j] as number) ||
    (index.idRank[i] as number) - (index.idRank[j] as number);
  for (let i = 0; i < n; i++) {
    const score = questionScores[i] as number;
    const { question, measureIndex } = index.questions[i] as (typeof index.questions)[number];
    const m = index.slot[i] as number;
    const a = index.areaSlot[measureIndex] as number;
    if (Number.isNaN(score) || m < 0 || a < 0 || areaTotal <= 0) continue;
    const area = set.areas[a] as (typeof set.areas)[number];
    if (Number.isNaN(areaScores[a] as number)) continue;
    const measure = set.measures[m] as (typeof set.measures)[number];
    const inMeasure = question.weight / (weights[m] as number);
    const areaWeights = measureTotals[a] as number;
    const inArea = measure.weight / (Number.isNaN(areaWeights) ? 1 : areaWeights);
    const share = inMeasure * inArea * (area.weight / areaTotal);
    const gap = (1 - score) * share * 100;
    questionGaps[i] = gap;
    if (!(gap > 0)) continue;
    let at = top.length;
    while (at > 0 && before(i, top[at - 1] as number) < 0) at--;
    if (at < GAPS_PER_ZONE) {
      top.splice(at, 0, i);
      if (top.length > GAPS_PER_ZONE) top.pop();
    }
  }
  const counts = countAnswers(counted);
  return {
    file,
    zone: detached(answers.zone ?? {}),
    answeredAt: latestAnsweredAt(answers),
    overall,
    band: bandFor(overall, set.bands ?? DEFAULT_BANDS),
    completeness: counts.applicable > 0 ? counts.answered / counts.applicable : null,
    areaScores,
    measureScores,
    counts: { ...counts },
    topGaps: top.map((i) => {
      const { question, measure } = index.questions[i] as (typeof index.questions)[number];
      return { question: question.id, measure: measure.id, gap: questionGaps[i] as number };
    }),
    questionScores,
    questionGaps,
  };
}

/**
 * The working arrays of `summariseAnswers` for one set, made once and filled again by each call
 * (which runs to its end without yielding, so no two calls share them at once): a roll-up
 * summarises thousands of files against one set, and would otherwise allocate them for each.
 */
interface Scratch {
  weights: Float64Array;
  sums: Float64Array;
  measureTotals: Float64Array;
  counted: Counted[];
}

const scratches = new WeakMap<SetIndex, Scratch>();

function scratchOf(index: SetIndex, set: MeasureSet): Scratch {
  let scratch = scratches.get(index);
  if (scratch === undefined) {
    scratch = {
      weights: new Float64Array(set.measures.length),
      sums: new Float64Array(set.measures.length),
      measureTotals: new Float64Array(set.areas.length),
      counted: Array.from(index.questions, (): Counted => ({
        applies: false,
        state: "unanswered",
        review: false,
      })),
    };
    scratches.set(index, scratch);
  }
  return scratch;
}

/** A pinned set of one file, as read from its `measureSet`. */
export interface Pin {
  file: string;
  id: string;
  version: string;
}

/**
 * The set id and version the roll-up uses: the id most of `pins` are pinned to (a tie goes to the
 * id first in alphabetical order), then the version most of those use (a tie goes to the newest
 * version). The caller passes the pins of the usable files only (valid, not superseded), so that
 * invalid files never decide the version. Undefined when there is no pin.
 */
export function chooseSetVersion(
  pins: readonly Pin[],
): { id: string; version: string } | undefined {
  const ids = countBy(pins, (p) => p.id);
  const id = pickMost(ids, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (id === undefined) return undefined;
  const versions = countBy(
    pins.filter((p) => p.id === id),
    (p) => p.version,
  );
  const version = pickMost(versions, (a, b) => compareVersions(b, a));
  return version === undefined ? undefined : { id, version };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** The key with the highest count; among equal counts, the one `order` puts first. */
function pickMost(counts: Map<string, number>, order: (a: string, b: string) => number) {
  return [...counts].sort((a, b) => b[1] - a[1] || order(a[0], b[0]))[0]?.[0];
}

/**
 * The files pinned to another set id or version than the chosen one, with the reason (the pins
 * of the chosen set and version give none; given too, they tell a tie of versions).
 * `migrate` gives the command that brings a file to the chosen version, when there is one.
 */
export function incompatiblePins(
  pins: readonly Pin[],
  chosen: { id: string; version: string },
  migrate?: (pin: Pin, version: string) => string | undefined,
): LeftOut[] {
  const out: LeftOut[] = [];
  const versions = countBy(
    pins.filter((p) => p.id === chosen.id),
    (p) => p.version,
  );
  for (const pin of pins) {
    if (pin.id !== chosen.id) {
      out.push({
        ...noPlace(pin.file),
        reason: { kind: "other-set", id: pin.id, version: pin.version },
      });
    } else if (pin.version !== chosen.version) {
      const command = migrate?.(pin, chosen.version);
      out.push({
        ...noPlace(pin.file),
        reason: {
          kind: "other-version",
          version: pin.version,
          ...(command === undefined ? {} : { migrate: command }),
          ...(versions.get(pin.version) === versions.get(chosen.version) ? { tie: true } : {}),
        },
      });
    }
  }
  return out;
}

function noPlace(file: string): { file: string; line: number | null; column: number | null } {
  return { file, line: null, column: null };
}

/** A zone's name or province as compared: trimmed, inner whitespace runs as one space. */
export function normaliseName(value: unknown): string {
  return typeof value === "string" ? value.normalize("NFC").replace(/\s+/gu, " ").trim() : "";
}

/** What superseding compares of a file: its zone, when it was answered, its set version. */
export type SupersedeCandidate = Pick<ZoneSummary, "file" | "zone" | "answeredAt"> & {
  /** The set version the file is pinned to (a tie of dates goes to the newer version). */
  version?: string;
};

/**
 * Keeps one file per zone (the same `zoneKey`: name and province as normalised there): the one
 * answered last — the newest `answeredAt`; on a tie, or when neither is dated, the newer set
 * version; then the later file path (so a backup `netdz migrate` leaves beside a file,
 * `old.1.0.0.yaml` beside `old.yaml`, gives way to it). A zone without a name is never matched.
 */
export function dropSuperseded<T extends SupersedeCandidate>(
  zones: readonly T[],
  spellings?: ProvinceSpellings,
): { used: T[]; superseded: Superseded[] } {
  const newest = new Map<string, T>();
  const all = new Map<string, T[]>();
  for (const zone of zones) {
    const key = zoneKey(zone.zone, spellings) ?? `\u0000${zone.file}`;
    const current = newest.get(key);
    if (current === undefined || answeredLater(zone, current)) newest.set(key, zone);
    const group = all.get(key);
    if (group) group.push(zone);
    else all.set(key, [zone]);
  }
  const used = new Set(newest.values());
  const superseded: Superseded[] = [];
  for (const [key, group] of all) {
    const winner = newest.get(key);
    if (!winner) continue;
    for (const zone of group) {
      if (zone === winner) continue;
      superseded.push({
        file: zone.file,
        by: winner.file,
        zone: { name: normaliseName(zone.zone.name), province: normaliseName(zone.zone.province) },
        why: decidedBy(winner, zone),
        dated: winner.answeredAt !== null,
      });
    }
  }
  superseded.sort((a, b) => compareText(a.file, b.file));
  return { used: zones.filter((z) => used.has(z)), superseded };
}

/** `a` against `b` by the rule: positive when `a` is used, and the step that decided. */
function compareAnswered(
  a: SupersedeCandidate,
  b: SupersedeCandidate,
): { order: number; by: SupersededBy } {
  const ta = a.answeredAt ?? Number.NEGATIVE_INFINITY;
  const tb = b.answeredAt ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return { order: ta > tb ? 1 : -1, by: "answered-later" };
  const versions =
    a.version !== undefined && b.version !== undefined ? compareVersions(a.version, b.version) : 0;
  if (versions !== 0) return { order: versions, by: "newer-version" };
  return { order: compareText(a.file, b.file), by: "later-path" };
}

function answeredLater(a: SupersedeCandidate, b: SupersedeCandidate): boolean {
  return compareAnswered(a, b).order > 0;
}

/** The step of the rule by which `winner` is used rather than `loser`. */
function decidedBy(winner: SupersedeCandidate, loser: SupersedeCandidate): SupersededBy {
  return compareAnswered(winner, loser).by;
}

/** Code-unit order: the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Competition ranks ("1, 1, 3") of scores, highest first; null for an entry with a null score.
 * Scores within TIE of each other share a rank.
 */
export function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
  const order = scores
    .map((score, index) => ({ score, index }))
    .filter((e): e is { score: number; index: number } => e.score !== null)
    .sort((a, b) => b.score - a.score);
  const ranks: (number | null)[] = scores.map(() => null);
  let rank = 0;
  let previous = Number.POSITIVE_INFINITY;
  order.forEach((entry, position) => {
    // A score more than TIE below the previous one starts a new rank (1, 1, 3).
    if (previous - entry.score > TIE) {
      rank = position + 1;
      previous = entry.score;
    }
    ranks[entry.index] = rank;
  });
  return ranks;
}

/** Count, mean, median (mean of the middle two for an even count), minimum and maximum. */
export function statistics(values: readonly (number | null)[]): Stats {
  // A typed array sorts numbers natively (a roll-up of 10,000 zones sorts dozens of columns).
  const sorted = new Float64Array(values.length);
  let count = 0;
  for (const v of values) if (v !== null && !Number.isNaN(v)) sorted[count++] = v;
  if (count === 0) return { count: 0, mean: null, median: null, min: null, max: null };
  const present = sorted.subarray(0, count).sort();
  const middle = Math.floor(count / 2);
  const median =
    count % 2 === 1
      ? (present[middle] as number)
      : ((present[middle - 1] as number) + (present[middle] as number)) / 2;
  // Summed in ascending order, as before: the same mean to the last bit.
  let sum = 0;
  for (let i = 0; i < count; i++) sum += present[i] as number;
  return {
    count,
    mean: sum / count,
    median,
    min: present[0] as number,
    max: present[count - 1] as number,
  };
}

/** Whether a zone takes part in the ranking. */
export function isRanked(
  zone: Pick<ZoneSummary, "overall" | "completeness">,
  minCompleteness: number,
) {
  return (
    zone.overall !== null &&
    zone.completeness !== null &&
    zone.completeness * 100 >= minCompleteness - TIE
  );
}

/**
 * Superseding across the versions of a set, decided before any file is left out for its version:
 * of the valid files of one set id (whatever version), the same zone's files give way to the one
 * answered last (`dropSuperseded`); those are superseded, not left out, and take no part in
 * choosing the version. Files of different set ids are never matched.
 */
export function supersedeAcrossVersions(
  files: readonly { pin: Pin; zone: Pick<ZoneSummary, "file" | "zone" | "answeredAt"> }[],
  spellings?: ProvinceSpellings,
): { superseded: Superseded[]; files: Set<string> } {
  const byId = new Map<string, SupersedeCandidate[]>();
  for (const { pin, zone } of files) {
    const candidate = {
      file: zone.file,
      zone: zone.zone,
      answeredAt: zone.answeredAt,
      version: pin.version,
    };
    const group = byId.get(pin.id);
    if (group) group.push(candidate);
    else byId.set(pin.id, [candidate]);
  }
  const superseded = [...byId.values()]
    .flatMap((group) => dropSuperseded(group, spellings).superseded)
    .sort((a, b) => compareText(a.file, b.file));
  return { superseded, files: new Set(superseded.map((s) => s.file)) };
}

/**
 * Builds the roll-up of the zones (already checked, of one set and version). `earlier` gives the
 * files already superseded by files of other versions (`supersedeAcrossVersions`) and the
 * province spellings zones are matched with.
 */
export function aggregate(
  set: MeasureSet,
  zones: readonly ZoneSummary[],
  leftOut: readonly LeftOut[],
  options: AggregateOptions,
  earlier: { superseded?: readonly Superseded[]; spellings?: ProvinceSpellings } = {},
): Aggregate {
  const { used, superseded: within } = dropSuperseded(zones, earlier.spellings);
  const superseded = [...(earlier.superseded ?? []), ...within].sort((a, b) =>
    compareText(a.file, b.file),
  );
  const ranked = rankZones(used, options.minCompleteness, set.profile);
  return {
    set,
    options,
    zones: ranked,
    regions: regionStatistics(set, ranked),
    measureMeans: set.measures.map((measure, i) => ({
      id: measure.id,
      area: measure.area,
      mean: statistics(ranked.map((z) => scoreAt(z.measureScores, i))).mean,
    })),
    commonGaps: commonGaps(set, ranked),
    bottom: bottomZones(set, ranked, options.bottom),
    leftOut: [...leftOut].sort((a, b) => compareText(a.file, b.file)),
    superseded,
    completeness: statistics(ranked.map((z) => z.completeness)),
  };
}

/** The region of a zone's effective profile (see `rankZones`), trimmed; null when none. */
function regionOf(effective: Zone): string | null {
  const region = effective.region;
  return typeof region === "string" && region.trim() !== "" ? region.trim() : null;
}

/** Overall and within-region ranks; the league order is by rank, then name and file. */
export function rankZones(
  zones: readonly ZoneSummary[],
  minCompleteness: number,
  profile: readonly ProfileField[] = [],
): RankedZone[] {
  const rankedScores = zones.map((z) => (isRanked(z, minCompleteness) ? z.overall : null));
  const ranks = competitionRanks(rankedScores);
  // Each zone's effective profile: the fields as the file gives them with those the set derives
  // (1.1.0's region from the province) filled in. It is the one source of every zone field (and
  // of `region`) that every format shows.
  const effective = zones.map((z) => withDerivedProfile(profile, z.zone));
  const withRanks: RankedZone[] = zones.map((z, i) => ({
    file: z.file,
    zone: effective[i] as Zone,
    answeredAt: z.answeredAt,
    overall: z.overall,
    band: z.band,
    completeness: z.completeness,
    areaScores: z.areaScores,
    measureScores: z.measureScores,
    counts: z.counts,
    topGaps: z.topGaps,
    questionScores: z.questionScores,
    questionGaps: z.questionGaps,
    region: regionOf(effective[i] as Zone),
    ranked: rankedScores[i] !== null,
    rank: ranks[i] ?? null,
    regionRank: null,
  }));
  const byRegion = new Map<string, RankedZone[]>();
  for (const zone of withRanks) {
    if (!zone.ranked || zone.region === null) continue;
    const group = byRegion.get(zone.region);
    if (group) group.push(zone);
    else byRegion.set(zone.region, [zone]);
  }
  for (const group of byRegion.values()) {
    const regionRanks = competitionRanks(group.map((z) => z.overall));
    group.forEach((zone, i) => (zone.regionRank = regionRanks[i] ?? null));
  }
  const names = new Map(withRanks.map((z) => [z, normaliseName(z.zone.name)]));
  return withRanks.sort((a, b) => leagueOrder(a, b, names));
}

function leagueOrder(a: RankedZone, b: RankedZone, names: ReadonlyMap<RankedZone, string>): number {
  if (a.ranked !== b.ranked) return a.ranked ? -1 : 1;
  if (a.ranked && a.rank !== b.rank) return (a.rank ?? 0) - (b.rank ?? 0);
  const scoreA = a.overall ?? Number.NEGATIVE_INFINITY;
  const scoreB = b.overall ?? Number.NEGATIVE_INFINITY;
  if (!a.ranked && Math.abs(scoreA - scoreB) > TIE) return scoreB - scoreA;
  return compareText(names.get(a) ?? "", names.get(b) ?? "") || compareText(a.file, b.file);
}

/** The regions present, in the order of the set's `region` options, then others by id, then none. */
function regionOrder(set: MeasureSet, zones: readonly RankedZone[]): (string | null)[] {
  const present = new Set(zones.map((z) => z.region));
  const declared = set.profile.find((p) => p.id === "region")?.options?.map((o) => o.id) ?? [];
  const others = [...present]
    .filter((r): r is string => r !== null && !declared.includes(r))
    .sort(compareText);
  return [
    ...declared.filter((r) => present.has(r)),
    ...others,
    ...(present.has(null) ? [null] : []),
  ];
}

/** The name of the group of zones that give no region (and none follows from the province). */
export const NO_REGION: Text = { en: "No region given", zh: "未注明区域" };

/** How a region is named: its option label, or NO_REGION when the zone gives none. */
export function regionLabel(set: MeasureSet, region: string | null): Text {
  return region === null ? NO_REGION : profileValueLabel(set, "region", region);
}

function regionStatistics(set: MeasureSet, zones: readonly RankedZone[]): RegionStats[] {
  return regionOrder(set, zones).map((region) => {
    const members = zones.filter((z) => z.region === region);
    return {
      region,
      label: regionLabel(set, region),
      zones: members.length,
      overall: statistics(members.map((z) => z.overall)),
      areas: set.areas.map((area, i) => ({
        id: area.id,
        stats: statistics(members.map((z) => scoreAt(z.areaScores, i))),
      })),
    };
  });
}

/**
 * Questions on which at least COMMON_GAP_SHARE of the zones they apply to score below
 * COMMON_GAP_SCORE, by the mean points they cost those zones (largest first), then id.
 */
export function commonGaps(set: MeasureSet, zones: readonly ZoneSummary[]): CommonGap[] {
  const count = set.measures.reduce((n, m) => n + m.questions.length, 0);
  const applies = new Float64Array(count);
  const below = new Float64Array(count);
  const points = new Float64Array(count);
  // Zone by zone over its own arrays: one pass, in memory order.
  for (const zone of zones)
    accumulate(zone.questionScores, zone.questionGaps, applies, below, points);
  const gaps: CommonGap[] = [];
  let i = 0;
  for (const measure of set.measures) {
    for (const question of measure.questions) {
      const zonesApplying = applies[i] ?? 0;
      const zonesBelow = below[i] ?? 0;
      const lost = points[i] ?? 0;
      i++;
      if (zonesApplying === 0 || zonesBelow < COMMON_GAP_SHARE * zonesApplying) continue;
      gaps.push({
        question: question.id,
        measure: measure.id,
        ref: measure.ref,
        text: question.text,
        guidance: question.guidance,
        zones: zonesApplying,
        below: zonesBelow,
        share: zonesBelow / zonesApplying,
        meanGap: lost / zonesApplying,
      });
    }
  }
  return gaps.sort(
    (a, b) => compareGaps(a.meanGap, b.meanGap) || compareIds(a.question, b.question),
  );
}

function accumulate(
  scores: Float64Array,
  gaps: Float64Array,
  applies: Float64Array,
  below: Float64Array,
  points: Float64Array,
): void {
  const n = Math.min(scores.length, applies.length);
  for (let i = 0; i < n; i++) {
    const score = scores[i] as number;
    if (score !== score) continue; // NaN: not scored for this zone
    applies[i] = (applies[i] as number) + 1;
    if (score < COMMON_GAP_SCORE) below[i] = (below[i] as number) + 1;
    points[i] = (points[i] as number) + (gaps[i] as number);
  }
}

/**
 * The lowest `count` ranked zones of each region present, in league order; zones tied in region
 * rank with the highest of them are listed too (so more than `count` when ranks tie at the
 * cut-off). A region with no ranked zone is there with none, so that it can be said; with
 * `count` 0, no region.
 */
function bottomZones(set: MeasureSet, zones: readonly RankedZone[], count: number): BottomZones[] {
  if (count <= 0) return [];
  return regionOrder(set, zones)
    .filter((region): region is string => region !== null)
    .map((region) => {
      const members = zones.filter((z) => z.ranked && z.region === region);
      let start = Math.max(0, members.length - count);
      const cut = members[start]?.regionRank;
      while (start > 0 && members[start - 1]?.regionRank === cut) start--;
      return { region, label: regionLabel(set, region), zones: members.slice(start) };
    });
}
