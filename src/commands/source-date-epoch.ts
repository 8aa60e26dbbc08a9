import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { reportMessages } from "../i18n/report-messages.js";

/** The last second a JavaScript date can hold (8.64e15 ms after 1970: the year 275760). */
const LATEST_EPOCH = 8_640_000_000_000;

/** The last second of the year 9999: the latest date-time an ISO 8601 text of four-digit years holds. */
export const LATEST_ISO_EPOCH = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH as whole seconds, or undefined when unset or empty; a value that is not a
 * whole number of seconds, or is later than `latest`, is a usage error.
 */
export function sourceDateEpoch(
  env: NodeJS.ProcessEnv,
  lang: Lang = "en",
  latest = LATEST_EPOCH,
): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw === undefined || raw === "") return undefined;
  const m = reportMessages(lang).command;
  if (!/^\d+$/.test(raw)) throw new UsageError(m.badSourceDateEpoch(raw));
  const seconds = Number(raw);
  if (seconds > latest) throw new UsageError(m.sourceDateEpochTooLate(raw, latest));
  return seconds;
}
