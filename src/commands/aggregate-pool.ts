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
import { UsageError } from "../errors.js";
import { aggregateMessages } from "../i18n/aggregate-messages.js";
import type { AnswersChecker, Checked } from "./aggregate-check.js";

/** What each worker is started with. */
export interface WorkerSetup {
  cwd: string;
  measuresDir?: string;
  lang: Lang;
  /** Files named on the command line, as given (as collectFiles names them). */
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

/**
 * Workers are used from this many files on. Measured on a 2-core machine, one worker beside the
 * main thread made 230 files slower (0.49 s against 0.40 s) and 1,000 files no faster: each
 * thread loads its modules and the sets and warms up on its own, and the two cores share one
 * physical core's time; from several thousand files on the worker pays (10,000: 4.7 s against
 * 6.5 s).
 */
export const WORKERS_FROM = 1000;
/** At most this many workers (the main thread checks files beside them). */
export const MAX_WORKERS = 3;
/** Files per batch sent to a worker. */
export const BATCH = 32;
/**
 * The heap limits of each of `count` workers. The old generation is kept small (what a worker
 * keeps is collected sooner), so that the pool's memory stays within the roll-up's budget; a
 * worker that runs out (a huge file) hands its batches back to be checked in-process. The young
 * generations share 32 MB, at least 8 MB each: the objects of a parse die young, and at 8 MB a
 * lone worker spent a tenth of its time collecting them (10,000 zones on 2 cores: about 5 %
 * faster at 32 MB, the same peak memory; three workers at 32 MB each went 70 MB over).
 */
export function workerLimits(count: number): {
  maxOldGenerationSizeMb: number;
  maxYoungGenerationSizeMb: number;
} {
  return {
    maxOldGenerationSizeMb: 64,
    maxYoungGenerationSizeMb: Math.max(8, Math.floor(32 / Math.max(1, count))),
  };
}
/** Batches sent to a worker before it answers: one being checked, one waiting. */
const IN_FLIGHT = 2;

/**
 * How many workers to check `count` files with, beside the main thread: `NETDZ_WORKERS` when set
 * (0 = none; for tests and measurements; read by `forcedWorkers`), else none on one core or
 * below WORKERS_FROM files, else one per core but one, up to MAX_WORKERS.
 */
export function workerCount(
  count: number,
  env: NodeJS.ProcessEnv,
  cores: number = availableParallelism(),
): number {
  const forced = forcedWorkers(env);
  if (forced !== undefined) return Math.min(forced, MAX_FORCED_WORKERS, Math.ceil(count / BATCH));
  if (count < WORKERS_FROM || cores < 2) return 0;
  return Math.min(cores - 1, MAX_WORKERS);
}

/** At most this many workers when NETDZ_WORKERS asks for more. */
export const MAX_FORCED_WORKERS = 16;

/**
 * NETDZ_WORKERS as a whole number, or undefined when unset or blank; any other value is a usage
 * error (as a bad SOURCE_DATE_EPOCH is), in the language of the run.
 */
export function forcedWorkers(env: NodeJS.ProcessEnv, lang: Lang = "en"): number | undefined {
  const raw = env.NETDZ_WORKERS?.trim();
  if (raw === undefined || raw === "") return undefined;
  if (!/^\d+$/.test(raw)) throw new UsageError(aggregateMessages(lang).command.badWorkers(raw));
  return Number(raw);
}

/** The worker module beside this one (built), or undefined when it is not there (sources). */
function workerFile(): URL | undefined {
  const url = new URL("./aggregate-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? url : undefined;
}

/** A worker thread started before the files are checked, waiting for its first batch. */
export interface StartedWorker {
  worker: Worker;
  /** Where the worker's replies and its end go once checking has begun. */
  onReply?: (reply: WorkerReply) => void;
  onEnd?: () => void;
  /** The worker failed or ended before it was given work (nothing to hand back then). */
  ended: boolean;
}

/**
 * Starts `count` workers at once, so that they load their modules and the measure sets while
 * the main thread loads its own; none when the worker module is not built. Every worker started
 * must be given to `checkFiles` or `stopWorkers`.
 */
export function startWorkers(
  count: number,
  setup: WorkerSetup,
  /** The worker module; the built one beside this module unless a test gives another. */
  module: URL | undefined = workerFile(),
): StartedWorker[] {
  if (!module) return [];
  const started: StartedWorker[] = [];
  for (let w = 0; w < count; w++) {
    let worker: Worker;
    try {
      worker = new Worker(module, { workerData: setup, resourceLimits: workerLimits(count) });
    } catch {
      continue;
    }
    const one: StartedWorker = { worker, ended: false };
    const end = () => {
      if (one.ended) return;
      one.ended = true;
      one.onEnd?.();
    };
    worker.on("message", (reply: WorkerReply) => one.onReply?.(reply));
    worker.on("error", end);
    worker.on("exit", end);
    started.push(one);
  }
  return started;
}

/** Ends workers (those `checkFiles` has finished with are ended already). */
export function stopWorkers(workers: readonly StartedWorker[]): void {
  for (const { worker } of workers) void worker.terminate();
}

/**
 * Checks every file, with the started workers beside the main thread when there are any, else
 * in-process; the results in file order. The workers are ended when it returns.
 */
export async function checkFiles(
  files: readonly string[],
  checker: AnswersChecker,
  progress: (done: number) => void,
  workers: readonly StartedWorker[],
): Promise<Checked[]> {
  if (workers.length === 0) return checkInProcess(files, checker, progress);
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push(files.slice(i, i + BATCH));
  const results = new Array<Checked[] | undefined>(batches.length);
  let done = 0;
  const store = (batch: number, checked: Checked[]) => {
    results[batch] = checked;
    done += checked.length;
    progress(done);
  };
  const queue = { next: 0, take: () => (queue.next < batches.length ? queue.next++ : undefined) };
  const pool = runPool(workers, batches, queue, store);
  // The main thread takes batches too, letting the workers' replies in between.
  for (let b = queue.take(); b !== undefined; b = queue.take()) {
    store(b, await checkBatch(batches[b] as string[], checker));
    await new Promise((resolve) => setImmediate(resolve));
  }
  // What a worker could not finish is checked here.
  for (const b of await pool) store(b, await checkBatch(batches[b] as string[], checker));
  progress(files.length);
  return results.flatMap((r) => r ?? []);
}

async function checkBatch(files: readonly string[], checker: AnswersChecker): Promise<Checked[]> {
  const checked: Checked[] = [];
  for (const f of files) checked.push(await checker.check(f));
  return checked;
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

interface Queue {
  /** The next batch to check, or undefined when all are taken. */
  take(): number | undefined;
}

/**
 * Sends batches from the queue to the workers, storing each reply; resolves, when every worker
 * is done, with the batches a worker took but did not finish. Never rejects: a worker that fails
 * hands its batches back.
 */
function runPool(
  workers: readonly StartedWorker[],
  batches: readonly string[][],
  queue: Queue,
  store: (batch: number, checked: Checked[]) => void,
): Promise<number[]> {
  return new Promise((resolve) => {
    let running = workers.length;
    const failed: number[] = [];
    for (const one of workers) {
      const pending = new Set<number>();
      let over = false;
      const stop = (broken: boolean) => {
        if (over) return;
        over = true;
        if (broken) failed.push(...pending);
        pending.clear();
        running--;
        void one.worker.terminate();
        if (running === 0) resolve(failed);
      };
      // One batch while the worker starts (the main thread checks meanwhile), then IN_FLIGHT.
      const feed = (limit = IN_FLIGHT) => {
        while (pending.size < limit) {
          const batch = queue.take();
          if (batch === undefined) break;
          pending.add(batch);
          const request: WorkerRequest = { batch, files: batches[batch] as string[] };
          one.worker.postMessage(request);
        }
        if (pending.size === 0) stop(false);
      };
      one.onReply = (reply) => {
        if (over || !pending.delete(reply.batch)) return;
        store(reply.batch, reply.results);
        feed();
      };
      one.onEnd = () => stop(true);
      if (one.ended) stop(true);
      else feed(1);
    }
    if (workers.length === 0) resolve(failed);
  });
}
