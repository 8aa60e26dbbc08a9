import type { Lang, MeasureSet, QuestionType } from "../core/model.js";
import { displayPath } from "../fs/measure-sets.js";
import { workspace } from "../fs/workspace.js";
import type { Io } from "../io.js";
import { EXIT } from "../errors.js";
import { plural } from "../render/plural.js";

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
    io.stdout.write(`${LIST_TEXT[options.lang].none(displayPath(root, io.cwd))}\n`);
    return EXIT.ok;
  }
  summaries.forEach((summary, i) => io.stdout.write(describeSet(summary, loaded[i], options)));
  return EXIT.ok;
}

const LIST_TEXT = {
  en: {
    none: (dir: string) => `No measure sets in ${dir}`,
    invalid: (dir: string) => `invalid: run \`netdz validate ${dir}\``,
    counts: (areas: number, measures: number, questions: number) =>
      `${plural(areas, "area")} · ${plural(measures, "measure")} · ${plural(questions, "question")}`,
    areaCounts: (measures: number, questions: number) =>
      `(${plural(measures, "measure")}, ${plural(questions, "question")})`,
    measureCounts: (questions: number) => `(${plural(questions, "question")})`,
    types: {} as Partial<Record<QuestionType, string>>,
  },
  zh: {
    none: (dir: string) => `${dir} 中没有评估清单`,
    invalid: (dir: string) => `无效：请运行 \`netdz validate ${dir}\``,
    counts: (areas: number, measures: number, questions: number) =>
      `${areas} 个方面 · ${measures} 项举措 · ${questions} 个问题`,
    areaCounts: (measures: number, questions: number) =>
      `（${measures} 项举措，${questions} 个问题）`,
    measureCounts: (questions: number) => `（${questions} 个问题）`,
    types: {
      status: "状态",
      yesno: "是否",
      number: "数值",
      choice: "单选",
      multi: "多选",
      text: "文字",
    } as Partial<Record<QuestionType, string>>,
  },
} as const;

function describeSet(
  summary: SetSummary,
  set: MeasureSet | undefined,
  options: ListOptions,
): string {
  const lang = options.lang;
  const t = LIST_TEXT[lang];
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
          lines.push(`      ${q.id}  [${t.types[q.type] ?? q.type}]  ${q.text[lang]}`);
      }
    }
  }
  return `${lines.join("\n")}\n\n`;
}
