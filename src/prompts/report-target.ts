/**
 * Where the end-of-session report goes. The offered file is written only when it does not exist
 * yet or the user said to overwrite it (default no); otherwise a free name next to it
 * (`zone-report-2.md`, …) or a path the user types. Escape returns to the offer; nothing is
 * written until a target is chosen.
 */
import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import type { AssessMessages } from "../i18n/assess-messages.js";
import { unlessEscaped, type Asker } from "./ask.js";

/** True when something (a file, a link, a folder) is already at `file`. */
export function pathTaken(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/** `<base>-2<ext>`, `<base>-3<ext>`, …: the first name beside `file` that is not taken. */
export function freeNameBeside(file: string, taken: (file: string) => boolean = pathTaken): string {
  const ext = path.extname(file);
  const base = file.slice(0, file.length - ext.length);
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}${ext}`;
    if (!taken(candidate)) return candidate;
  }
}

export interface ReportTargetContext {
  asker: Asker;
  m: AssessMessages["end"];
  /** The folder typed relative paths are resolved against: the answers file's, as the offer's. */
  folder: string;
  /** The answers file (absolute, links resolved): never a report's target. */
  answersFile: string;
  /** The answers file as the user named it. */
  answersShown: string;
  /** Shows a path to the user (relative to `cwd` when inside it). */
  show(file: string): string;
  taken?: (file: string) => boolean;
}

type Where = "free" | "type" | "skip";

/** True when `candidate` is `file` (absolute, links resolved), by its name or through a link. */
function isFile(candidate: string, file: string): boolean {
  if (candidate === file) return true;
  try {
    return realpathSync(candidate) === file;
  } catch {
    return false;
  }
}

/**
 * Asks where to write the report, starting from `offered` (absolute). Returns the absolute path
 * to write, or undefined when the user wants no report now.
 */
export async function chooseReportTarget(
  ctx: ReportTargetContext,
  offered: string,
): Promise<string | undefined> {
  const { asker, m } = ctx;
  const taken = ctx.taken ?? pathTaken;
  offer: for (;;) {
    if (!(await asker.confirm({ message: m.writeReport(ctx.show(offered)), default: true }))) {
      return undefined;
    }
    let target = offered;
    // Until the target is free or overwriting it was confirmed; Escape goes back to the offer.
    for (;;) {
      if (!taken(target)) return target;
      const overwrite = await unlessEscaped(
        asker.confirm({
          message: m.reportExists(ctx.show(target)),
          default: false,
          escape: "back",
        }),
      );
      if (overwrite === undefined) continue offer;
      if (overwrite) return target;
      let typed: string | undefined;
      while (typed === undefined) {
        const free = freeNameBeside(target, taken);
        const where = await unlessEscaped(
          asker.select<Where>({
            message: m.reportWhere,
            choices: [
              { value: "free", name: m.reportUseFree(ctx.show(free)) },
              { value: "type", name: m.reportTypePath },
              { value: "skip", name: m.reportSkip },
            ],
            default: "free",
            escape: "back",
          }),
        );
        if (where === undefined) continue offer;
        if (where === "skip") return undefined;
        if (where === "free") return free;
        typed = await unlessEscaped(
          asker.input({
            message: m.reportPathPrompt(ctx.answersShown),
            validate: (value) => {
              if (value.trim() === "") return m.reportPathEmpty;
              const file = path.resolve(ctx.folder, value.trim());
              return isFile(file, ctx.answersFile) ? m.reportIsAnswers(value.trim()) : true;
            },
            escape: "back",
          }),
        );
      }
      target = path.resolve(ctx.folder, typed.trim());
    }
  }
}
