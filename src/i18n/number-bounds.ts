/**
 * The words for a number question's bounds, in one place: `validate`'s problem and `assess`'s
 * prompt both state every declared bound (`min`, default 0; `max`; `integer`) in these words.
 */
import type { Lang } from "../core/model.js";

export interface NumberBounds {
  min: number;
  max?: number | undefined;
  integer: boolean;
}

/** `a whole number from 0 to 100`, `a number of 0 or more`; `0 至 100 之间的整数`… */
export function numberBoundsWords(lang: Lang, b: NumberBounds): string {
  if (lang === "zh") {
    const range = b.max === undefined ? `不小于 ${b.min} 的` : ` ${b.min} 至 ${b.max} 之间的`;
    return `${range}${b.integer ? "整数" : "数"}`;
  }
  const kind = b.integer ? "whole number" : "number";
  return b.max === undefined ? `${kind} of ${b.min} or more` : `${kind} from ${b.min} to ${b.max}`;
}
