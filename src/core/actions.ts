/**
 * The action plan: the gaps someone owns or has set a date for, and how two reports' plans
 * compare. A gap becomes an action when its answer carries an `owner` (责任单位) or a `due` date
 * (完成时限, YYYY-MM-DD); an action is overdue when it is still a gap and its due date is before
 * the report's date. Pure: no I/O.
 */
import type { Answer } from "./model.js";
import { compareGaps, compareIds, type Assessment, type QuestionResult } from "./score.js";

/** A calendar date, YYYY-MM-DD, that exists (2026-02-30 does not). */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === "string" && value.length === 10 && calendarDateAt(value, 0);
}

/**
 * Whether a date-time of the answers schema's shape (YYYY-MM-DDThh:mm[:ss[.f]] and Z or ±hh:mm)
 * names an instant that exists: its day a calendar day (isCalendarDate), its hour 00–23, its
 * minutes and seconds 00–59, its offset's hour 00–23 and minutes 00–59. A value of another shape
 * is the schema's to report: true.
 */
export function isRealDateTime(value: string): boolean {
  // Read by character rather than by pattern and Date: a roll-up checks every answer's date.
  const n = value.length;
  if (n < 17 || value.charCodeAt(10) !== 0x54 /* T */ || value.charCodeAt(13) !== 0x3a) return true;
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  if (!isDateShape(value, 0) || hour < 0 || minute < 0) return true;
  let at = 16;
  let second = 0;
  if (value.charCodeAt(at) === 0x3a /* : */) {
    second = twoDigits(value, at + 1);
    if (second < 0) return true;
    at += 3;
    if (value.charCodeAt(at) === 0x2e /* . */) {
      const digitsFrom = ++at;
      while (at < n && isDigitCode(value.charCodeAt(at))) at++;
      if (at === digitsFrom) return true;
    }
  }
  let offsetHour = 0;
  let offsetMinute = 0;
  const zone = value.charCodeAt(at);
  if (zone === 0x5a /* Z */) {
    if (at + 1 !== n) return true;
  } else if (zone === 0x2b || zone === 0x2d /* + - */) {
    offsetHour = twoDigits(value, at + 1);
    offsetMinute = twoDigits(value, at + 4);
    if (at + 6 !== n || value.charCodeAt(at + 3) !== 0x3a || offsetHour < 0 || offsetMinute < 0) {
      return true;
    }
  } else {
    return true;
  }
  return (
    calendarDateAt(value, 0) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHour <= 23 &&
    offsetMinute <= 59
  );
}

function isDigitCode(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The number of the two ASCII digits at `at`, or -1 when they are not two digits. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at);
  const ones = text.charCodeAt(at + 1);
  return isDigitCode(tens) && isDigitCode(ones) ? (tens - 0x30) * 10 + (ones - 0x30) : -1;
}

/** Whether `text` has the shape dddd-dd-dd at `at`. */
function isDateShape(text: string, at: number): boolean {
  return (
    twoDigits(text, at) >= 0 &&
    twoDigits(text, at + 2) >= 0 &&
    text.charCodeAt(at + 4) === 0x2d &&
    twoDigits(text, at + 5) >= 0 &&
    text.charCodeAt(at + 7) === 0x2d &&
    twoDigits(text, at + 8) >= 0
  );
}

/** Whether `text` holds YYYY-MM-DD at `at`, a day that exists in the proleptic Gregorian calendar. */
function calendarDateAt(text: string, at: number): boolean {
  if (!isDateShape(text, at)) return false;
  const year = twoDigits(text, at) * 100 + twoDigits(text, at + 2);
  const month = twoDigits(text, at + 5);
  const day = twoDigits(text, at + 8);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export interface ActionItem {
  id: string;
  measure: string;
  /** Trimmed; undefined when not given. */
  owner?: string;
  /** YYYY-MM-DD; undefined when not given or not a real date. */
  due?: string;
  /** Due before the report date (false when either is unknown). */
  overdue: boolean;
  result: QuestionResult;
}

/** An answer's owner, trimmed; undefined when missing or blank. */
export function answerOwner(answer: Answer | undefined): string | undefined {
  const owner = answer?.owner;
  return typeof owner === "string" && owner.trim() !== "" ? owner.trim() : undefined;
}

/** An answer's due date; undefined when missing or not a real YYYY-MM-DD date. */
export function answerDue(answer: Answer | undefined): string | undefined {
  const due = answer?.due;
  return isCalendarDate(due) ? due : undefined;
}

/**
 * The entry with its owner and due date set: a field given is replaced (blank removes it), a
 * field not given is kept. Undefined when nothing is left of the entry.
 */
export function withAction(
  previous: Answer | undefined,
  action: { owner?: string; due?: string },
): Answer | undefined {
  const next: Answer = { ...previous };
  for (const key of ["owner", "due"] as const) {
    const given = action[key];
    if (given === undefined) continue;
    if (given.trim() === "") delete next[key];
    else next[key] = given.trim();
  }
  return Object.keys(next).length === 0 ? undefined : next;
}

/** Whether `due` lies before `date` (both YYYY-MM-DD, which sort as text). */
export function isOverdue(due: string | undefined, date: string | undefined): boolean {
  return due !== undefined && date !== undefined && due < date;
}

/**
 * Every gap with an owner or a due date, by due date (undated last), then by points lost
 * (largest first), then id.
 */
export function actionPlan(assessment: Assessment, date: string | undefined): ActionItem[] {
  const items = assessment.gaps.flatMap((result): ActionItem[] => {
    const owner = answerOwner(result.answer);
    const due = answerDue(result.answer);
    if (owner === undefined && due === undefined) return [];
    return [
      {
        id: result.id,
        measure: result.measure,
        ...(owner === undefined ? {} : { owner }),
        ...(due === undefined ? {} : { due }),
        overdue: isOverdue(due, date),
        result,
      },
    ];
  });
  return items.sort(
    (a, b) =>
      compareDue(a.due, b.due) ||
      compareGaps(a.result.gap ?? 0, b.result.gap ?? 0) ||
      compareIds(a.id, b.id),
  );
}

function compareDue(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** What compareActions needs of a report: the JSON report (`netdz-report/1`) has this shape. */
export interface ActionReport {
  /** YYYY-MM-DD. */
  date?: string;
  actions: readonly { id: string; owner?: string; due?: string }[];
  /** Questions that still lose points. */
  gaps: readonly { id: string }[];
}

export interface ActionChange {
  id: string;
  owner?: string;
  due?: string;
}

export interface ActionComparison {
  /** Actions of the old report whose question is no longer a gap in the new one. */
  completed: ActionChange[];
  /**
   * Actions of the old report that are still open in the new one after their due date (the due
   * date of the new report's entry when it has one, else the old one's) is past the new date.
   */
  slipped: ActionChange[];
  /** Actions in the new report that the old one did not have. */
  added: ActionChange[];
}

function change(action: { id: string; owner?: string; due?: string }): ActionChange {
  return {
    id: action.id,
    ...(action.owner === undefined ? {} : { owner: action.owner }),
    ...(action.due === undefined ? {} : { due: action.due }),
  };
}

const byId = (a: ActionChange, b: ActionChange): number => compareIds(a.id, b.id);

/** Compares the action plans of an older and a newer report of the same zone. */
export function compareActions(older: ActionReport, newer: ActionReport): ActionComparison {
  const stillGaps = new Set(newer.gaps.map((gap) => gap.id));
  const newActions = new Map(newer.actions.map((action) => [action.id, action]));
  const oldIds = new Set(older.actions.map((action) => action.id));
  const completed: ActionChange[] = [];
  const slipped: ActionChange[] = [];
  for (const action of older.actions) {
    if (!stillGaps.has(action.id)) {
      completed.push(change(action));
      continue;
    }
    const current = newActions.get(action.id) ?? action;
    const due = current.due ?? action.due;
    if (isOverdue(due, newer.date)) slipped.push(change({ ...current, due }));
  }
  const added = newer.actions.filter((action) => !oldIds.has(action.id)).map(change);
  return {
    completed: completed.sort(byId),
    slipped: slipped.sort(byId),
    added: added.sort(byId),
  };
}
