/**
 * The output formats of diagnostics, apart from their renderer (render/diagnostics.ts) so that the
 * command line can offer them in `--help` without loading the renderer and its message tables.
 */
export const DIAGNOSTIC_FORMATS = ["text", "json", "github", "sarif"] as const;
export type DiagnosticFormat = (typeof DIAGNOSTIC_FORMATS)[number];
