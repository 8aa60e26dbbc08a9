/**
 * The report's words for what could make a score misread (issue 7 §3): questions the zone itself
 * declared not applicable, an incomplete zone profile, parts left out only because of such
 * answers, and the answers given in the zone's own words. Plain text: each renderer adds its own
 * emphasis and escaping.
 */
import type { Lang } from "../core/model.js";

export interface TrustMessages {
  declaredLabel: string;
  /** `percent` is already formatted, e.g. `20.0%`. */
  declaredLine(count: number, of: number, percent: string): string;
  declaredWarning(percent: string, limit: string): string;
  /** Why --fail-under refuses the report. */
  refused(percent: string): string;
  profileLabel: string;
  profileComplete: string;
  /** `fields` are already joined labels. */
  /** `fields`: the labels of the `count` fields not given, joined. */
  profileIncomplete(fields: string, count: number): string;
  /** Put after an area or measure left out only because the zone answered all of it N/A. */
  declaredMarker: string;
  declaredMarkerNote: string;
  answersHeading: string;
  answerColumn: string;
}

const en: TrustMessages = {
  declaredLabel: "Declared not applicable by the zone",
  declaredLine: (count, of, percent) =>
    `${count} of the ${of} questions that apply to the zone profile (${percent}); they are left out of the score`,
  declaredWarning: (percent, limit) =>
    `Warning: the zone itself declared ${percent} of the questions that apply to it not applicable ` +
    `(more than ${limit}). The score covers only the rest; check each justification under “Not applicable”.`,
  refused: (percent) =>
    `the zone itself declared ${percent} of the questions that apply to it not applicable, more than half, ` +
    "so the score says too little to pass --fail-under",
  profileLabel: "Zone profile",
  profileComplete: "complete",
  profileIncomplete: (fields, count) =>
    `incomplete: ${fields} not given; the questions that depend on ${count === 1 ? "it" : "them"} count as applicable and unanswered until the profile is complete`,
  declaredMarker: "‡",
  declaredMarkerNote:
    "‡ Left out of the score only because the zone answered “not applicable” to every scored question " +
    "in it that applies to the zone (text questions are never scored).",
  answersHeading: "Answers and notes in the zone's words",
  answerColumn: "Answer",
};

const zh: TrustMessages = {
  declaredLabel: "开发区自行申报不适用",
  declaredLine: (count, of, percent) =>
    `适用于本开发区的 ${of} 道题中有 ${count} 道（${percent}），不计入得分`,
  declaredWarning: (percent, limit) =>
    `警告：开发区自行将适用于本区的题目中的 ${percent} 申报为不适用（超过 ${limit}）。` +
    "得分只反映其余题目；请逐条核对“不适用”一节中的理由。",
  refused: (percent) =>
    `开发区自行将适用于本区的题目中的 ${percent} 申报为不适用，超过一半，得分不足以作为 --fail-under 的依据`,
  profileLabel: "开发区信息",
  profileComplete: "完整",
  profileIncomplete: (fields) =>
    `不完整：未填写${fields}；依赖这些信息的题目在补全前按适用且未作答计`,
  declaredMarker: "‡",
  declaredMarkerNote:
    "‡ 仅因开发区将其中适用于本区的全部计分题目申报为不适用而未计入得分（文字题从不计分）。",
  answersHeading: "开发区填写的文字答案和备注",
  answerColumn: "答案",
};

const MESSAGES: Readonly<Record<Lang, TrustMessages>> = { en, zh };

export function trustMessages(lang: Lang): TrustMessages {
  return MESSAGES[lang];
}
