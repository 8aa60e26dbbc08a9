/**
 * The messages of `netdz migrate`, and the words a migration writes into an answers file, in
 * English and Chinese side by side.
 */
import type { MigrationEvent, MigrationWords } from "../core/migrate.js";
import type { Answer, Lang, Question, Text } from "../core/model.js";
import { STATUS_LABELS } from "./status-labels.js";
import { joinList, LIST_SEPARATORS, quoteZh } from "./quote.js";

export interface MigrateMessages {
  /** One line of the account for an answer or profile value that did not simply carry over. */
  event(event: MigrationEvent): string;
  carried(count: number): string;
  nothingToDo(file: string, version: string): string;
  heading(file: string, from: string, to: string): string;
  dryRun: string;
  wrote(file: string): string;
  cannotWrite(file: string, reason: string): string;
  cannotRead(file: string, reason: string): string;
  keptBackup(file: string): string;
  backupExists(file: string): string;
  /** --out names a file that exists, and --force is not given. */
  outExists(file: string): string;
  /** `--out` names the answers file itself (by another path, a link or a hard link). */
  outIsAnswers(file: string): string;
  /** `--to ID@VERSION` names another set than the file's. */
  otherSet(to: string, id: string): string;
  /** `--to @VERSION` with no set id before the `@`. */
  noIdBeforeAt(to: string, id: string, version: string): string;
  /** `--to ID@` with nothing after the `@`. */
  noVersionAfterAt(to: string, id: string, available: readonly string[]): string;
  /** `--to @ID`: the set id after the `@`, and no version. */
  idAfterAt(to: string, id: string, available: readonly string[]): string;
  /** `--to` with more than one `@`; `meant` is the spelling with one. */
  manyAts(to: string, meant: string): string;
  /** Another live netdz session holds the answers file's lock. */
  locked(file: string, pid: number | undefined): string;
  lockUnreadable(file: string, lockFile: string): string;
  /** The lock path is a pipe, device, socket or folder: never opened, never waited on. */
  lockNotRegular(file: string, lockFile: string): string;
  /** `--to` names the version the file is already on. */
  alreadyOn(file: string, version: string): string;
  /** `--to` names a version older than the file's: migrate never takes answers back. */
  newerThan(file: string, version: string, to: string): string;
  /** `--to` names a version of the set that is not available. */
  invalidBefore(file: string): string;
  /** Two answers would get one id in `set` (its changes.yaml renames both onto it): nothing written. */
  conflict(file: string, id: string, from: readonly string[], set: string): string;
  noPath(from: string, to: string, missing: string): string;
  /** --to names a version of the set that is not available. */
  unavailable(to: string, set: string, available: readonly string[]): string;
  /** A version folder on the way is not a valid set. */
  setInvalid(dir: string): string;
  /** report / assess: the file is pinned to an older version than the newest one available. */
  newerAvailable(pinned: string, newest: string, command: string): string;
  offerMigrate(pinned: string, newest: string): string;
  words: MigrationWords;
}

/** An exact number: no rounding, so nothing is lost when it is written as words. */
function exact(value: number): string {
  return String(value);
}

function oldAnswerIn(lang: Lang) {
  return (question: Question | undefined, answer: Answer): string => {
    const yes = lang === "zh" ? "是" : "yes";
    const no = lang === "zh" ? "否" : "no";
    const sep = LIST_SEPARATORS[lang];
    const label = (id: string) => question?.options?.find((o) => o.id === id)?.label[lang];
    const withId = (id: string) => {
      const l = label(id);
      return l === undefined ? id : lang === "zh" ? `${l}（${id}）` : `${l} (${id})`;
    };
    let main: string;
    if (answer.status !== undefined)
      main = `${STATUS_LABELS[lang][answer.status]} (${answer.status})`;
    else if (typeof answer.value === "boolean") main = answer.value ? yes : no;
    else if (typeof answer.value === "number") {
      const unit = question?.unit?.[lang] ?? "";
      main = unit
        ? `${exact(answer.value)}${lang === "zh" ? "" : " "}${unit}`
        : exact(answer.value);
    } else if (Array.isArray(answer.value)) {
      main = answer.value.length === 0 ? "—" : answer.value.map(withId).join(sep);
    } else if (typeof answer.value === "string") {
      main = question?.type === "choice" ? withId(answer.value) : `${quoteZh(answer.value)}`;
    } else main = lang === "zh" ? "（无）" : "(none)";
    return main;
  };
}

const en: MigrateMessages = {
  event(e) {
    switch (e.kind) {
      case "moved":
        return `${e.id} → ${e.to}: moved as it is (${e.version})`;
      case "review":
        return `${e.id}: reworded in ${e.version}; answer kept and marked for review`;
      case "cleared":
        return `${e.movedFrom === undefined ? `${e.id}:` : `${e.movedFrom} → ${e.id}: moved,`} cleared and marked for review (${e.version}): ${
          "rescale" in e.why ? e.why.rescale.en : e.why.misfit
        }; the old answer (${e.old}) is in its note`;
      case "retired":
        return `${e.id}: retired in ${e.version}${e.reason ? ` (${e.reason.en})` : ""}; the answer is kept under retired:`;
      case "profile-mapped":
        return `zone.${e.field}: "${String(e.from)}" → ${String(e.to)} (${e.version})`;
      case "profile-derived":
        return `zone.${e.field}: "${String(e.value)}" removed, it now follows from zone.${e.from} (the same value) (${e.version})`;
      case "profile-cleared":
        return e.why === "underived"
          ? `zone.${e.field}: "${String(e.value)}" removed, it now follows from another field, which is to be asked again; kept under retired:`
          : e.why === "derived"
            ? `zone.${e.field}: "${String(e.value)}" removed, it now follows from another field and differs from it; kept under retired:`
            : `zone.${e.field}: "${String(e.value)}" cleared (${e.why === "unmapped" ? "not a known value" : "no longer a valid value"}), to be asked again; kept under retired:`;
    }
  },
  carried: (n) =>
    `${n} ${n === 1 ? "answer" : "answers"} carried over as ${n === 1 ? "it was" : "they were"}.`,
  nothingToDo: (file, v) => `${file} is already on ${v}, the newest version; nothing to migrate`,
  heading: (file, from, to) => `${file}: ${from} → ${to}`,
  dryRun: "Dry run: nothing was written.",
  wrote: (file) => `wrote ${file}`,
  cannotWrite: (file, reason) => `cannot write ${file}: ${reason}`,
  cannotRead: (file, reason) => `cannot read ${file}: ${reason}`,
  keptBackup: (file) => `the file as it was before is kept as ${file}`,
  backupExists: (file) =>
    `${file} already exists; move it away or use --out FILE, so that no earlier copy is overwritten`,
  otherSet: (to, id) =>
    `--to ${to}: the answers are on the set ${id}, and migrate brings them to another version of that set, never to another set (give --to VERSION or --to ${id}@VERSION)`,
  noIdBeforeAt: (to, id, version) =>
    `--to ${to}: no set id before the @ (give --to ${version} or --to ${id}@${version})`,
  noVersionAfterAt: (to, id, available) =>
    `--to ${to}: no version after the @ (give --to ${id}@VERSION; available versions: ${joinList(available, "en")})`,
  idAfterAt: (to, id, available) =>
    `--to ${to}: the set id goes before the @ and the version after it (give --to ${id}@VERSION; available versions: ${joinList(available, "en")})`,
  manyAts: (to, meant) =>
    `--to ${to}: write one @ between the set id and the version (--to ${meant})`,
  outIsAnswers: (file) =>
    `--out ${file} is the answers file itself; leave out --out to migrate it in place (the file as it was is kept beside it)`,
  outExists: (file) =>
    `${file} already exists; use --force to overwrite it, or choose another --out`,
  locked: (file, pid) =>
    `${file} is being assessed in another session${pid !== undefined && pid > 0 ? ` (process ${pid})` : ""}; finish that one before migrating. If no other netdz is running, delete ${file}.lock and try again`,
  lockUnreadable: (file, lockFile) =>
    `the lock file ${lockFile} of ${file} is unreadable (it does not hold the process id of a netdz session). If no netdz session is working on ${file}, delete ${lockFile} and try again`,
  lockNotRegular: (file, lockFile) =>
    `the lock file ${lockFile} of ${file} is not a regular file (a named pipe, a device or a folder), so netdz does not open it. If no netdz session is working on ${file}, remove it (\`rm ${lockFile}\`, or \`rmdir ${lockFile}\` for a folder) and try again`,
  alreadyOn: (file, version) => `${file} is already on ${version}; nothing to migrate`,
  newerThan: (file, version, to) =>
    `${file} is on ${version}, which is newer than ${to}: migrate brings answers forward to a newer version of their set, never back`,
  invalidBefore: (file) =>
    `${file} is invalid as it is; fix these problems before migrating (netdz validate ${file})`,
  conflict: (file, id, from, set) =>
    `cannot migrate ${file}: in ${set}, the answers to ${joinList(from, "en")} would all become the answer to ${id}, so one would be lost and the file would be invalid. The changes.yaml of ${set} moves more than one question onto ${id}; \`netdz validate\` on that set shows where. Nothing was written`,
  noPath: (from, to, missing) =>
    `cannot migrate from ${from} to ${to}: ${missing} has no changes.yaml leading back to ${from}`,
  unavailable: (to, set, available) =>
    `--to ${to}: ${set}@${to} is not available (available versions: ${joinList(available, "en")})`,
  setInvalid: (dir) => `the measure set in ${dir} is invalid; run \`netdz validate ${dir}\``,
  newerAvailable: (pinned, newest, command) =>
    `note: this file uses ${pinned}; ${newest} is available (migrate with: ${command})`,
  offerMigrate: (pinned, newest) =>
    `This file uses ${pinned}, and ${newest} is available. Migrate it first (a copy of the file as it is is kept)?`,
  words: {
    oldAnswer: oldAnswerIn("en"),
    clearedNote: (from, to, old, why) =>
      `[netdz migrate ${from} → ${to}] earlier answer: ${old}. Cleared because: ${why}. Please answer again.`,
    lang: "en",
    retired: (reason, version) => reason?.en ?? `the question is not in ${version}`,
    profileCleared: (field, why, version) =>
      why === "underived"
        ? `in ${version} ${field} follows from another profile field, which was cleared and is to be asked again`
        : why === "derived"
          ? `in ${version} ${field} follows from another profile field, and this value differed from it`
          : why === "unmapped"
            ? `in ${version} ${field} is chosen from a list, and this value is not one netdz knows`
            : `in ${version} this is no longer a valid value of ${field}`,
    pick: (text: Text) => text.en,
  },
};

const zh: MigrateMessages = {
  event(e) {
    switch (e.kind) {
      case "moved":
        return `${e.id} → ${e.to}：原样迁移（${e.version}）`;
      case "review":
        return `${e.id}：${e.version} 修改了题目措辞；答案保留并标记为待复核`;
      case "cleared":
        return `${e.movedFrom === undefined ? `${e.id}：` : `${e.movedFrom} → ${e.id}：已迁移，`}已清空并标记为待复核（${e.version}）：${
          "rescale" in e.why ? e.why.rescale.zh : e.why.misfit
        }；原答案（${e.old}）已写入备注`;
      case "retired":
        return `${e.id}：已在 ${e.version} 中删除${e.reason ? `（${e.reason.zh}）` : ""}；答案保存在 retired: 下`;
      case "profile-mapped":
        return `zone.${e.field}：${quoteZh(String(e.from))} → ${String(e.to)}（${e.version}）`;
      case "profile-derived":
        return `zone.${e.field}：${quoteZh(String(e.value))}已移除，该项现由 zone.${e.from} 确定（取值相同）（${e.version}）`;
      case "profile-cleared":
        return e.why === "underived"
          ? `zone.${e.field}：${quoteZh(String(e.value))}已移除，该项现由其他字段确定，而该字段已清空、将重新询问；原值保存在 retired: 下`
          : e.why === "derived"
            ? `zone.${e.field}：${quoteZh(String(e.value))}已移除，该项现由其他字段确定且与之不符；原值保存在 retired: 下`
            : `zone.${e.field}：${quoteZh(String(e.value))}已清空（${e.why === "unmapped" ? "无法识别的值" : "不再是有效取值"}），将重新询问；原值保存在 retired: 下`;
    }
  },
  carried: (n) => `${n} 个答案原样保留。`,
  nothingToDo: (file, v) => `${file} 已是最新版本 ${v}，无需迁移`,
  heading: (file, from, to) => `${file}：${from} → ${to}`,
  dryRun: "试运行：未写入任何文件。",
  wrote: (file) => `已写入 ${file}`,
  cannotWrite: (file, reason) => `无法写入 ${file}：${reason}`,
  cannotRead: (file, reason) => `无法读取 ${file}：${reason}`,
  keptBackup: (file) => `迁移前的文件已保存为 ${file}`,
  backupExists: (file) => `${file} 已存在；请先移走该文件或使用 --out FILE，以免覆盖先前的副本`,
  otherSet: (to, id) =>
    `--to ${to}：答卷使用的是评估清单 ${id}，migrate 只把答卷迁移到该清单的其他版本，不会迁移到另一份清单（请写 --to 版本号 或 --to ${id}@版本号）`,
  noIdBeforeAt: (to, id, version) =>
    `--to ${to}：@ 前面没有评估清单 id（请写 --to ${version} 或 --to ${id}@${version}）`,
  noVersionAfterAt: (to, id, available) =>
    `--to ${to}：@ 后面没有版本号（请写 --to ${id}@版本号；可用版本：${joinList(available, "zh")}）`,
  idAfterAt: (to, id, available) =>
    `--to ${to}：评估清单 id 应写在 @ 前面，版本号写在 @ 后面（请写 --to ${id}@版本号；可用版本：${joinList(available, "zh")}）`,
  manyAts: (to, meant) => `--to ${to}：评估清单 id 与版本号之间只写一个 @（--to ${meant}）`,
  outIsAnswers: (file) =>
    `--out ${file} 就是该答卷文件本身；如要就地迁移请不加 --out（原文件会另存一份副本）`,
  outExists: (file) => `${file} 已存在；如要覆盖请加 --force，或另选 --out 文件`,
  locked: (file, pid) =>
    `${file} 正在另一个会话中填写${pid !== undefined && pid > 0 ? `（进程 ${pid}）` : ""}，请先结束该会话再迁移。如确认没有其他 netdz 在运行，可删除 ${file}.lock 后重试`,
  lockUnreadable: (file, lockFile) =>
    `${file} 的锁文件 ${lockFile} 无法识别（其中没有 netdz 会话的进程号）。如确认没有 netdz 会话在处理 ${file}，可删除 ${lockFile} 后重试`,
  lockNotRegular: (file, lockFile) =>
    `${file} 的锁文件 ${lockFile} 不是普通文件（是命名管道、设备或文件夹），netdz 不会打开它。如确认没有 netdz 会话在处理 ${file}，请删除它（\`rm ${lockFile}\`；如是文件夹，用 \`rmdir ${lockFile}\`）后重试`,
  alreadyOn: (file, version) => `${file} 已使用 ${version}，无需迁移`,
  newerThan: (file, version, to) =>
    `${file} 使用的是 ${version}，比 ${to} 更新：migrate 只把答卷迁移到评估清单的更新版本，不会退回旧版本`,
  invalidBefore: (file) => `${file} 本身存在错误；请先修正以下问题再迁移（netdz validate ${file}）`,
  conflict: (file, id, from, set) =>
    `无法迁移 ${file}：在 ${set} 中，${joinList(from, "zh")} 的答案都会成为 ${id} 的答案，其中一个会丢失，文件也将无效。${set} 的 changes.yaml 把不止一个问题改到了 ${id}；对该评估清单运行 \`netdz validate\` 可查看位置。未写入任何文件`,
  noPath: (from, to, missing) =>
    `无法从 ${from} 迁移到 ${to}：${missing} 缺少可追溯到 ${from} 的 changes.yaml`,
  unavailable: (to, set, available) =>
    `--to ${to}：没有 ${set}@${to} 这一版本（可用版本：${joinList(available, "zh")}）`,
  setInvalid: (dir) => `${dir} 中的评估清单无效；请运行 \`netdz validate ${dir}\``,
  newerAvailable: (pinned, newest, command) =>
    `提示：此文件使用 ${pinned}；已有新版本 ${newest}（迁移命令：${command}）`,
  offerMigrate: (pinned, newest) =>
    `此文件使用 ${pinned}，已有新版本 ${newest}。是否先迁移（原文件会另存一份副本）？`,
  words: {
    oldAnswer: oldAnswerIn("zh"),
    clearedNote: (from, to, old, why) =>
      `[netdz migrate ${from} → ${to}] 原答案：${old}。清空原因：${why}。请重新作答。`,
    lang: "zh",
    retired: (reason, version) => reason?.zh ?? `${version} 中已无此题`,
    profileCleared: (field, why, version) =>
      why === "underived"
        ? `${version} 中 ${field} 由其他基本信息字段确定，而该字段已清空、将重新询问`
        : why === "derived"
          ? `${version} 中 ${field} 由其他基本信息字段确定，此值与之不符`
          : why === "unmapped"
            ? `${version} 中 ${field} 改为从列表中选择，无法识别此值`
            : `${version} 中此值已不是 ${field} 的有效取值`,
    pick: (text: Text) => text.zh,
  },
};

/** The migrate strings in one language. */
export function migrateMessages(lang: Lang): MigrateMessages {
  return lang === "zh" ? zh : en;
}

/** The help of `netdz migrate`. */
export interface MigrateHelp {
  description: string;
  answers: string;
  to: string;
  out: string;
  force: string;
  dryRun: string;
  after(file: string): string;
}

export const MIGRATE_HELP: Readonly<Record<Lang, MigrateHelp>> = {
  en: {
    description: "carry an answers file to a newer version of its measure set",
    answers: "answers file",
    to: "version to migrate to (default: the newest available)",
    out: "write the migrated file here instead of in place",
    force: "with --out, overwrite a file that already exists there",
    dryRun: "print what would happen and write nothing",
    after: (file) => `
Each version's changes.yaml is applied in turn. Answers that do not simply carry over are listed;
a cleared value is kept in the answer's note, a retired answer under retired:. In place, the file as
it was is kept beside it as <name>.<old version>.yaml.

Examples:
  $ netdz migrate ${file} --dry-run
  $ netdz migrate ${file}
  $ netdz migrate ${file} --to 1.1.0 --out migrated.yaml`,
  },
  zh: {
    description: "将答卷文件迁移到其评估清单的较新版本",
    answers: "答卷文件",
    to: "迁移到的版本（默认：可用的最新版本）",
    out: "将迁移后的文件写到此处，而不是原地改写",
    force: "与 --out 同用：覆盖该处已有的文件",
    dryRun: "只列出将发生的变化，不写入任何文件",
    after: (file) => `
依次应用各版本的 changes.yaml。不能原样保留的答案会逐条列出；被清空的答案写入该题的备注，被删除题目的答案保存在 retired: 下。原地迁移时，迁移前的文件另存为 <文件名>.<原版本>.yaml。

示例：
  $ netdz migrate ${file} --dry-run
  $ netdz migrate ${file}
  $ netdz migrate ${file} --to 1.1.0 --out migrated.yaml`,
  },
};
