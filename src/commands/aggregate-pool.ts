/**
 * Checking many answers files for `netdz aggregate` in worker threads: files are sent to a small
 * pool in batches (a few per worker in flight, so memory stays bounded), and the results are put
 * back in file order, so the roll-up is byte for byte what checking in-process gives. A batch a
 * worker could not finish (the worker failed or stopped) is checked in-process instead.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Lang } from "../core/model.js";
import type { AnswersChecker, Checked } from "./aggregate-check.js";

/** What each worker is started with. */
export interface WorkerSetup {
  cwd: string;
  measuresDir?: string;
  lang: Lang;
  /** Files named on the command line (absolute). */
  named: string[];
}

export interface WorkerRequest {
  batch: number;
  /** Absolute paths. */
  files: string[];
}

export interface WorkerReply {
  batch: number;
  results: Checked[];
}

/** Workers are used from this many files on (fewer are checked faster than workers start). */
export const WORKERS_FROM = 200;
/** At most this many workers. */
export const MAX_WORKERS = 4;
const BATCH = 32;
/**
 * Each worker's heap is kept small (its garbage is collected sooner), so that the pool's memory
 * stays within the roll-up's budget; a worker that runs out (a huge file) hands its batches back
 * to be checked in-process.
 */
const WORKER_LIMITS = {
  maxOldGenerationSizeMb: 64,
  maxYoungGenerationSizeMb: 8,
};
/** Batches sent to a worker before it answers: one being checked, one waiting. */
const IN_FLIGHT = 2;

/**
 * How many workers to check `count` files with: `NETDZ_WORKERS` when set (0 = none; for tests
 * and measurements), else none below WORKERS_FROM files or on one core, else one per core up to
 * MAX_WORKERS.
 */
export function workerCount(count: number, env: NodeJS.ProcessEnv): number {
  const forced = env.NETDZ_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced.trim())) {
    return Math.min(Number(forced.trim()), 16, Math.ceil(count / BATCH));
  }
  if (count < WORKERS_FROM) return 0;
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(cores, MAX_WORKERS);
}

/** The worker module beside this one (built), or undefined when it is not there (sources). */
function workerFile(): URL | undefined {
  const url = new URL("./aggregate-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

/**
 * Checks every file, with `workers` worker threads when there are any and the worker module is
 * built, else in-process; the results in file order.
 */
export async function checkFiles(
  files: readonly string[],
  checker: AnswersChecker,
  progress: (done: number) => void,
  workers: number,
  setup: WorkerSetup,
): Promise<Checked[]> {
  const file = workers > 0 ? workerFile() : undefined;
  if (!file) return checkInProcess(files, checker, progress);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results = new Array<Checked[] | undefined>(batches.length);
  const failed = await runPool(file, batches, workers, setup, results, progress);
  // What no worker finished is checked here, in order.
  let done = results.reduce((n, r) => n + (r?.length ?? 0), 0);
  for (const b of failed.sort((x, y) => x - y)) {
    const checked: Checked[] = [];
    for (const f of batches[b] as string[]) {
      checked.push(await checker.check(f));
      progress(++done);
    }
    results[b] = checked;
  }
  progress(files.length);
  return results.flatMap((r) => r ?? []);
}

async function checkInProcess(
  files: readonly string[],
  checker: AnswersChecker,
  progress: (done: number) => void,
): Promise<Checked[]> {
  const results: Checked[] = [];
  for (const [i, file] of files.entries()) {
    progress(i);
    results.push(await checker.check(file));
  }
  progress(files.length);
  return results;
}

/**
 * Sends the batches to a pool of workers; fills `results` and returns the batches no worker
 * finished. Never rejects: a worker that fails hands its batches back.
 */
function runPool(
  file: URL,
  batches: readonly string[][],
  workers: number,
  setup: WorkerSetup,
  results: (Checked[] | undefined)[],
  progress: (done: number) => void,
): Promise<number[]> {
  return new Promise((resolve) => {
    let next = 0;
    let done = 0;
    let running = 0;
    const failed: number[] = [];
    const finish = () => {
      if (running === 0) resolve([...failed, ...range(next, batches.length)]);
    };
    for (let w = 0; w < Math.min(workers, batches.length); w++) {
      let worker: Worker;
      try {
        worker = new Worker(file, { workerData: setup, resourceLimits: WORKER_LIMITS });
      } catch {
        continue;
      }
      running++;
      const pending = new Set<number>();
      let over = false;
      const feed = () => {
        while (pending.size < IN_FLIGHT && next < batches.length) {
          const batch = next++;
          pending.add(batch);
          const request: WorkerRequest = { batch, files: batches[batch] as string[] };
          worker.postMessage(request);
        }
        if (pending.size === 0) stop(false);
      };
      const stop = (broken: boolean) => {
        if (over) return;
        over = true;
        if (broken) failed.push(...pending);
        pending.clear();
        running--;
        void worker.terminate();
        finish();
      };
      worker.on("message", (reply: WorkerReply) => {
        if (over || !pending.delete(reply.batch)) return;
        results[reply.batch] = reply.results;
        done += reply.results.length;
        progress(done);
        feed();
      });
      worker.on("error", () => stop(true));
      worker.on("exit", () => stop(true));
      feed();
    }
    finish();
  });
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
