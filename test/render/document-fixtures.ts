import path from "node:path";
import type { AnswersFile, Lang, MeasureSet } from "../../src/core/model.js";
import { reportDate, scoreAssessment, type Assessment } from "../../src/core/score.js";
import { loadAnswersWithSet } from "../../src/fs/answers-loader.js";
import { FIXTURES } from "../helpers.js";

/** The bundled 16-measure set answered for a demo zone, with owners, due dates and hostile text. */
export const SUZHOU = path.join(FIXTURES, "documents", "suzhou-demo.yaml");

export interface ReportInput {
  assessment: Assessment;
  set: MeasureSet;
  answers: AnswersFile;
  date: string | undefined;
}

/** Loads, checks and scores an answers file as `netdz report` does. */
export async function loadReportInput(file = SUZHOU, measuresDir?: string): Promise<ReportInput> {
  const { answers, set } = await loadAnswersWithSet(file, {
    cwd: process.cwd(),
    ...(measuresDir === undefined ? {} : { measuresDir }),
  });
  return { assessment: scoreAssessment(set, answers), set, answers, date: reportDate(answers) };
}

export const LANGS: readonly Lang[] = ["en", "zh"];
