import type { Diagnostic, Lang } from "../core/model.js";
import { compareDiagnostics } from "../core/diagnostic-filter.js";
import { diagnosticMessage } from "../i18n/diagnostic-messages.js";
import type { DiagnosticFormat } from "./diagnostic-formats.js";
export { DIAGNOSTIC_FORMATS, type DiagnosticFormat } from "./diagnostic-formats.js";

/** Optional colouring for the text format; identity functions when output is not a terminal. */
export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  dim(text: string): string;
}

const plain: Paint = { error: (t) => t, warning: (t) => t, dim: (t) => t };

/** Orders diagnostics by file, line, column, then code, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

/** A diagnostic's message in the given language (English when it has no translation). */
export function messageIn(diagnostic: Diagnostic, lang: Lang): string {
  return diagnostic.text ? diagnosticMessage(diagnostic.text, lang) : diagnostic.message;
}

/**
 * One line per problem: `path:line:column  severity  code  message`. The severity words and codes
 * are the same in every language, so scripts can read the lines; the message is in `lang`.
 */
export function formatText(
  diagnostics: readonly Diagnostic[],
  paint: Paint = plain,
  lang: Lang = "en",
): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const severity = d.severity === "error" ? paint.error("error") : paint.warning("warning");
      return `${d.file}:${d.line}:${d.column}  ${severity}  ${paint.dim(d.code)}  ${oneLine(messageIn(d, lang))}`;
    })
    .map((line) => `${line}\n`)
    .join("");
}

/** A JSON array of diagnostics, each `{file, line, column, severity, code, message}`. */
export function formatJson(diagnostics: readonly Diagnostic[], lang: Lang = "en"): string {
  const ordered = sortDiagnostics(diagnostics).map((d) => ({
    file: d.file,
    line: d.line,
    column: d.column,
    severity: d.severity,
    code: d.code,
    message: messageIn(d, lang),
  }));
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…::code message`. */
export function formatGithub(diagnostics: readonly Diagnostic[], lang: Lang = "en"): string {
  return sortDiagnostics(diagnostics)
    .map(
      (d) =>
        `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.column}::${escapeData(`${d.code} ${messageIn(d, lang)}`)}\n`,
    )
    .join("");
}

/** A GitHub Actions notice about a whole file (e.g. "… and N more problems"), escaped as every line is. */
export function githubFileNotice(file: string, text: string): string {
  return `::notice file=${escapeProperty(file)}::${escapeData(text)}\n`;
}

/**
 * Formats diagnostics in the named line or JSON format, their messages in `lang`. SARIF has its
 * own renderer (diagnostics-sarif.ts), which builds on this module.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: Exclude<DiagnosticFormat, "sarif">,
  paint?: Paint,
  lang: Lang = "en",
): string {
  switch (format) {
    case "json":
      return formatJson(diagnostics, lang);
    case "github":
      return formatGithub(diagnostics, lang);
    default:
      return formatText(diagnostics, paint, lang);
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
