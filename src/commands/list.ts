import { formatSetRef } from "../core/set-ref.js";
import path from "node:path";
import { asRecord, asString, type Loose } from "../core/loose.js";
import { LANGS, type Diagnostic, type Lang, type MeasureSet } from "../core/model.js";
import { displayPath, readOrReport, scanFolder, SET_FILE } from "../fs/measure-sets.js";
import { workspace } from "../fs/workspace.js";
import type { Io } from "../io.js";
import { EXIT } from "../errors.js";
import { listMessages } from "../i18n/list-messages.js";

export interface ListOptions {
  measures?: string;
  json: boolean;
  questions: boolean;
  lang: Lang;
}

/** A set's title as far as it can be read: both languages when valid, what set.yaml has otherwise. */
type ListedTitle = Partial<MeasureSet["title"]>;

interface SetSummary {
  /** null only when set.yaml gives no readable id (the folder is still listed, as invalid). */
  id: string | null;
  version: string | null;
  title: ListedTitle | null;
  path: string;
  valid: boolean;
  /** Counts of a valid set; null when the set is invalid (its parts could not all be read). */
  areas: number | null;
  measures: number | null;
  questions: number | null;
  /** With --questions: every question of a valid set, in order; null when the set is invalid. */
  questionList?: ListedQuestion[] | null;
}

interface ListedQuestion {
  id: string;
  measure: string;
  type: string;
  text: MeasureSet["measures"][number]["questions"][number]["text"];
}

/** `netdz list`: the measure sets available, with counts of areas, measures and questions. */
export async function list(options: ListOptions, io: Io): Promise<number> {
  const ws = workspace({ cwd: io.cwd, measuresDir: options.measures, lang: options.lang });
  const root = await ws.root();
  const found = await ws.sets();
  const summaries: SetSummary[] = [];
  const loaded: (MeasureSet | undefined)[] = [];
  for (const entry of found) {
    const { set } = await ws.loadSet(entry.dir);
    loaded.push(set);
    summaries.push({
      id: entry.id,
      version: entry.version,
      title: set?.title ?? headerTitle(readOrReport(path.join(entry.dir, SET_FILE), io.cwd).data),
      path: displayPath(entry.dir, io.cwd),
      valid: set !== undefined,
      areas: set ? set.areas.length : null,
      measures: set ? set.measures.length : null,
      questions: set ? set.measures.reduce((n, m) => n + m.questions.length, 0) : null,
      ...(options.questions ? { questionList: set ? questionsOf(set) : null } : {}),
    });
  }
  // A folder with a set.yaml that gives no id or version is not a set anyone can use, but it is
  // listed (as invalid) so that it does not vanish without a word.
  const listed = new Set(found.map((entry) => entry.dir));
  const reasons = new Map<number, Diagnostic>();
  for (const dir of scanFolder(root).setFolders.filter((d) => !listed.has(d))) {
    // Never throws: a set.yaml that cannot be opened (a FIFO, a dangling link) is its problem.
    const source = readOrReport(path.join(dir, SET_FILE), io.cwd, options.lang);
    const header = asRecord(source.data as Loose);
    loaded.push(undefined);
    // set.yaml that cannot be read as YAML text (unreadable, not UTF-8, a syntax error): say why.
    const problem = source.diagnostics.find((d) => d.severity === "error");
    if (problem !== undefined) reasons.set(summaries.length, problem);
    summaries.push({
      id: asString(header.id) ?? null,
      version: asString(header.version) ?? null,
      title: headerTitle(source.data),
      path: displayPath(dir, io.cwd),
      valid: false,
      areas: null,
      measures: null,
      questions: null,
      ...(options.questions ? { questionList: null } : {}),
    });
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
    return EXIT.ok;
  }
  if (summaries.length === 0) {
    io.stdout.write(`${listMessages(options.lang).none(displayPath(root, io.cwd))}\n`);
    return EXIT.ok;
  }
  summaries.forEach((summary, i) =>
    io.stdout.write(describeSet(summary, loaded[i], options, reasons.get(i))),
  );
  return EXIT.ok;
}

/** The questions `--json --questions` lists: what the text form shows of each. */
function questionsOf(set: MeasureSet): ListedQuestion[] {
  return set.measures.flatMap((m) =>
    m.questions.map((q) => ({ id: q.id, measure: m.id, type: q.type, text: q.text })),
  );
}

/** The title set.yaml gives (the languages it has as text), or null: used for an invalid set. */
function headerTitle(data: Loose): ListedTitle | null {
  const title = asRecord(asRecord(data).title);
  const en = asString(title.en);
  const zh = asString(title.zh);
  if (en === undefined && zh === undefined) return null;
  return { ...(en === undefined ? {} : { en }), ...(zh === undefined ? {} : { zh }) };
}

function describeSet(
  summary: SetSummary,
  set: MeasureSet | undefined,
  options: ListOptions,
  reason?: Diagnostic,
): string {
  const lang = options.lang;
  const t = listMessages(lang);
  const title =
    summary.title?.[lang] ??
    LANGS.map((l) => summary.title?.[l]).find((t) => t !== undefined) ??
    "";
  // A set.yaml that gives neither id nor version (unreadable, not YAML) is headed by its folder.
  const named = summary.id !== null || summary.version !== null;
  const name = named
    ? formatSetRef({ id: summary.id ?? "?", version: summary.version ?? "?" })
    : summary.path;
  const lines = [`${name}  ${title}`.trimEnd(), ...(named ? [`  ${summary.path}`] : [])];
  if (!set) {
    if (reason) lines.push(`  ${reason.file}:${reason.line}:${reason.column}  ${reason.message}`);
    lines.push(`  ${t.invalid(summary.path)}`);
    return `${lines.join("\n")}\n\n`;
  }
  lines.push(`  ${t.counts(set.areas.length, set.measures.length, summary.questions ?? 0)}`);
  for (const area of set.areas) {
    const measures = set.measures.filter((m) => m.area === area.id);
    const count = measures.reduce((n, m) => n + m.questions.length, 0);
    lines.push(
      `  ${area.ref ?? area.id}  ${area.title[lang]}  ${t.areaCounts(measures.length, count)}`,
    );
    for (const measure of measures) {
      lines.push(
        `    ${measure.id}  ${measure.ref}  ${measure.title[lang]}  ${t.measureCounts(measure.questions.length)}`,
      );
      if (options.questions) {
        for (const q of measure.questions)
          lines.push(`      ${q.id}  [${t.types[q.type]}]  ${q.text[lang]}`);
      }
    }
  }
  return `${lines.join("\n")}\n\n`;
}
