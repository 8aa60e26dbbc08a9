import { main } from "../../src/main.js";
import { captureIo } from "../helpers.js";

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs netdz in-process through `main(argv, io)` in `cwd`. */
export async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const io = captureIo(cwd, { LANG: "C", ...env });
  const code = await main(args, io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, out: io.out(), err: io.err() };
}
