/**
 * Diagnostics as a SARIF 2.1.0 log (`netdz validate --format sarif`), for GitHub code scanning and
 * other SARIF viewers: one run of the tool `netdz`, one rule per problem code, and one result per
 * problem with its level, message and physical location (the file as a relative URI with forward
 * slashes, and the 1-based line and column, counted in UTF-16 code units as the YAML parser
 * counts them). Pure and deterministic.
 */
import type { Diagnostic, Lang } from "../core/model.js";
import { messageIn, sortDiagnostics } from "./diagnostics.js";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export const SARIF_VERSION = "2.1.0";

export interface SarifOptions {
  /** netdz's own version, for `tool.driver.version`. */
  version: string;
  /** The language of the messages (default English). */
  lang?: Lang;
}

/**
 * A file path as a SARIF artifact URI: forward slashes, each segment percent-encoded, and an
 * absolute path as a `file:` URI (a relative one stays relative to the folder netdz ran in).
 */
export function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, "/");
  const drive = /^[A-Za-z]:\//.test(slashed);
  const encoded = slashed
    .split("/")
    .map((segment, i) => (drive && i === 0 ? segment : encodeURIComponent(segment)))
    .join("/");
  if (drive) return `file:///${encoded}`;
  if (slashed.startsWith("/")) return `file://${encoded}`;
  return encoded.replace(/^(\.\/)+/, "");
}

/** The SARIF log as an object. */
export function buildSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): object {
  const ordered = sortDiagnostics(diagnostics);
  const codes = [...new Set(ordered.map((d) => d.code))].sort();
  const index = new Map(codes.map((code, i) => [code, i]));
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: "netdz",
            version: options.version,
            semanticVersion: options.version,
            rules: codes.map((code) => ({
              id: code,
              name: ruleName(code),
              shortDescription: { text: code },
            })),
          },
        },
        columnKind: "utf16CodeUnits",
        results: ordered.map((d) => ({
          ruleId: d.code,
          ruleIndex: index.get(d.code) ?? 0,
          level: d.severity === "error" ? "error" : "warning",
          message: { text: messageIn(d, options.lang ?? "en").replace(/\s*\n\s*/g, " ") },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(d.file) },
                region: {
                  startLine: Math.max(1, Math.trunc(d.line) || 1),
                  startColumn: Math.max(1, Math.trunc(d.column) || 1),
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

/** `set/weight` → `SetWeight`: a rule name in the PascalCase SARIF viewers expect. */
function ruleName(code: string): string {
  return code
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => `${part[0]?.toUpperCase() ?? ""}${part.slice(1)}`)
    .join("");
}

/** The SARIF log as 2-space indented JSON with a trailing newline. */
export function formatSarif(diagnostics: readonly Diagnostic[], options: SarifOptions): string {
  return `${JSON.stringify(buildSarif(diagnostics, options), null, 2)}\n`;
}
