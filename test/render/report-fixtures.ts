import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { DiffSide } from "../../src/core/diff.js";
import type {
  Answer,
  AnswersFile,
  Measure,
  MeasureSet,
  MeasureSetHeader,
} from "../../src/core/model.js";
import { scoreAssessment } from "../../src/core/score.js";
import { FIXTURES } from "../helpers.js";

/** The demo set's folder, usable as `--measures` root's set. */
export const REPORT_FIXTURES = path.join(FIXTURES, "report");
export const DEMO_SETS = path.join(REPORT_FIXTURES, "sets");
export const DEMO_SET_DIR = path.join(DEMO_SETS, "demo-2025", "1.0.0");
export const ZONES = ["strong-eastern", "western-hub", "half-finished"] as const;
export type ZoneName = (typeof ZONES)[number];

function readYaml<T>(file: string): T {
  return parse(readFileSync(file, "utf8")) as T;
}

/** The demo measure set, parsed with `yaml` directly (no loader, no validation). */
export function loadDemoSet(): MeasureSet {
  const header = readYaml<MeasureSetHeader>(path.join(DEMO_SET_DIR, "set.yaml"));
  const measures = readdirSync(DEMO_SET_DIR)
    .filter((name) => name !== "set.yaml" && name.endsWith(".yaml"))
    .sort()
    .map((name) => readYaml<Measure>(path.join(DEMO_SET_DIR, name)));
  return { ...header, measures };
}

/** Path of a demo answers file. */
export function answersPath(zone: ZoneName): string {
  return path.join(REPORT_FIXTURES, "answers", `${zone}.yaml`);
}

/** A demo answers file, parsed with `yaml` directly. */
export function loadAnswers(zone: ZoneName): AnswersFile {
  return readYaml<AnswersFile>(answersPath(zone));
}

/** One side of a diff: the demo set's zone "Suhe" (eastern, Jiangsu) with these answers. */
export function demoDiffSide(
  set: MeasureSet,
  file: string,
  answers: Record<string, Answer>,
): DiffSide {
  const data: AnswersFile = {
    format: "netdz-answers/1",
    measureSet: { id: set.id, version: set.version },
    zone: { name: "Suhe", province: "Jiangsu", region: "eastern" },
    answers,
  };
  return { file, answers: data, assessment: scoreAssessment(set, data) };
}
