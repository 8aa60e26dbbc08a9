import type { Lang } from "../core/model.js";

/** The interface language: `--lang` when given, else zh when LC_ALL / LC_MESSAGES / LANG start with zh. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === "en" || flag === "zh") return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh([_.-]|$)/i.test(locale) ? "zh" : "en";
}
