/**
 * The rules for `netdz report`'s options, shared by the command line (which parses strings) and
 * `report()` (which checks the values it is given), so the two cannot drift apart.
 */
import type { Lang } from "../core/model.js";
import { UsageError } from "../errors.js";
import { OUT_FORMAT_MESSAGES } from "../i18n/out-format-messages.js";
import { chooseFormat, formatNames, type Reporter } from "../render/reporters.js";

/** How many gaps a report lists unless told (`--top`). */
export const DEFAULT_TOP = 10;

/** Whether `n` is an allowed `--top`: a whole number of 0 or more (0 lists no gaps). */
export function isTop(n: unknown): n is number {
  return typeof n === "number" && Number.isSafeInteger(n) && n >= 0;
}

/** Whether `n` is an allowed `--fail-under`: a score from 0 to 100. */
export function isScore(n: unknown): n is number {
  return typeof n === "number" && Number.isFinite(n) && n >= 0 && n <= 100;
}

/** A command-line value as a whole number, or NaN: digits only, no sign, no exponent. */
export function parseWholeNumber(raw: string): number {
  return /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
}

/** A command-line value as a plain decimal number (`85`, `72.5`, `.5`), or NaN. */
export function parsePlainNumber(raw: string): number {
  return /^\s*(?:\d+(?:\.\d+)?|\.\d+)\s*$/.test(raw) ? Number(raw) : Number.NaN;
}

/** A command-line percentage, with or without its sign (`80`, `80%`, `72.5 %`), or NaN. */
export function parsePercentage(raw: string): number {
  return parsePlainNumber(raw.replace(/\s*[%％]\s*$/, ""));
}

/**
 * The output format of report, aggregate and diff on the command line: `--format` when it was
 * given (`given`), else the one `--out`'s extension names, else the default (chooseFormat); a
 * usage error when `--format` and `--out`'s extension name two of the command's formats.
 */
export function outputFormat<F extends string>(
  registry: Readonly<Record<F, Pick<Reporter<unknown, unknown>, "extension">>>,
  given: F | undefined,
  out: string | undefined,
  fallback: F,
  lang: Lang,
): F {
  const { format, conflict, foreign } = chooseFormat(registry, given, out, fallback);
  if (foreign !== undefined) {
    const extensions = formatNames(registry).map((f) => `.${registry[f].extension}`);
    throw new UsageError(OUT_FORMAT_MESSAGES[lang].foreign(out ?? "", foreign, extensions, format));
  }
  if (conflict !== undefined) {
    const extension = registry[format].extension;
    throw new UsageError(
      OUT_FORMAT_MESSAGES[lang].conflict(format, out ?? "", conflict, extension),
    );
  }
  return format;
}
