/**
 * A chalk instance for the interactive session, which colours its screens. Kept apart from
 * terminal.ts so that commands which colour only sometimes (validate) load chalk only then.
 */
import { Chalk } from "chalk";
import { useColor } from "./terminal.js";

/** A chalk instance that colours only when the stream should be coloured. */
export function chalkFor(
  stream: { isTTY?: boolean },
  env: NodeJS.ProcessEnv,
): InstanceType<typeof Chalk> {
  return new Chalk({ level: useColor(stream, env) ? 1 : 0 });
}
