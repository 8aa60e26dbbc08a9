/**
 * The answers file on disk while `netdz assess` runs: creating it, updating one answer or one zone
 * field at a time through the yaml Document API, writing every change atomically. A save changes
 * only the text of what changed (core/yaml-splice.ts): every other line stays byte for byte as it
 * was (flow style, spacing, quoting, comments, line ends, byte-order mark), nothing is folded. The edits themselves are pure (core/answers-yaml.ts); the lock that keeps a
 * second session away is in answers-lock.ts.
 */
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { Document, isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { composeYaml, MAX_DEPTH } from "../core/yaml-compose.js";
import { lineColumn } from "../core/yaml-source.js";
import {
  answersYamlText,
  putAnswer,
  putAssessorField,
  putZoneField,
} from "../core/answers-yaml.js";
import type { Answer, AnswersFile, Lang, ProfileValue } from "../core/model.js";
import { ANSWERS_FORMAT } from "../core/model.js";
import { normaliseAnswers } from "./answers-loader.js";
import { makeFolder, writeFileAtomic, WriteFileError } from "./atomic-write.js";
import { MAX_EDIT_BYTES, readTextFile, type TextRead } from "./read-file.js";
import { sizeOverLimit } from "../render/file-size.js";
import { editedText } from "../core/edited-text.js";
import { fileMessages } from "../i18n/file-messages.js";
import { DataError } from "../errors.js";
import { schemaModeline } from "./schema-modeline.js";

/** The comment lines every answers file netdz writes starts with (see fs/schema-modeline.ts). */
export function schemaComment(answersFile: string, lang?: Lang): string {
  return schemaModeline(answersFile, lang).join("\n");
}

/** What a new answers file starts with. */
export interface NewAnswersFile {
  measureSet: { id: string; version: string };
  zone?: Record<string, ProfileValue>;
  assessor?: { name?: string; role?: string };
  /** Comment lines the user had written in the file (a file of comments only), kept at its top. */
  comments?: string;
  /** The language of the header comment (the session's, as `init --lang` writes it). */
  lang?: Lang;
}

/** The text of a new answers file: schema line, format, measureSet, zone, assessor, answers. */
export function newAnswersText(answersFile: string, content: NewAnswersFile): string {
  const doc = new Document({
    format: ANSWERS_FORMAT,
    measureSet: { id: content.measureSet.id, version: content.measureSet.version },
    zone: content.zone ?? {},
    ...(content.assessor && Object.keys(content.assessor).length > 0
      ? { assessor: content.assessor }
      : {}),
    answers: {},
  });
  const root = doc.contents;
  const first = isMap(root) ? root.items[0] : undefined;
  if (first && isScalar(first.key)) {
    first.key.commentBefore = schemaModeline(answersFile, content.lang)
      .map((line) => line.slice(1))
      .join("\n");
  }
  const measureSet = doc.get("measureSet", true);
  if (isMap(measureSet)) measureSet.flow = true;
  const text = answersYamlText(doc);
  return content.comments ? `${content.comments}\n${text}` : text;
}

/** The answers file was changed outside the session and can no longer be read. */
/** A save refused before anything was written: the file would pass the edit limit. */
export class SaveTooLargeError extends WriteFileError {}

export class ExternalEditError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file} was changed outside this session and no longer reads as YAML (${reason})`);
    this.name = "ExternalEditError";
  }
}

/**
 * An answers file held in memory as a yaml Document; every change is written to disk at once.
 * Callers hold the lock.
 */
export class AnswersStore {
  private cache: AnswersFile | undefined;

  private constructor(
    readonly file: string,
    private doc: Document,
    /** The file's text as last read or written (without its BOM), to notice outside edits. */
    private text: string,
    /** The file starts with a UTF-8 byte-order mark, kept on every save. */
    private bom = false,
    private readonly lang: Lang = "en",
  ) {}

  /** Reads an existing answers file. */
  static async open(file: string, lang: Lang = "en"): Promise<AnswersStore> {
    const read = readTextFile(file, file, lang);
    if (!read.ok) throw new DataError(read.problem.message, [read.problem]);
    const text = read.text;
    const composed = composeYaml(text, { uniqueKeys: true });
    if (composed.doc === undefined) {
      const message = fileMessages(lang).tooDeep(MAX_DEPTH);
      const at = lineColumn(text, composed.tooDeep.offset);
      const problem = { file, ...at, severity: "error" as const, code: "yaml/too-deep", message };
      throw new DataError(message, [problem]);
    }
    return new AnswersStore(file, composed.doc, text, startsWithBom(read.bytes), lang);
  }

  /** Creates a new answers file (atomically) and returns its store. */
  static async create(file: string, content: NewAnswersFile): Promise<AnswersStore> {
    await makeFolder(path.dirname(file));
    const text = newAnswersText(file, content);
    await writeFileAtomic(file, text);
    return new AnswersStore(file, parseDocument(text, { uniqueKeys: true }), text);
  }

  /** The file's content as plain data (empty zone and answers filled in). */
  get data(): AnswersFile {
    this.cache ??= normaliseAnswers(this.doc.toJS() as AnswersFile);
    return this.cache;
  }

  /** The current text of the file (as last read or written, without a byte-order mark). */
  toString(): string {
    return this.text;
  }

  /** Sets (or, with undefined, removes) one answer and writes the file. */
  async setAnswer(questionId: string, answer: Answer | undefined): Promise<void> {
    await this.reloadIfEditedElsewhere();
    // An answer confirmed unchanged (in --review) is not written: the file stays as it is.
    const entries = this.data.answers as Record<string, Answer | undefined> | undefined;
    if (isDeepStrictEqual(entries?.[questionId], answer)) return;
    putAnswer(this.doc, questionId, answer);
    await this.save();
  }

  /** Sets one zone profile field and writes the file (not when the field already has the value). */
  async setZone(field: string, value: ProfileValue): Promise<void> {
    await this.reloadIfEditedElsewhere();
    if (isDeepStrictEqual(this.data.zone[field], value)) return;
    putZoneField(this.doc, field, value);
    await this.save();
  }

  /** Sets (or, when empty, removes) one assessor field and writes the file. */
  async setAssessor(field: "name" | "role", value: string): Promise<void> {
    await this.reloadIfEditedElsewhere();
    if (putAssessorField(this.doc, field, value)) await this.save();
  }

  /**
   * Someone may edit the file by hand while a session runs (a note added in an editor): start
   * from what is on disk then, so their edit is kept. A file that no longer parses is left alone.
   */
  async reloadIfEditedElsewhere(): Promise<void> {
    const read = readOnDisk(this.file);
    if (read === undefined) return;
    if (!read.ok) throw new ExternalEditError(this.file, read.problem.message);
    const onDisk = read.text;
    if (onDisk === this.text) return;
    const lineCounter = new LineCounter();
    const { doc } = composeYaml(onDisk, { uniqueKeys: true, lineCounter });
    if (doc === undefined)
      throw new ExternalEditError(this.file, fileMessages(this.lang).tooDeep(MAX_DEPTH));
    if (doc.errors.length > 0 || !isMap(doc.contents)) {
      // The first line of the parser's message, and where it is.
      const error = doc.errors[0];
      const at = error === undefined ? undefined : lineCounter.linePos(error.pos[0]);
      const reason =
        error === undefined || at === undefined
          ? undefined
          : `${error.message.split("\n")[0]?.replace(/:\s*$/, "")} at line ${at.line}, column ${at.col}`;
      throw new ExternalEditError(this.file, reason ?? "not a YAML map");
    }
    this.doc = doc;
    this.text = onDisk;
    this.bom = startsWithBom(read.bytes);
    this.cache = undefined;
  }

  /**
   * Writes the change as core/edited-text.ts says: the file's text with only what changed replaced
   * (a JSON file stays JSON); where that cannot be done, the whole Document, unfolded, in the
   * file's line endings. A save
   * that would make the file larger than netdz changes is refused before anything is written,
   * so a file that could be read is never turned into one that cannot.
   */
  private async save(): Promise<void> {
    this.cache = undefined;
    const before = parseDocument(this.text, { uniqueKeys: true });
    const text = editedText(this.text, before, this.doc);
    const bytes = Buffer.byteLength(text, "utf8") + (this.bom ? 3 : 0);
    if (bytes > MAX_EDIT_BYTES && bytes > Buffer.byteLength(this.text, "utf8")) {
      // In bytes where the rounded size would read as the limit itself (1,048,606 is "1.0 MB").
      const words = sizeOverLimit(bytes, MAX_EDIT_BYTES, this.lang);
      const reason = fileMessages(this.lang).wouldBeTooLarge(words.size, words.limit);
      // The Document goes back to what is on disk: the refused change is not kept in memory.
      this.doc = before;
      throw new SaveTooLargeError(this.file, reason, undefined, this.lang);
    }
    try {
      await writeFileAtomic(this.file, this.bom ? `\uFEFF${text}` : text, { lang: this.lang });
    } catch (error) {
      // Not written: the Document goes back to what was written last, as for a refused save.
      this.doc = before;
      throw error;
    }
    this.text = text;
  }
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The file as now on disk (strict UTF-8), or undefined when it cannot be read at all. */
function readOnDisk(file: string): TextRead | undefined {
  try {
    return readTextFile(file, file);
  } catch {
    return undefined;
  }
}
