import type { Lang, MeasureSet } from "../core/model.js";
import { displayPath } from "../fs/measure-sets.js";
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

interface SetSummary {
  id: string;
  version: string;
  title: MeasureSet["title"] | null;
  path: string;
  valid: boolean;
  areas: number;
  measures: number;
  questions: number;
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
      title: set?.title ?? null,
      path: displayPath(entry.dir, io.cwd),
      valid: set !== undefined,
      areas: set?.areas.length ?? 0,
      measures: set?.measures.length ?? 0,
      questions: set?.measures.reduce((n, m) => n + m.questions.length, 0) ?? 0,
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
  summaries.forEach((summary, i) => io.stdout.write(describeSet(summary, loaded[i], options)));
  return EXIT.ok;
}

function describeSet(
  summary: SetSummary,
  set: MeasureSet | undefined,
  options: ListOptions,
): string {
  const lang = options.lang;
  const t = listMessages(lang);
  const lines = [
    `${summary.id}@${summary.version}  ${summary.title?.[lang] ?? ""}`.trimEnd(),
    `  ${summary.path}`,
  ];
  if (!set) {
    lines.push(`  ${t.invalid(summary.path)}`);
    return `${lines.join("\n")}\n\n`;
  }
  lines.push(`  ${t.counts(summary.areas, summary.measures, summary.questions)}`);
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
