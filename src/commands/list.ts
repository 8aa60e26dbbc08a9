import type { Lang, MeasureSet } from "../core/model.js";
import { availableSets, displayPath, loadSetFolder, measuresRoot } from "../fs/measure-sets.js";
import type { Io } from "../io.js";
import { EXIT } from "../errors.js";

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
  const root = await measuresRoot(options.measures, io.cwd);
  const found = await availableSets(root);
  const summaries: SetSummary[] = [];
  const loaded: (MeasureSet | undefined)[] = [];
  for (const entry of found) {
    const { set } = await loadSetFolder(entry.dir, io.cwd);
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
    io.stdout.write(`No measure sets in ${displayPath(root, io.cwd)}\n`);
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
  const lines = [
    `${summary.id}@${summary.version}  ${summary.title?.[lang] ?? ""}`.trimEnd(),
    `  ${summary.path}`,
  ];
  if (!set) {
    lines.push(`  invalid: run \`netdz validate ${summary.path}\``);
    return `${lines.join("\n")}\n\n`;
  }
  lines.push(
    `  ${summary.areas} areas · ${summary.measures} measures · ${summary.questions} questions`,
  );
  for (const area of set.areas) {
    const measures = set.measures.filter((m) => m.area === area.id);
    const count = measures.reduce((n, m) => n + m.questions.length, 0);
    lines.push(
      `  ${area.ref ?? area.id}  ${area.title[lang]}  (${measures.length} measures, ${count} questions)`,
    );
    for (const measure of measures) {
      lines.push(
        `    ${measure.id}  ${measure.ref}  ${measure.title[lang]}  (${measure.questions.length} questions)`,
      );
      if (options.questions) {
        for (const q of measure.questions)
          lines.push(`      ${q.id}  [${q.type}]  ${q.text[lang]}`);
      }
    }
  }
  return `${lines.join("\n")}\n\n`;
}
