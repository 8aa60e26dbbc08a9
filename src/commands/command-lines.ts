/**
 * The commands netdz suggests to the user (resume, review, init, validate, report), built once
 * with the options this run was given, so every message names the same command line.
 */
import type { Lang } from "../core/model.js";
import { resolveLang } from "../i18n/lang.js";
import { shellPath } from "../prompts/shell.js";

/** Commands shown to the user. */
export interface CommandLines {
  /** `netdz assess` on the same file: resumes where the user stopped. */
  resume: string;
  review: string;
  init: string;
  validate: string;
  report(out: string): string;
}

/** The command lines for an answers file, with `--measures` and a non-default `--lang` kept. */
export function commandLines(
  options: { answers: string; measures?: string; lang: Lang },
  env: NodeJS.ProcessEnv,
): CommandLines {
  const answers = shellPath(options.answers);
  const measures = options.measures ? ` --measures ${shellPath(options.measures)}` : "";
  const lang = options.lang !== resolveLang(undefined, env) ? ` --lang ${options.lang}` : "";
  const resume = `netdz assess --answers ${answers}${measures}${lang}`;
  return {
    resume,
    review: `${resume} --review`,
    init: `netdz init --answers ${answers}${measures}${lang}`,
    validate: `netdz validate ${answers}${measures}`,
    report: (out) => `netdz report ${answers} --out ${shellPath(out)}${measures}${lang}`,
  };
}
