/**
 * What netdz says about files it reads and writes, in English and Simplified Chinese: why a file
 * cannot be read or written (in words, never a raw error code or a temporary file's name), text
 * that is not UTF-8, YAML beyond the resource limits, and merge-conflict markers.
 */
import type { Lang } from "../core/model.js";

/** Why a file operation failed, as a short phrase (no path). */
export type FsReason =
  | "missing"
  | "denied"
  | "isFolder"
  | "notFolder"
  | "linkLoop"
  | "nameTooLong"
  | "notRegular"
  | "blockDevice"
  | "fifoNoReader"
  | "noSpace"
  | "notOpenForWriting"
  | "readOnly"
  | "busy"
  | "pipeClosed"
  | "tooManyOpen"
  | "ioError"
  | "other";

export interface FileMessages {
  reasons: Record<FsReason, string>;
  /** A system error netdz has no words for: its code only. */
  otherReason(code: string): string;
  cannotRead(file: string, reason: string): string;
  /** A folder searched for files that cannot be listed (no permission, gone meanwhile). */
  cannotReadFolder(folder: string, reason: string): string;
  cannotWrite(file: string, reason: string): string;
  /** Standard output refused what netdz wrote to it. */
  cannotWriteStdout(reason: string): string;
  /** The first line of a not-UTF-8 error; `encoding` is undefined when netdz cannot tell. */
  notUtf8(encoding: string | undefined, convert: string): string;
  /** UTF-8 with bytes at `places` places that are not UTF-8 (cut off at the end, or stray bytes). */
  damagedUtf8(places: number, dropBad: string): string;
  /** Sizes (here and below) are in words with their unit: see render/file-size.ts. */
  tooLarge(size: string, limit: string): string;
  /** A size in MB (1,048,576 bytes): `mb` is the number, `11.0` or `10`. */
  sizeMb(mb: string): string;
  /** A size in bytes, where one decimal of MB would not tell it from the limit. */
  exactSize(bytes: string): string;
  /** A file above the size `assess` and `migrate` change (`validate` and `report` still read it). */
  tooLargeToEdit(command: string, size: string, limit: string, readLimit: string): string;
  /**
   * A save refused before writing: the file would grow past the size netdz changes. Whether or
   * not text was just typed, the advice fits.
   */
  wouldBeTooLarge(size: string, limit: string): string;
  /** A limit in bytes, with its size in MB (`sizeMb`). */
  limitInBytes(bytes: string, size: string): string;
  tooManyAliases(limit: number): string;
  /** More YAML entries (mapping entries and list items) than netdz reads in one file. */
  tooManyEntries(limit: number): string;
  /** A YAML alias `*name` with no anchor `&name` before it. */
  undefinedAlias(name: string): string;
  /** A YAML tag netdz does not read (`!!binary`, `!foo`). */
  unsupportedTag(tag: string): string;
  /** A mapping key that is a list or a mapping (`? [a, b]`). */
  complexKey: string;
  /** A YAML merge key `<<`. */
  mergeKey: string;
  /** A YAML alias `*name` used as a mapping key (it would repeat the key it stands for). */
  aliasKey(name: string): string;
  /** A `\u` or `\U` escape in double-quoted text that gives half a UTF-16 pair (U+D800–U+DFFF). */
  loneSurrogate(escape: string): string;
  tooDeep(limit: number): string;
  /** YAML that no parser could read within its limits (e.g. nested beyond the stack). */
  unparsable: string;
  conflictMarkers: string;
  /** A control character YAML does not allow, by its code point. */
  controlCharacter(codePoint: number): string;
  /** A `//` or `/*` comment (JSON with comments), which YAML reads as part of a key. */
  jsComment(written: string): string;
  /** After the first `shown` problems of one file. */
  /** `atLeast`: checking the file stopped early, so `more` is a lower bound. */
  moreProblems(file: string, more: number, atLeast?: boolean): string;
  /** Why netdz refuses to overwrite text that is not UTF-8 (a reason, no path). */
  wouldDestroy(encoding: string | undefined): string;
  /** Why a read-only file is not replaced. */
  readOnly: string;
  /** `option` (--out, --answers) was given an empty path. */
  pathEmpty(option: string): string;
  /** A path argument (a file or folder to read) was given empty. */
  argumentEmpty: string;
  /** `option` was given a path that names a folder by its form (ends in "/", ".", ".."). */
  pathNamesFolder(option: string, given: string, file: string | undefined): string;
  /** An existing folder given where a file is written, with a file inside it to give instead. */
  folderGiveFile(option: string, given: string, file: string): string;
}

const en: FileMessages = {
  reasons: {
    missing: "no such file or folder",
    denied: "permission denied",
    isFolder: "it is a folder, not a file",
    notFolder: "a part of the path is not a folder",
    linkLoop: "the symbolic links in its path form a loop",
    nameTooLong: "the path is too long",
    notRegular: "not a regular file (a pipe, socket or device)",
    blockDevice: "it is a block device (a disk), which netdz never writes to",
    fifoNoReader: "it is a named pipe (FIFO) and nothing is reading from it",
    noSpace: "no space left on the disk",
    notOpenForWriting: "it is not open for writing",
    readOnly: "the file system is read-only",
    busy: "the file is busy",
    pipeClosed: "the program reading from the pipe closed it before everything was written",
    tooManyOpen: "too many files are open",
    ioError: "the disk reported an input/output error",
    other: "the system refused",
  },
  otherReason: (code) => `the system refused (${code})`,
  cannotRead: (file, reason) => `cannot read ${file}: ${reason}`,
  cannotReadFolder: (folder, reason) =>
    `cannot read the folder ${folder}: ${reason}; the files in it are not checked`,
  cannotWrite: (file, reason) => `cannot write ${file}: ${reason}`,
  cannotWriteStdout: (reason) => `cannot write to standard output: ${reason}`,
  notUtf8: (encoding, convert) =>
    `the file is not UTF-8 text${encoding ? ` (it looks like ${encoding})` : " (unknown encoding)"}; its first invalid byte is here. ` +
    `Convert it to UTF-8: ${convert}, or open it in Notepad or WPS and choose "Save as" with the encoding UTF-8`,
  damagedUtf8: (places, dropBad) =>
    `the file is damaged UTF-8 text: its bytes are not UTF-8 at ${places === 1 ? "one place" : `${places} places`} ` +
    "(a character cut off, as in a file cut short, or bytes from another encoding), the first one here. " +
    `Retype the text there from a good copy, or drop the damaged bytes: ${dropBad}`,
  tooLarge: (size, limit) =>
    `the file is ${size}, more than the ${limit} netdz reads; it was not read`,
  sizeMb: (mb) => `${mb} MB`,
  exactSize: (bytes) => `${bytes} bytes`,
  tooLargeToEdit: (command, size, limit, readLimit) =>
    `the file is ${size}, more than the ${limit} that netdz ${command} changes; it was not changed. ` +
    `Shorten its longest notes or texts (validate and report still read files up to ${readLimit})`,
  wouldBeTooLarge: (size, limit) =>
    `the file would be ${size}, more than the ${limit} netdz changes, so it was not written; the file is already close to that size: make room by shortening its longest notes or texts (in an editor), or keep this change shorter`,
  limitInBytes: (bytes, size) => `${bytes} bytes (${size})`,
  tooManyAliases: (limit) =>
    `the YAML aliases (*name) in the file repeat more values than the file holds, plus ${limit.toLocaleString("en")}, more than netdz reads; write the values out`,
  tooManyEntries: (limit) =>
    `the file holds more than ${limit.toLocaleString("en")} YAML entries (mapping entries and list items), the most netdz reads in one file (a netdz file has a few thousand); this is where the limit is passed, and the file was not read`,
  undefinedAlias: (name) =>
    `the YAML alias *${name} is not defined: no anchor &${name} stands before it; write the value out or add the anchor`,
  unsupportedTag: (tag) =>
    `the YAML tag ${tag} is not supported: netdz reads only text, numbers, true/false, lists and mappings; remove the tag and write the value plainly`,
  complexKey:
    "a key must be a single value (a name or a question id), not a list or mapping; write the key plainly",
  mergeKey: "YAML merge keys (<<) are not supported; write the fields out in this mapping",
  aliasKey: (name) =>
    `an alias (${name}) cannot be used as a key: write the key itself (an alias key repeats another key, and one of the two answers would be lost)`,
  loneSurrogate: (escape) =>
    `the escape ${escape} stands for half of a character (a UTF-16 surrogate, U+D800 to U+DFFF), which is not text; write the character itself, or its whole code as \\U0001F600`,
  tooDeep: (limit) =>
    `the YAML is nested more than ${limit} levels deep here, which netdz does not read`,
  unparsable: "the YAML is nested too deeply or is too complex to read",
  conflictMarkers:
    "the file contains merge-conflict markers (<<<<<<<, =======, >>>>>>>) from git, the first one here; keep one side of each conflict and delete the marker lines",
  jsComment: (written) =>
    `${written} starts a comment in JavaScript, not in YAML or JSON, so it is read here as part of a key; write the comment after a # (the file is then YAML, not JSON), or delete it`,
  controlCharacter: (code) =>
    `the file contains the control character ${controlName(code, "en")} here, which YAML does not allow (often a byte of another file or program); delete it`,
  moreProblems: (file, more, atLeast) =>
    `${file}: … and ${atLeast ? "at least " : ""}${more} more ${more === 1 && !atLeast ? "problem" : "problems"}`,
  wouldDestroy: (encoding) =>
    `it is not UTF-8 text${encoding === "UTF-8" ? " (it is UTF-8 damaged in places)" : encoding ? ` (it looks like ${encoding})` : ""} and netdz does not overwrite it, so its text is not destroyed; convert it to UTF-8 first or choose another file`,
  readOnly:
    "it is read-only, and netdz does not replace a read-only file; make it writable (chmod u+w) or choose another file",
  pathEmpty: (option) => `${option} was given an empty path: give the path of a file`,
  argumentEmpty: 'an empty path ("") was given: give the path of a file or folder',
  pathNamesFolder: (option, given, file) =>
    `${option} ${given} names a folder (a path ending in "/", "." or ".." is one), not a file: give the path of a file${file ? `, such as ${file}` : ""}`,
  folderGiveFile: (option, given, file) =>
    `${option} ${given} is a folder, not a file: give the path of a file in it, such as ${file}`,
};

const zh: FileMessages = {
  reasons: {
    missing: "文件或文件夹不存在",
    denied: "没有权限",
    isFolder: "这是文件夹，不是文件",
    notFolder: "路径中的某一部分不是文件夹",
    linkLoop: "路径中的符号链接构成了循环",
    nameTooLong: "路径过长",
    notRegular: "不是普通文件（而是管道、套接字或设备）",
    blockDevice: "这是块设备（磁盘），netdz 从不写入",
    fifoNoReader: "这是命名管道（FIFO），且没有程序在读取它",
    noSpace: "磁盘空间不足",
    notOpenForWriting: "它未以写入方式打开",
    readOnly: "文件系统为只读",
    busy: "文件正被占用",
    pipeClosed: "读取该管道的程序在内容全部写完之前关闭了管道",
    tooManyOpen: "打开的文件过多",
    ioError: "磁盘报告了输入/输出错误",
    other: "系统拒绝了该操作",
  },
  otherReason: (code) => `系统拒绝了该操作（${code}）`,
  cannotRead: (file, reason) => `无法读取 ${file}：${reason}`,
  cannotReadFolder: (folder, reason) => `无法读取文件夹 ${folder}：${reason}；其中的文件未检查`,
  cannotWrite: (file, reason) => `无法写入 ${file}：${reason}`,
  cannotWriteStdout: (reason) => `无法写入标准输出：${reason}`,
  notUtf8: (encoding, convert) =>
    `该文件不是 UTF-8 文本${encoding ? `（看起来是 ${encoding}）` : "（编码未知）"}，第一个无效字节在此处。` +
    `请转换为 UTF-8：${convert}；或用记事本或 WPS 打开，选择“另存为”，编码选 UTF-8`,
  damagedUtf8: (places, dropBad) =>
    `该文件是已损坏的 UTF-8 文本：有 ${places} 处字节不是 UTF-8（字符被截断，例如文件被截短，或混入了其他编码的字节），第一处在此处。` +
    `请从完好的副本重新输入此处文字，或删去损坏的字节：${dropBad}`,
  tooLarge: (size, limit) => `该文件有 ${size}，超过 netdz 读取的上限 ${limit}，未读取`,
  sizeMb: (mb) => `${mb} MB`,
  exactSize: (bytes) => `${bytes} 字节`,
  tooLargeToEdit: (command, size, limit, readLimit) =>
    `该文件有 ${size}，超过 netdz ${command} 可修改的上限 ${limit}，未作任何修改。` +
    `请缩短其中最长的备注或文字（validate 和 report 仍可读取不超过 ${readLimit} 的文件）`,
  wouldBeTooLarge: (size, limit) =>
    `保存后文件将有 ${size}，超过 netdz 可修改的上限 ${limit}，因此未写入；文件已接近上限：请在编辑器中缩短其中最长的备注或文字以腾出空间，或把这次修改写得更短`,
  limitInBytes: (bytes, size) => `${bytes} 字节（${size}）`,
  tooManyAliases: (limit) =>
    `该文件中的 YAML 别名（*名称）重复的值超过文件本身所含的值再加 ${limit.toLocaleString("en")} 个，超出 netdz 的读取上限；请直接写出取值`,
  tooManyEntries: (limit) =>
    `该文件的 YAML 条目（映射项和列表项）超过 ${limit.toLocaleString("en")} 个，超出 netdz 对单个文件的读取上限（netdz 文件通常只有几千个条目）；此处超出上限，文件未读取`,
  undefinedAlias: (name) =>
    `YAML 别名 *${name} 未定义：它前面没有锚点 &${name}；请直接写出取值或添加锚点`,
  unsupportedTag: (tag) =>
    `不支持 YAML 标签 ${tag}：netdz 只读取文本、数字、true/false、列表和映射；请删去标签，直接写出取值`,
  complexKey: "键必须是单个值（名称或题号），不能是列表或映射；请直接写出键",
  mergeKey: "不支持 YAML 合并键（<<）；请在此映射中逐项写出字段",
  aliasKey: (name) =>
    `别名（${name}）不能用作键：请直接写出键本身（别名作键会重复另一个键，其中一个答案将丢失）`,
  loneSurrogate: (escape) =>
    `转义 ${escape} 只表示半个字符（UTF-16 代理项，U+D800 至 U+DFFF），不是有效文字；请直接写出该字符，或写出完整编码，如 \\U0001F600`,
  tooDeep: (limit) => `此处 YAML 嵌套超过 ${limit} 层，netdz 不予读取`,
  unparsable: "YAML 嵌套过深或过于复杂，无法读取",
  conflictMarkers:
    "该文件含有 git 合并冲突标记（<<<<<<<、=======、>>>>>>>），第一个在此处；请保留每处冲突的一方并删除标记行",
  jsComment: (written) =>
    `${written} 是 JavaScript 的注释写法，YAML 和 JSON 都不认，此处会被读成键名的一部分；请改用 # 开头的注释（文件即为 YAML 而非 JSON），或删除它`,
  controlCharacter: (code) =>
    `该文件此处含有控制字符 ${controlName(code, "zh")}，YAML 不允许使用（通常来自其他文件或程序的字节）；请删除它`,
  moreProblems: (file, more, atLeast) => `${file}：……另有${atLeast ? "至少" : ""} ${more} 个问题`,
  wouldDestroy: (encoding) =>
    `它不是 UTF-8 文本${encoding === "UTF-8" ? "（是部分损坏的 UTF-8）" : encoding ? `（看起来是 ${encoding}）` : ""}，为免破坏其中文字，netdz 不覆盖它；请先转换为 UTF-8，或另选文件`,
  readOnly: "该文件为只读，netdz 不替换只读文件；请先使其可写（chmod u+w），或另选文件",
  pathEmpty: (option) => `${option} 给出的路径为空：请给出文件的路径`,
  argumentEmpty: '给出的路径为空（""）：请给出文件或文件夹的路径',
  pathNamesFolder: (option, given, file) =>
    `${option} ${given} 指的是文件夹（以“/”“.”或“..”结尾的路径即为文件夹），不是文件：请给出文件的路径${file ? `，例如 ${file}` : ""}`,
  folderGiveFile: (option, given, file) =>
    `${option} ${given} 是文件夹，不是文件：请给出其中文件的路径，例如 ${file}`,
};

/** Names of the control characters met most often in text files. */
const CONTROL_NAMES: Readonly<Record<number, string>> = {
  0x00: "NUL",
  0x07: "BEL",
  0x08: "BS",
  0x0b: "VT",
  0x0c: "FF",
  0x1a: "SUB",
  0x1b: "ESC",
  0x7f: "DEL",
};

/** `U+0000 (NUL)`, or `U+0001` for one without a common name. */
function controlName(code: number, lang: Lang): string {
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CONTROL_NAMES[code];
  if (name === undefined) return hex;
  return lang === "zh" ? `${hex}（${name}）` : `${hex} (${name})`;
}

export function fileMessages(lang: Lang = "en"): FileMessages {
  return lang === "zh" ? zh : en;
}
