import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { reportMessages } from "../i18n/report-messages.js";

/**
 * The last second of the year 9999 (9999-12-31T23:59:59Z): every date netdz writes from
 * SOURCE_DATE_EPOCH (a report's `YYYY-MM-DD`, a migration's date-time, a document's metadata) has
 * a four-digit year, as its schema says.
 */
export const LATEST_EPOCH = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH as whole seconds, or undefined when unset or empty (blank); a value that is
 * not a whole number of seconds, or is later than LATEST_EPOCH, is a usage error.
 */
export function sourceDateEpoch(env: NodeJS.ProcessEnv, lang: Lang = "en"): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw === undefined || raw === "") return undefined;
  const m = reportMessages(lang).command;
  if (!/^\d+$/.test(raw)) throw new UsageError(m.badSourceDateEpoch(raw));
  const seconds = Number(raw);
  if (seconds > LATEST_EPOCH) throw new UsageError(m.sourceDateEpochTooLate(raw, LATEST_EPOCH));
  return seconds;
}
