import type { Lang, Status } from "../core/model.js";

/** How each answer status is named in the interface and in reports. */
export const STATUS_LABELS: Readonly<Record<Lang, Readonly<Record<Status, string>>>> = {
  en: {
    implemented: "Implemented",
    in_progress: "In progress",
    planned: "Planned",
    not_started: "Not started",
    unknown: "Don't know",
    not_applicable: "Not applicable",
  },
  zh: {
    implemented: "已落实",
    in_progress: "推进中",
    planned: "已纳入计划",
    not_started: "未启动",
    unknown: "不清楚",
    not_applicable: "不适用",
  },
};
