import type { Diagnostic } from "../core/model.js";

export const DIAGNOSTIC_FORMATS = ["text", "json", "github"] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];

/** Optional colouring for the text format; identity functions when output is not a terminal. */
export interface Paint {
  error(text: string): string;
  warning(text: string): string;
  dim(text: string): string;
}

const plain: Paint = { error: (t) => t, warning: (t) => t, dim: (t) => t };

/** Orders diagnostics by file, line, column, then code, so output is stable. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** One line per problem: `path:line:column  severity  code  message`. */
export function formatText(diagnostics: readonly Diagnostic[], paint: Paint = plain): string {
  return sortDiagnostics(diagnostics)
    .map((d) => {
      const severity = d.severity === "error" ? paint.error("error") : paint.warning("warning");
      return `${d.file}:${d.line}:${d.column}  ${severity}  ${paint.dim(d.code)}  ${oneLine(d.message)}`;
    })
    .map((line) => `${line}\n`)
    .join("");
}

/** A JSON array of diagnostics, each `{file, line, column, severity, code, message}`. */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
  const ordered = sortDiagnostics(diagnostics).map(
    ({ file, line, column, severity, code, message }) => ({
      file,
      line,
      column,
      severity,
      code,
      message,
    }),
  );
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…::code message`. */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics)
    .map(
      (d) =>
        `::${d.severity} file=${escapeProperty(d.file)},line=${d.line},col=${d.column}::${escapeData(`${d.code} ${d.message}`)}\n`,
    )
    .join("");
}

/** Formats diagnostics in the named format. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  format: DiagnosticFormat,
  paint?: Paint,
): string {
  switch (format) {
    case "json":
      return formatJson(diagnostics);
    case "github":
      return formatGithub(diagnostics);
    default:
      return formatText(diagnostics, paint);
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
