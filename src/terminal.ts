import type { Paint } from "./render/diagnostics.js";

/** Whether to colour output on a stream: a terminal, unless NO_COLOR is set (FORCE_COLOR forces). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  return stream.isTTY === true && env.TERM !== "dumb";
}

/**
 * Colours for diagnostics printed on `stream`, or undefined when it should stay plain; chalk is
 * loaded only when there is colour to apply, so piped output (CI) does not pay for it.
 */
export async function terminalPaint(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
): Promise<Paint | undefined> {
  if (!useColor(stream, env)) return undefined;
  const { Chalk } = await import("chalk");
  const chalk = new Chalk({ level: 1 });
  return { error: (t) => chalk.red(t), warning: (t) => chalk.yellow(t), dim: (t) => chalk.dim(t) };
}
