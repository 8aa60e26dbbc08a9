/**
 * The words of choosing a command's output format from `--format` and `--out` (report,
 * aggregate and diff alike; see chooseFormat in render/reporters.ts).
 */
import type { Lang } from "../core/model.js";
import { joinList } from "./quote.js";

export interface OutFormatMessages {
  /** `--format` given, and `--out`'s extension names another of the command's formats. */
  conflict(format: string, out: string, named: string, extension: string): string;
  /**
   * No `--format`, and `--out`'s extension is that of a format netdz writes but this command
   * does not (`extensions`: the command's own; `fallback`: the format it writes by default).
   */
  foreign(out: string, extension: string, extensions: readonly string[], fallback: string): string;
  /** `--format`'s default in `--help`. */
  formatDefault(fallback: string): string;
}

export const OUT_FORMAT_MESSAGES: Readonly<Record<Lang, OutFormatMessages>> = {
  en: {
    conflict: (format, out, named, extension) =>
      `--format ${format} does not match --out ${out}, whose extension names the ${named} format: leave out --format, or give --out a name ending in .${extension}`,
    foreign: (out, extension, extensions, fallback) =>
      `--out ${out}: this command does not write .${extension} files (it writes ${joinList(extensions, "en")}); give --out a name with one of those extensions, or add --format ${fallback} to write ${fallback} to that name`,
    formatDefault: (fallback) => `the format --out's extension names, else ${fallback}`,
  },
  zh: {
    conflict: (format, out, named, extension) =>
      `--format ${format} 与 --out ${out} 不符：该文件的扩展名对应 ${named} 格式；请去掉 --format，或让 --out 的文件名以 .${extension} 结尾`,
    foreign: (out, extension, extensions, fallback) =>
      `--out ${out}：此命令不输出 .${extension} 文件（可输出 ${joinList(extensions, "zh")}）；请改用其中一种扩展名，或加上 --format ${fallback}，以该文件名输出 ${fallback}`,
    formatDefault: (fallback) => `按 --out 文件的扩展名确定格式，否则为 ${fallback}`,
  },
};
