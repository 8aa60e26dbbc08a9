import { LANGS, type Lang } from "../core/model.js";

/** Whether a value names one of the interface languages. */
export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

/** The interface language: `--lang` when given, else zh when LC_ALL / LC_MESSAGES / LANG start with zh. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (isLang(flag)) return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^zh([_.-]|$)/i.test(locale) ? "zh" : "en";
}

/**
 * The language of a whole command line, known before it is parsed (help and option errors are
 * printed while parsing): the last valid `--lang X` / `--lang=X` anywhere before `--`, else the
 * locale.
 */
export function langOfArgv(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  let flag: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") break;
    const value =
      arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (isLang(value)) flag = value;
  }
  return resolveLang(flag, env);
}
