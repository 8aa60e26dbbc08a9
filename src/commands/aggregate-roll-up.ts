/**
 * `netdz aggregate` once its files are found: each is checked (in workers too, when started),
 * the zones of the version most valid files use are rolled up, and the roll-up is written.
 */
import path from "node:path";
import {
  aggregate as buildAggregate,
  chooseSetVersion,
  incompatiblePins,
  leftOutCount,
  supersedeAcrossVersions,
  type LeftOut,
  type Pin,
  type ZoneSummary,
} from "../core/aggregate.js";
import type { AnswersFile, Zone } from "../core/model.js";
import { zoneKey, type ProvinceSpellings } from "../core/zone-key.js";
import { reportDate } from "../core/score.js";
import { EXIT, UsageError } from "../errors.js";
import { normaliseAnswers } from "../fs/answers-loader.js";
import { readYamlFileSync } from "../fs/measure-sets.js";
import { writeOutput } from "../fs/output.js";
import { workspace, type Workspace } from "../fs/workspace.js";
import { aggregateMessages, type AggregateMessages } from "../i18n/aggregate-messages.js";
import type { Io } from "../io.js";
import { leftOutPlace, leftOutReason } from "../render/aggregate-markdown.js";
import { AGGREGATE_FORMATS } from "../render/reporters.js";
import type { AggregateCommandOptions } from "./aggregate.js";
import { AnswersChecker, setProblemsOf, type Checked } from "./aggregate-check.js";
import type { Found } from "./aggregate-files.js";
import { checkFiles, type StartedWorker } from "./aggregate-pool.js";
import { migrateAdvice, spellingsFor } from "./aggregate-zones.js";
import { sourceDateEpoch } from "./source-date-epoch.js";

/** Progress is drawn on a terminal only when there are more files than this. */
const PROGRESS_THRESHOLD = 300;

/**
 * The roll-up of the files found, checked with the workers already started beside the main
 * thread: written where asked; 1 when a file was left out.
 */
export async function rollUp(
  opts: AggregateCommandOptions,
  io: Io,
  found: Found,
  workers: readonly StartedWorker[],
): Promise<number> {
  const m = aggregateMessages(opts.lang);
  const epoch = sourceDateEpoch(io.env, opts.lang);
  const ws = workspace({ cwd: io.cwd, measuresDir: opts.measures, lang: opts.lang, settled: true });
  await ws.root();
  const checker = new AnswersChecker(ws, found.named, opts.lang);
  const results = await checkFiles(
    found.files,
    checker,
    progressBar(io, found.files.length),
    workers,
  );
  const setProblems = setProblemsOf(results);
  // The same zone in files of several versions: superseded before any is left out for version.
  const valid = results.flatMap((r) => (r.pin && r.zone ? [{ pin: r.pin, zone: r.zone }] : []));
  const spellings = await spellingsFor(
    ws,
    valid.map((v) => v.pin.id),
    valid.map((v) => v.zone.zone),
  );
  const across = supersedeAcrossVersions(valid, spellings);
  // A folder that could not be listed may hold answers files: said first, and the exit is 1.
  const leftOut: LeftOut[] = found.unreadableFolders.map((f) =>
    checker.unreadableFolder(f.folder, f.error),
  );
  const groups = new Map<string, Group>();
  for (const checked of results) {
    // An invalid file is listed once, with its first problem; it does not vote for a version.
    if (checked.problem) leftOut.push(checked.problem);
    if (!checked.pin || !checked.zone || across.files.has(checked.pin.file)) continue;
    const key = `${checked.pin.id}@${checked.pin.version}`;
    const group = groups.get(key) ?? { pins: [], zones: [] };
    groups.set(key, group);
    group.pins.push(checked.pin);
    group.zones.push(checked.zone);
    const at = checked.zone.answeredAt ?? Number.NEGATIVE_INFINITY;
    if (at > (group.newest?.answeredAt ?? Number.NEGATIVE_INFINITY)) group.newest = checked.zone;
  }

  // The version is chosen by the usable files alone: valid, and not superseded.
  const pins = [...groups.values()].flatMap((g) => g.pins);
  const chosen = chooseSetVersion(pins);
  const group = chosen && groups.get(`${chosen.id}@${chosen.version}`);
  const set = chosen && (await setOf(ws, chosen));
  if (!chosen || !group || !set || group.zones.length === 0) {
    printSetProblems(setProblems, io, m);
    printLeftOut(leftOut, chosen, io, m);
    throw new UsageError(
      results.some((r) => r.answersFile) || found.unreadableFolders.length > 0
        ? m.command.noUsable
        : m.command.noFiles(describeWhere(opts.paths)),
    );
  }
  // Invalid files are already in leftOut (whatever their version); the valid files of another
  // set id or version are left out for it.
  leftOut.push(
    ...incompatiblePins(pins, chosen, (pin, version) => migrateAdvice(pin, version, opts.measures)),
  );
  noteZonesUsedFrom(leftOut, results, group.zones, spellings);
  const agg = buildAggregate(
    set,
    group.zones,
    leftOut,
    { minCompleteness: opts.minCompleteness, bottom: opts.bottom },
    { superseded: across.superseded, spellings },
  );
  // The file answered last is never superseded (it is the newest of its own zone), so it dates
  // the roll-up as `netdz report` would date that file.
  const newest = epoch === undefined && group.newest ? readAnswers(group.newest.file, io.cwd) : {};
  const date = reportDate(newest as AnswersFile, epoch, io.env.TZ);
  if (date !== undefined) agg.options.date = date;
  agg.setProblems = [...setProblems.values()];
  const output = await AGGREGATE_FORMATS[opts.format].render(agg, { lang: opts.lang });
  await writeOutput(output, {
    out: opts.out,
    io,
    inputs: found.files.map((file) => path.resolve(io.cwd, file)),
    command: "aggregate",
    lang: opts.lang,
    ...m.command,
    fileName: `aggregate.${AGGREGATE_FORMATS[opts.format].extension}`,
  });
  printSetProblems(setProblems, io, m);
  printLeftOut(agg.leftOut, agg.set, io, m);
  if (agg.leftOut.length > 0) {
    io.stderr.write(`netdz aggregate: ${m.command.leftOut(leftOutCount(agg.leftOut))}\n`);
  }
  return agg.leftOut.length > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * An invalid file of a zone the roll-up has from another file (an older one, say, while the
 * newest has an error): its reason names that file, so the older figures are not taken as new.
 */
function noteZonesUsedFrom(
  leftOut: LeftOut[],
  results: readonly Checked[],
  used: readonly ZoneSummary[],
  spellings: ProvinceSpellings | undefined,
): void {
  const given = new Map<string, Zone>();
  for (const r of results) if (r.problem && r.zoneGiven) given.set(r.problem.file, r.zoneGiven);
  if (given.size === 0) return;
  const usedFrom = new Map<string, string>();
  for (const zone of used) {
    const key = zoneKey(zone.zone, spellings);
    if (key !== undefined && !usedFrom.has(key)) usedFrom.set(key, zone.file);
  }
  leftOut.forEach((entry, i) => {
    const zone = given.get(entry.file);
    if (entry.reason.kind !== "invalid" || zone === undefined) return;
    const key = zoneKey(zone, spellings);
    const from = key === undefined ? undefined : usedFrom.get(key);
    if (from !== undefined && from !== entry.file) {
      leftOut[i] = { ...entry, reason: { ...entry.reason, zoneUsedFrom: from } };
    }
  });
}

/** The valid files of one set id and version: their pins, zones, and the zone answered last. */
interface Group {
  pins: Pin[];
  zones: ZoneSummary[];
  newest?: ZoneSummary;
}

/** The chosen set, loaded once by the workspace; undefined when it is invalid. */
async function setOf(ws: Workspace, chosen: { id: string; version: string }) {
  const found = await ws.find(chosen);
  return found ? (await ws.loadSet(found.dir)).set : undefined;
}

/** An answers file already checked, read again for its date. */
function readAnswers(file: string, cwd: string): AnswersFile {
  const source = readYamlFileSync(path.resolve(cwd, file), cwd);
  return normaliseAnswers(source.data as AnswersFile);
}

function describeWhere(paths: readonly string[]): string {
  return paths.length === 0 ? "." : paths.join(", ");
}

/** Tells on standard error, once each, the problems of the invalid measure sets met. */
function printSetProblems(
  setProblems: ReadonlyMap<string, LeftOut>,
  io: Io,
  m: AggregateMessages,
): void {
  for (const entry of setProblems.values()) {
    if (entry.reason.kind !== "invalid") continue;
    const problem = m.parenthetical(entry.reason.message, entry.reason.code);
    io.stderr.write(`${leftOutPlace(entry)}  ${problem}\n`);
  }
}

/** Tells on standard error which files were left out, one line each (`file:line:col  reason`). */
function printLeftOut(
  leftOut: readonly LeftOut[],
  used: { id: string; version: string } | undefined,
  io: Io,
  m: AggregateMessages,
): void {
  for (const entry of leftOut) {
    const reason = leftOutReason(entry, used ?? { id: "", version: "" }, m);
    io.stderr.write(`${leftOutPlace(entry)}  ${reason}\n`);
  }
}

/** Draws `[####      ] 120/1000` on standard error when it is a terminal and there are many files. */
function progressBar(io: Io, total: number): (done: number) => void {
  if (!io.stderr.isTTY || total <= PROGRESS_THRESHOLD) return () => undefined;
  const width = 30;
  let shown = -1;
  return (done) => {
    if (done >= total) {
      io.stderr.write("\r\u001b[K");
      return;
    }
    const step = Math.floor((done / total) * width);
    if (step === shown) return;
    shown = step;
    io.stderr.write(`\r[${"#".repeat(step)}${" ".repeat(width - step)}] ${done}/${total}`);
  };
}
