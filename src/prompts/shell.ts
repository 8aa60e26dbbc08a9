/** Commands shown to the user to copy: words quoted for a POSIX shell where needed. */

/** Quotes a word for a POSIX shell when it needs it (spaces, quotes, `$`, …). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A path quoted as a command's word (shellQuote): one starting with `-` is written `./-…`, so
 * that no command takes it for an option.
 */
export function shellPath(file: string): string {
  return shellQuote(file.startsWith("-") ? `./${file}` : file);
}
