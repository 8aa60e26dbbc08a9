/** The errors of finding and loading measure sets and answers files, in English and Chinese. */
import type { Lang } from "../core/model.js";
import { joinList, quoteZh } from "./quote.js";

export interface WorkspaceMessages {
  setRefSyntax(text: string): string;
  noSets(dir: string): string;
  setNotFound(id: string, listing: readonly string[]): string;
  versionMissing(ref: string, listing: readonly string[]): string;
  setInvalid(dir: string): string;
  fileInvalid(file: string): string;
  measuresUnreadable(dir: string, reason: string): string;
  measuresNotFolder(dir: string): string;
}

const en: WorkspaceMessages = {
  setRefSyntax: (text) => `--set ${text}: expected ID or ID@VERSION, e.g. workplan-2025@1.0.0`,
  noSets: (dir) => `no measure sets found in ${dir}`,
  setNotFound: (id, listing) =>
    `measure set "${id}" not found (available: ${joinList(listing, "en")})`,
  versionMissing: (ref, listing) =>
    `measure set ${ref} is not available (available: ${joinList(listing, "en")}); use --measures DIR to point at a folder that has it`,
  setInvalid: (dir) => `the measure set in ${dir} is invalid; run \`netdz validate ${dir}\``,
  fileInvalid: (file) => `${file} is invalid`,
  measuresUnreadable: (dir, reason) => `--measures ${dir}: ${reason}`,
  measuresNotFolder: (dir) => `--measures ${dir}: not a folder`,
};

const zh: WorkspaceMessages = {
  setRefSyntax: (text) => `--set ${text}：应写作 ID 或 ID@版本，例如 workplan-2025@1.0.0`,
  noSets: (dir) => `${dir} 中没有找到评估清单`,
  setNotFound: (id, listing) =>
    `没有找到评估清单${quoteZh(id)}（可用：${joinList(listing, "zh")}）`,
  versionMissing: (ref, listing) =>
    `评估清单 ${ref} 不可用（可用：${joinList(listing, "zh")}）；请用 --measures DIR 指向包含它的文件夹`,
  setInvalid: (dir) => `${dir} 中的评估清单无效；请运行 \`netdz validate ${dir}\``,
  fileInvalid: (file) => `${file} 无效`,
  measuresUnreadable: (dir, reason) => `--measures ${dir}：${reason}`,
  measuresNotFolder: (dir) => `--measures ${dir}：不是文件夹`,
};

export function workspaceMessages(lang: Lang = "en"): WorkspaceMessages {
  return lang === "zh" ? zh : en;
}
