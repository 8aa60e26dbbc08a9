/**
 * The words of choosing a command's output format from `--format` and `--out` (report,
 * aggregate and diff alike; see chooseFormat in render/reporters.ts).
 */
import type { Lang } from "../core/model.js";

export interface OutFormatMessages {
  /** `--format` given, and `--out`'s extension names another of the command's formats. */
  conflict(format: string, out: string, named: string, extension: string): string;
  /** `--format`'s default in `--help`. */
  formatDefault(fallback: string): string;
}

export const OUT_FORMAT_MESSAGES: Readonly<Record<Lang, OutFormatMessages>> = {
  en: {
    conflict: (format, out, named, extension) =>
      `--format ${format} does not match --out ${out}, whose extension names the ${named} format: leave out --format, or give --out a name ending in .${extension}`,
    formatDefault: (fallback) => `the format --out's extension names, else ${fallback}`,
  },
  zh: {
    conflict: (format, out, named, extension) =>
      `--format ${format} 与 --out ${out} 不符：该文件的扩展名对应 ${named} 格式；请去掉 --format，或让 --out 的文件名以 .${extension} 结尾`,
    formatDefault: (fallback) => `按 --out 文件的扩展名确定格式，否则为 ${fallback}`,
  },
};
