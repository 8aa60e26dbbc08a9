import {
  ANSWERS_FORMAT,
  CHANGES_FORMAT,
  MEASURE_FORMAT,
  MEASURE_SET_FORMAT,
  type Diagnostic,
} from "./model.js";
import {
  diagnosticAt,
  firstErrorLine,
  FLOW_DOCUMENT,
  lineColumn,
  type YamlSource,
} from "./yaml-source.js";

/** The netdz file kinds, by the `format:` they declare. */
export type FileKind = "measure-set" | "measure" | "answers" | "changes";

const KINDS: Record<string, FileKind> = {
  [MEASURE_SET_FORMAT]: "measure-set",
  [MEASURE_FORMAT]: "measure",
  [ANSWERS_FORMAT]: "answers",
  [CHANGES_FORMAT]: "changes",
};

/**
 * A top-level `format` key, plain or quoted, and its value: on the same line (quoted or not), or
 * on the next line that is not blank or a comment, indented. A value that is tagged, anchored, an
 * alias, a block scalar, a flow collection or escaped is not read here (see sourceFormat).
 */
const FORMAT_LINE =
  /^(?:format|"format"|'format')[ \t]*:(?:[ \t]*(?:#[^\n]*)?\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*[ \t]+|[ \t]*)["']?([^\s"'#\\!&*|>{[][^\s"'#\\]*)["']?(?=[ \t]*(?:#|\r?$))/m;

/**
 * In a document that is one flow mapping (JSON, or YAML written as JSON): a `format` key, plain or
 * quoted, of that mapping itself (not of one inside it), and its value on the same line. Only
 * used when the file does not parse (and so only believed above its first error, see
 * sourceFormat): the mapping is scanned for its own entries, past quoted text and comments, in
 * its first 64 KB.
 */
const FLOW_FORMAT_ENTRY =
  /[ \t\r\n]*(?:format|"format"|'format')[ \t]*:[ \t]*["']?([^\s"'#\\!&*|>{[,}\]][^\s"'#\\,}\]]*)["']?[ \t]*(?=[,}#]|\r?$)/my;

function flowFormat(text: string): { index: number; format: string } | undefined {
  const end = Math.min(text.length, 64 * 1024);
  let depth = 0;
  for (let i = 0; i < end; i++) {
    const c = text[i];
    const starts = i === 0 || /[\s{[,:]/.test(text[i - 1] ?? "");
    if (c === '"' && starts) {
      // Quoted text, to its closing quote: `\"` escapes one in double quotes, `''` in single.
      for (i++; i < end && text[i] !== '"'; i++) if (text[i] === "\\") i++;
    } else if (c === "'" && starts) {
      for (i++; i < end && (text[i] !== "'" || text[i + 1] === "'"); i++) {
        if (text[i] === "'") i++;
      }
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1] ?? ""))) {
      while (i < end && text[i] !== "\n") i++;
    } else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    if (depth === 1 && (c === "{" || c === ",")) {
      FLOW_FORMAT_ENTRY.lastIndex = i + 1;
      const entry = FLOW_FORMAT_ENTRY.exec(text);
      if (entry?.[1] !== undefined) {
        const blanks = entry[0].length - entry[0].trimStart().length;
        return { index: i + 1 + blanks, format: entry[1] };
      }
    }
  }
  return undefined;
}

/** Where a file's text declares its `format` (the match's index), and what it declares. */
function formatInText(text: string): { index: number; format: string } | undefined {
  const line = FORMAT_LINE.exec(text);
  if (line?.[1] !== undefined) return { index: line.index, format: line[1] };
  return FLOW_DOCUMENT.test(text) ? flowFormat(text) : undefined;
}

/**
 * The one detector of the `format` a file declares: from its parsed data when it has a string
 * `format`, else from a top-level `format:` line of its text (a file that does not parse, or only
 * the head of a file read to sort it).
 */
export function declaredFormat(text: string, data?: unknown): string | undefined {
  if (data !== null && typeof data === "object" && !Array.isArray(data)) {
    const format = (data as { format?: unknown }).format;
    if (typeof format === "string") return format;
  }
  return formatInText(text.replace(/^\uFEFF/, ""))?.format;
}

/**
 * The `format` a parsed file declares (see declaredFormat). A file with YAML syntax errors whose
 * text has no plain `format:` line is told by the document yaml recovers from it: there its top-level
 * `format` may be tagged (`!!str`), anchored, escaped, a block scalar, a complex key (`? format`) or
 * in a JSON-style mapping, and the error elsewhere.
 */
export function sourceFormat(source: YamlSource): string | undefined {
  if (source.data !== undefined || source.failed === true) {
    return declaredFormat(source.text, source.data);
  }
  // A file that does not parse is told only by what comes before its first error: past it, a
  // `format:` line may be anything, such as an example quoted in a Markdown file.
  const firstError = firstErrorLine(source.diagnostics);
  const text = source.text.replace(/^\uFEFF/, "");
  const line = formatInText(text);
  if (line !== undefined) {
    return believed(lineColumn(text, line.index).line, firstError) ? line.format : undefined;
  }
  if (source.large === true) return undefined; // no recovered document above the full-parse limit
  // The node, not its value: an alias (`format: *f`) is resolved to the node it names. (yaml's
  // node classes are told by their shape here: this module is on every file's path, yaml is not.)
  let node: unknown = source.doc.get("format", true);
  if (node !== null && typeof node === "object" && "resolve" in node && "source" in node) {
    node = (node as { resolve(doc: unknown): unknown }).resolve(source.doc);
  }
  const value = node !== null && typeof node === "object" && "value" in node ? node.value : node;
  if (typeof value !== "string") return undefined;
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range === undefined || believed(lineColumn(source.text, range[0]).line, firstError)
    ? value
    : undefined;
}

/**
 * Whether a format found on `line` of a file whose first error is on `firstError` is believed:
 * on or above the error's line. Below it, it may be anything (an example in a Markdown file); on
 * it, it may be what the error swallowed (`a: [1` then `format: …`), but an answers file broken
 * there is listed with its error rather than passed over in a folder without a word.
 */
function believed(line: number, firstError: number): boolean {
  return line <= firstError;
}

/**
 * Whether a file's text can declare a netdz format at all, in any YAML spelling (JSON or flow
 * style, quoted, tagged, anchored, on the next line, after any number of comments): every netdz
 * format starts with `netdz-`, and YAML can write those letters otherwise only with a backslash
 * escape in a double-quoted scalar. False lets a file be passed over without parsing it; true
 * means only that it must be parsed to tell.
 */
export function mayDeclareFormat(text: string): boolean {
  return text.includes("netdz") || text.includes("\\");
}

/** The kind of netdz file a format names, or undefined for anything else. */
export function fileKind(format: string | undefined): FileKind | undefined {
  return format !== undefined && Object.hasOwn(KINDS, format) ? KINDS[format] : undefined;
}

/**
 * The problem of a file that is no netdz file: it declares no format netdz knows (`format` is
 * what it declares, if anything), located at its `format` or at its start.
 */
export function unknownFormatProblem(source: YamlSource, format: string | undefined): Diagnostic {
  return diagnosticAt(
    source,
    format === undefined ? [] : ["format"],
    "error",
    "file/unknown-format",
    {
      id: "file/unknown-format",
      // A long unknown format is not echoed whole.
      params: {
        format: format && format.length > 60 ? `${format.slice(0, 59)}…` : format,
        ...(format === undefined ? {} : formatHint(format)),
      },
    },
  );
}

/**
 * The one detector of a file named to netdz that is no netdz file (it declares no format netdz
 * reads: none, as in an empty file, a list or a mapping without `format`, or an unknown one), and
 * what is wrong with it, as every command says it: that it is no netdz file (file/unknown-format,
 * first) beside its own YAML problems; for a file that could not be read as text (not UTF-8, too
 * large), only that problem. Undefined for a file that declares a netdz format.
 */
export function notNetdzFileProblems(source: YamlSource): Diagnostic[] | undefined {
  const format = sourceFormat(source);
  if (fileKind(format) !== undefined) return undefined;
  if (source.failed === true) return [...source.diagnostics];
  return [unknownFormatProblem(source, format), ...source.diagnostics];
}

/**
 * What an unknown format is likely to be: another version of a format netdz reads
 * (`netdz-answers/2`: `version`, the one netdz reads, and whether it is a later one), or a
 * misspelling of one (`netdz-answer/1`, `Netdz-Answers/1`: `near`, at most two edits away).
 */
export function formatHint(
  format: string,
): { version?: { reads: string; later: boolean } } | { near?: string } {
  const known = Object.keys(KINDS);
  const versioned = /^(netdz-[a-z-]+)\/(\d{1,6})$/.exec(format.trim());
  if (versioned) {
    const [, name, version] = versioned;
    const reads = known.find((k) => k.startsWith(`${name}/`));
    if (reads !== undefined) {
      return { version: { reads, later: Number(version) > Number(reads.split("/")[1]) } };
    }
  }
  const wanted = format.trim().toLowerCase();
  if (wanted.length > 40) return {};
  const near = known.find((k) => editDistance(k, wanted) <= 2);
  return near === undefined ? {} : { near };
}

/** The Levenshtein distance of two short texts. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
