import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { reportMessages } from "../i18n/report-messages.js";

/** SOURCE_DATE_EPOCH as whole seconds, or undefined when unset or empty. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv, lang: Lang = "en"): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (raw === undefined || raw === "") return undefined;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(seconds) || seconds > 8_640_000_000_000) {
    throw new UsageError(reportMessages(lang).command.badSourceDateEpoch(raw));
  }
  return seconds;
}
