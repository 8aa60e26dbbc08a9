/**
 * A worker thread of `netdz aggregate` (started by aggregate-pool.ts): it loads the measure sets
 * once, checks the files it is sent exactly as the main thread would (AnswersChecker), and sends
 * back each file's result: its zone summary and its first problem.
 */
import { parentPort, workerData } from "node:worker_threads";
import { workspace } from "../fs/workspace.js";
import { AnswersChecker, type Checked } from "./aggregate-check.js";
import type { WorkerReply, WorkerRequest, WorkerSetup } from "./aggregate-pool.js";

const setup = workerData as WorkerSetup;
const port = parentPort;
if (port) {
  const ws = workspace({
    cwd: setup.cwd,
    ...(setup.measuresDir === undefined ? {} : { measuresDir: setup.measuresDir }),
    lang: setup.lang,
    settled: true,
  });
  const checker = new AnswersChecker(ws, new Set(setup.named), setup.lang);
  // One batch at a time, in the order sent: the main thread bounds what is in flight. A file
  // whose check throws is left unhandled, which ends the worker: the main thread then checks
  // that worker's batches itself (as it would have without workers).
  let queue = Promise.resolve();
  port.on("message", (request: WorkerRequest) => {
    queue = queue.then(async () => {
      await ws.root();
      const results: Checked[] = [];
      for (const file of request.files) results.push(await checker.check(file));
      const reply: WorkerReply = { batch: request.batch, results };
      port.postMessage(reply, transferable(results));
    });
  });
}

/** The buffers of the zone summaries' scores, moved to the main thread rather than copied. */
function transferable(results: readonly Checked[]): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const { zone } of results) {
    if (!zone) continue;
    for (const values of [
      zone.areaScores,
      zone.measureScores,
      zone.questionScores,
      zone.questionGaps,
    ]) {
      if (values.buffer instanceof ArrayBuffer) buffers.push(values.buffer);
    }
  }
  return buffers;
}
