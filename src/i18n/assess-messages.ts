/**
 * Every interface string of `netdz assess` and `netdz init`, in English and Simplified Chinese:
 * screens, menus, statuses, prompts, summaries, errors and the comments `init` writes.
 * Measure content (titles, questions, guidance) comes from the measure set, not from here.
 */
import type { Lang, Status } from "../core/model.js";
import { numberBoundsWords } from "./number-bounds.js";
import { STATUS_LABELS } from "./status-labels.js";
import { LIST_SEPARATORS, quoteZh } from "./quote.js";

/** The strings of `netdz assess` and `netdz init` in one language. */
export interface AssessMessages {
  lang: Lang;
  /** Between items of an inline list. */
  listSeparator: string;
  /** Between an answer and its details (evidence count). */
  detailSeparator: string;
  yes: string;
  no: string;
  statuses: Record<Status, string>;
  /** Appended to the choice that holds the current answer. */
  current: string;
  errors: {
    noTty(initCommand: string): string;
    noTtyExisting(file: string, validateCommand: string): string;
    /** `lockFile`: the lock file that is there (through a link, the one beside the real file). */
    locked(file: string, pid: number | undefined, lockFile: string): string;
    lockUnreadable(file: string, lockFile: string): string;
    /** The answers file has other names (hard links), which a save would split from it. */
    hardLinked(file: string, names: number): string;
    /** The lock path is a pipe, device, socket or folder: never opened, never waited on. */
    lockNotRegular(file: string, lockFile: string): string;
    setMismatch(file: string, pinned: string, requested: string): string;
    /** --set names a newer version of the file's set: migrate first. */
    setNewer(file: string, pinned: string, requested: string, migrate: string): string;
    invalidFile(file: string, validateCommand: string): string;
    cannotWrite(file: string, reason: string): string;
    editedElsewhere(file: string, reason: string, resume: string): string;
  };
  start: {
    creating(file: string, set: string): string;
    resuming(file: string, set: string, done: number, total: number): string;
    reviewing(file: string, set: string): string;
    /** Followed by the command that reviews them, on a line of its own. */
    allDone(total: number): string;
    warnings(count: number, validateCommand: string): string;
  };
  profile: {
    heading: string;
    intro: string;
    editHeading: string;
    required: string;
    optional: string;
    assessorName: string;
    assessorRole: string;
    saved(count: number): string;
    /** After editing the profile without changing anything (nothing written). */
    unchanged: string;
    notApplicableCount(count: number): string;
  };
  screen: {
    position(area: string, measure: string, question: string): string;
    counter(n: number, of: number): string;
    progress(done: number, total: number, percent: number): string;
    plan: string;
    guidance: string;
    evidenceHint: string;
    /** `target` already carries its unit. */
    target(target: string, direction: "higher" | "lower"): string;
    prompt: string;
    answered(summary: string): string;
    marked: string;
  };
  choices: {
    enterNumber(unit: string, current?: string): string;
    enterText(current?: string): string;
    chooseOptions(current?: string): string;
    back: string;
    skip: string;
    markReview: string;
    unmarkReview: string;
    showGuidance: string;
    hideGuidance: string;
    note(hasNote: boolean): string;
    /** The entry that sets who closes the gap and by when. */
    action(hasAction: boolean): string;
    menu: string;
    descriptions: {
      back: string;
      skip: string;
      markReview: string;
      note: string;
      action: string;
      menu: string;
      unknown: string;
      notApplicable: string;
    };
  };
  input: {
    number(unit: string): string;
    numberInvalid: string;
    /** The question's bounds, when a number falls outside them or is not whole. */
    numberOutOfBounds(min: number, max: number | undefined, integer: boolean): string;
    /** A number that would not be saved as exactly the number typed. */
    numberNotExact(typed: string, digits: number): string;
    emptyGoesBack: string;
    text: string;
    multi: string;
    noneSelected: string;
    evidenceIntro(hint: string): string;
    evidenceItem(n: number): string;
    evidenceExisting(count: number): string;
    evidenceKeep: string;
    evidenceAdd: string;
    evidenceReplace: string;
    naNote(id: string): string;
    naNoteRequired: string;
    note(id: string): string;
    /** Asked once after an answer that leaves a gap. */
    actionOffer(id: string): string;
    /** `current` is the value the entry has: Enter keeps it, "-" removes it. */
    owner(id: string, current: string | undefined): string;
    due(id: string, current: string | undefined): string;
    dueInvalid: string;
    /** A date of the right form that is no day of the calendar (2026-02-30). */
    dueNotADay(due: string): string;
  };
  notices: {
    saved(id: string, answer: string): string;
    /** An answer confirmed as it was: nothing written. */
    kept(id: string, answer: string): string;
    evidenceCount(count: number): string;
    missingEvidence(id: string): string;
    markedForReview(id: string): string;
    stillMarkedForReview(id: string): string;
    /** Escape at the owner or due-date prompt after an answer: the answer is as it was before. */
    choiceNotSaved(id: string): string;
    unmarkedForReview(id: string): string;
    skipped(id: string): string;
    noteSaved(id: string): string;
    noteRemoved(id: string): string;
    noteUnchanged(id: string): string;
    /** An answer given where "not applicable" was: its justification stays as the note. */
    justificationKept(id: string): string;
    actionSaved(id: string, owner: string | undefined, due: string | undefined): string;
    /** The due date saved is before today: the report shows the action as overdue. */
    dueInThePast(id: string, due: string): string;
    actionRemoved(id: string): string;
    actionUnchanged(id: string): string;
    firstQuestion: string;
    profileChangedOnDisk: string;
    notApplicable(id: string, field: string, actual: string, allowed: string): string;
    morePassed(count: number): string;
    nothingApplies(measureId: string): string;
  };
  menu: {
    title: string;
    jump: string;
    zone: string;
    summary: string;
    quit: string;
    resume: string;
    jumpPrompt: string;
    measureProgress(done: number, total: number, review: number): string;
    notForZone: string;
  };
  /** A save refused because the file would pass the edit limit: the session goes on. */
  refused: {
    /** Why, and that nothing was written (the answers saved before are all kept). */
    notSaved(file: string, reason: string): string;
    /** The file could not be written (it became a folder, the disk is full): how to go on. */
    writeFailed(file: string, reason: string, resume: string): string;
    /** The same, where it ends the session (while the zone profile is asked). */
    writeFailedEnded(file: string, reason: string, resume: string): string;
    prompt: string;
    back: string;
    /** Back to the question after a failed write. */
    backAfterFix: string;
    quit: string;
  };
  end: {
    heading: string;
    summary: SummaryLabels;
    scorePreview(score: string, band: string): string;
    scoreNote: string;
    noScore: string;
    /** No score only because the zone itself declared the scored questions not applicable. */
    noScoreDeclared: string;
    goThroughRemaining(count: number): string;
    writeReport(path: string): string;
    /** The offered report file exists: overwrite it? (default no) */
    reportExists(path: string): string;
    reportWhere: string;
    reportUseFree(path: string): string;
    reportTypePath: string;
    reportSkip: string;
    /** Asks for the report's file; a relative name goes beside the answers file. */
    reportPathPrompt(answersFile: string): string;
    /** The typed report name is the answers file itself. */
    reportIsAnswers(typed: string): string;
    reportPathEmpty: string;
    reportFailed(path: string): string;
    saved(count: number, file: string): string;
    resumeWith(command: string): string;
    reportLater(command: string): string;
  };
  cancelled(count: number, file: string, command: string): string;
  /** Localises the key hints Inquirer prints under a prompt (`navigate`, `select`, …). */
  yesNoError: string;
  keys: Record<string, string>;
  init: InitMessages;
}

/** Row labels of the end-of-session summary. */
export interface SummaryLabels {
  answered: string;
  unknown: string;
  notApplicable(byProfile: number): string;
  unanswered: string;
  review: string;
  total: string;
}

/** The messages of `netdz init` and the comments it writes into the answers file. */
export interface InitMessages {
  exists(file: string, assessCommand: string): string;
  locked(file: string, pid: number | undefined): string;
  wrote(file: string, questions: number, set: string): string;
  next(validateCommand: string, assessCommand: string): string;
  header: string[];
  zoneHint: string;
  assessorHint: string[];
  answersHint: string[];
  area(n: number, of: number, ref: string, title: string): string;
  measure(id: string, ref: string, title: string): string;
  types: {
    status: string;
    yesno: string;
    number(
      unit: string,
      target: string,
      direction: "higher" | "lower",
      bounds?: { min?: number; max?: number; integer?: boolean },
    ): string;
    choice: string;
    multi: string;
    text: string;
    orStatus: string;
  };
  profileTypes: { text: string; yesno: string; choice(options: string): string };
  optionalField: string;
  evidenceFor(statuses: string): string;
  /** What needs evidence on a question that takes a value. */
  evidenceForValue: string;
  guidance: string;
  appliesOnlyWhen(conditions: string): string;
}

const en: AssessMessages = {
  lang: "en",
  listSeparator: LIST_SEPARATORS.en,
  detailSeparator: ", ",
  yes: "Yes",
  no: "No",
  statuses: STATUS_LABELS.en,
  current: " (current answer)",
  errors: {
    noTtyExisting: (file, validateCommand) =>
      `netdz assess asks its questions in an interactive terminal, and standard input is not one. ` +
      `To go on without a terminal, edit ${file} by hand and check it with \`${validateCommand}\`.`,
    noTty: (initCommand) =>
      `netdz assess asks its questions in an interactive terminal, and standard input is not one. ` +
      `To fill in answers without a terminal, run \`${initCommand}\`, edit the file, and check it with \`netdz validate\`.`,
    locked: (file, pid, lockFile) =>
      `${file} is being assessed in another session${pid !== undefined && pid > 0 ? ` (process ${pid})` : ""}; finish that one first. If no other netdz is running, delete ${lockFile} and try again`,
    hardLinked: (file, names) =>
      `${file} is one file with ${names} names (hard links). netdz saves by replacing the file, which would leave the other names with the old answers, and a session under another name would not see this one. Make it a file of its own (\`cp ${file} ${file}.new && mv ${file}.new ${file}\`) and try again`,
    lockUnreadable: (file, lockFile) =>
      `the lock file ${lockFile} of ${file} is unreadable (it does not hold the process id of a netdz session). If no netdz session is working on ${file}, delete ${lockFile} and try again`,
    lockNotRegular: (file, lockFile) =>
      `the lock file ${lockFile} of ${file} is not a regular file (a named pipe, a device or a folder), so netdz does not open it. If no netdz session is working on ${file}, remove it (\`rm ${lockFile}\`, or \`rmdir ${lockFile}\` for a folder) and try again`,
    setNewer: (file, pinned, requested, migrate) =>
      `${file} holds answers for ${pinned}, not ${requested}; to carry them over to the newer version, run \`${migrate}\` first (or leave out --set to continue on ${pinned})`,
    setMismatch: (file, pinned, requested) =>
      `${file} holds answers for ${pinned}, not ${requested}; leave out --set to continue it, or choose another --answers file`,
    invalidFile: (file, validateCommand) =>
      `${file} has the problems above, so netdz leaves it untouched; fix them (\`${validateCommand}\`) or use another --answers file`,
    cannotWrite: (file, reason) => `cannot write ${file}: ${reason}`,
    editedElsewhere: (file, reason, resume) =>
      `${file} was changed outside this session and no longer reads as YAML (${reason}); it was left as it is and the last answer was not saved. Fix the file, then continue with: ${resume}`,
  },
  start: {
    creating: (file, set) =>
      `Starting a new self-assessment with ${set}. Answers are saved to ${file} as you go.`,
    resuming: (file, set, done, total) =>
      `Continuing ${file} (${set}): ${done} of the ${total} questions that apply to this zone done (answered, don't know or not applicable).`,
    reviewing: (file, set) =>
      `Reviewing every answer in ${file} (${set}); current answers are preselected.`,
    allDone: (total) =>
      `All ${total} questions that apply to this zone are done (answered, don't know or not applicable). To go through them again:`,
    warnings: (count, validateCommand) =>
      `${count} ${count === 1 ? "warning" : "warnings"} in the file (see \`${validateCommand}\`).`,
  },
  profile: {
    heading: "Zone profile",
    intro: "These answers decide which questions apply to your zone. Each one is saved at once.",
    editHeading: "Edit the zone profile (Enter keeps the current value)",
    required: "Please give an answer.",
    optional: "(optional)",
    assessorName: "Your name (optional, shown in the report)",
    assessorRole: "Your role or department (optional)",
    saved: (count) => `Zone profile saved (${count} ${count === 1 ? "field" : "fields"}).`,
    unchanged: "Zone profile unchanged; nothing written.",
    notApplicableCount: (count) =>
      count === 0
        ? "Every question applies to this zone."
        : `${count} ${count === 1 ? "question does" : "questions do"} not apply to this zone and will be skipped.`,
  },
  screen: {
    position: (area, measure, question) =>
      `Area ${area} · Measure ${measure} · Question ${question}`,
    counter: (n, of) => `${n}/${of}`,
    progress: (done, total, percent) => `${percent}% · ${done} of ${total} done`,
    plan: "Plan",
    guidance: "Guidance",
    evidenceHint: "Evidence",
    target: (target, direction) =>
      direction === "higher" ? `Target: ${target} or more` : `Target: at most ${target}`,
    prompt: "Your answer",
    answered: (summary) => `Current answer: ${summary}`,
    marked: "Marked for review",
  },
  choices: {
    enterNumber: (unit, current) =>
      `Enter the number${unit ? ` (${unit})` : ""}${current !== undefined ? ` — now ${current}` : ""}`,
    enterText: (current) =>
      `Enter the answer${current !== undefined ? ` — now ${quoteZh(current)}` : ""}`,
    chooseOptions: (current) =>
      `Choose the ones that apply${current !== undefined ? ` — now: ${current}` : ""}`,
    back: "← Back to the previous question",
    skip: "→ Skip for now",
    markReview: "⚑ Mark for review",
    unmarkReview: "⚑ Remove the review mark",
    showGuidance: "? Show guidance",
    hideGuidance: "? Hide guidance",
    note: (hasNote) => (hasNote ? "✎ Edit the note" : "✎ Add a note"),
    action: (hasAction) =>
      hasAction ? "☐ Edit the owner and due date" : "☐ Set an owner and a due date",
    menu: "☰ Menu: jump to a measure, zone profile, quit",
    descriptions: {
      back: "Your answers are kept; you can change them.",
      skip: "Leave this question unanswered and go on; resuming comes back to it.",
      markReview: "Keep any answer and come back to this question when you resume.",
      note: "An optional remark saved with the answer.",
      action:
        "Who closes this gap (责任单位) and by when (完成时限); the report's action plan lists it.",
      menu: "Everything is saved already.",
      unknown: "Counts as 0 in the score until you find out.",
      notApplicable: "You will be asked why; it is left out of the score.",
    },
  },
  input: {
    number: (unit) => `Number${unit ? ` (${unit})` : ""}:`,
    numberInvalid: "Enter a number of 0 or more, e.g. 12 or 3.5.",
    numberNotExact: (typed, digits) =>
      `${typed} cannot be saved exactly as typed: enter at most ${digits} significant digits, from 0.000001 to below 10^21.`,
    numberOutOfBounds: (min, max, integer) =>
      `Enter a ${numberBoundsWords("en", { min, max, integer })}.`,
    emptyGoesBack: "Leave it empty to go back to the list.",
    text: "Answer:",
    multi: "Select with Space, confirm with Enter",
    noneSelected: "None of these",
    evidenceIntro: (hint) =>
      `Evidence: ${hint}. Give URLs or file paths, one at a time; press Enter on an empty line when done.`,
    evidenceItem: (n) => `Evidence ${n}:`,
    evidenceExisting: (count) => `Evidence already given (${count}):`,
    evidenceKeep: "Keep it",
    evidenceAdd: "Keep it and add more",
    evidenceReplace: "Replace it",
    naNote: (id) => `Why does ${id} not apply to your zone? (leave it empty to go back)`,
    naNoteRequired: "A short justification is needed for “not applicable”.",
    note: (id) => `Note for ${id} (empty removes it):`,
    actionOffer: (id) =>
      `${id} leaves a gap. Who will close it, and by when? (Enter at both skips; "☐ Set an owner and a due date" in the list sets it later.)`,
    owner: (id, current) =>
      current === undefined
        ? `Owner of ${id}, the unit or person responsible (Enter: none):`
        : `Owner of ${id} (now: ${current}; Enter keeps it, - removes it):`,
    due: (id, current) =>
      current === undefined
        ? `Due date of ${id}, YYYY-MM-DD (Enter: none):`
        : `Due date of ${id}, YYYY-MM-DD (now: ${current}; Enter keeps it, - removes it):`,
    dueInvalid: "Give a date as YYYY-MM-DD, e.g. 2026-12-31, or leave it empty.",
    dueNotADay: (due) => `${due} is not a calendar day: give a date that exists, e.g. 2026-12-31.`,
  },
  notices: {
    saved: (id, answer) => `✔ Saved ${id}: ${answer}`,
    kept: (id, answer) => `✔ ${id} kept as it was: ${answer} (nothing changed, nothing written)`,
    evidenceCount: (count) => `${count} evidence ${count === 1 ? "item" : "items"}`,
    missingEvidence: (id) =>
      `⚠ ${id} has no evidence; \`netdz validate\` will warn about it until you add some.`,
    markedForReview: (id) => `⚑ ${id} is marked for review.`,
    choiceNotSaved: (id) =>
      `Back to the list: the answer to ${id} is as it was before (an owner or evidence confirmed with Enter stays).`,
    stillMarkedForReview: (id) =>
      `⚑ ${id} stays marked for review; choose “Remove the review mark” once it is settled.`,
    unmarkedForReview: (id) => `${id} is no longer marked for review.`,
    skipped: (id) => `${id} skipped; it stays unanswered.`,
    noteSaved: (id) => `✔ Note saved for ${id}.`,
    noteRemoved: (id) => `Note removed from ${id}.`,
    noteUnchanged: (id) => `The note of ${id} is unchanged.`,
    justificationKept: (id) =>
      `The justification written for “not applicable” stays as the note of ${id}; choose “✎ Edit the note” to change or remove it.`,
    dueInThePast: (id, due) =>
      `${id}: the due date ${due} is already past; the report shows this action as overdue.`,
    actionSaved: (id, owner, due) =>
      `✔ Action saved for ${id}: ${[owner ? `owner ${owner}` : "", due ? `due ${due}` : ""].filter(Boolean).join(", ")}.`,
    actionRemoved: (id) => `Owner and due date removed from ${id}.`,
    actionUnchanged: (id) => `The owner and due date of ${id} are unchanged.`,
    firstQuestion: "This is the first question.",
    profileChangedOnDisk:
      "The zone profile was changed in the file; the questions that apply are worked out again.",
    notApplicable: (id, field, actual, allowed) =>
      `· ${id} does not apply to this zone — ${field}: ${actual} (only for: ${allowed})`,
    morePassed: (count) => `· and ${count} more that do not apply to this zone`,
    nothingApplies: (id) => `None of ${id}'s questions apply to this zone.`,
  },
  menu: {
    title: "Menu",
    jump: "Jump to a measure",
    zone: "Edit the zone profile",
    summary: "Show the summary and score so far",
    quit: "Save and quit (continue later)",
    resume: "Back to the question",
    jumpPrompt: "Jump to which measure?",
    measureProgress: (done, total, review) =>
      `${done}/${total} answered${review > 0 ? `, ${review} to review` : ""}`,
    notForZone: "does not apply",
  },
  refused: {
    notSaved: (file, reason) =>
      `Not saved: ${reason}. Nothing was written to ${file}; every answer saved before is kept.`,
    writeFailed: (file, reason, resume) =>
      `Not saved: cannot write ${file}: ${reason}. Put that right, then go back and give the answer again; or quit and continue later with: ${resume}`,
    writeFailedEnded: (file, reason, resume) =>
      `Not saved: cannot write ${file}: ${reason}. Put that right, then continue with: ${resume}`,
    prompt: "What now?",
    back: "Go back to where you were (and answer or write it shorter)",
    backAfterFix: "Go back to where you were (and answer again once the file can be written)",
    quit: "Quit without saving this change (continue later)",
  },
  end: {
    heading: "Summary",
    summary: {
      answered: "Answered",
      unknown: "Don't know",
      notApplicable: (byProfile) =>
        byProfile > 0 ? `Not applicable (${byProfile} by zone profile)` : "Not applicable",
      unanswered: "Unanswered",
      review: "Marked for review",
      total: "Questions in the set",
    },
    scorePreview: (score, band) => `Score preview: ${score} / 100 — ${band}`,
    scoreNote: "Unanswered and “don't know” questions count as 0.",
    noScore: "No score yet: no question that counts applies to this zone.",
    noScoreDeclared:
      "No score: the zone itself declared every scored question that applies to it not applicable.",
    goThroughRemaining: (count) =>
      `${count} ${count === 1 ? "question is" : "questions are"} still unanswered or marked for review. Go through ${count === 1 ? "it" : "them"} now?`,
    writeReport: (path) => `Write the report to ${path}?`,
    reportExists: (path) => `${path} already exists. Overwrite it?`,
    reportWhere: "Where should the report go? (Esc: back)",
    reportUseFree: (path) => `Write it to ${path}`,
    reportTypePath: "Type another file name",
    reportSkip: "Don't write the report now",
    reportPathPrompt: (answersFile) =>
      `Report file, next to ${answersFile} unless you give a full path (Esc: back)`,
    reportIsAnswers: (typed) =>
      `${typed} is the answers file itself: type another name for the report.`,
    reportPathEmpty: "Type a file name, or press Esc to go back.",
    reportFailed: (path) => `The report could not be written to ${path}.`,
    saved: (count, file) =>
      `${count} ${count === 1 ? "answer is" : "answers are"} saved in ${file}.`,
    resumeWith: (command) => `To continue: ${command}`,
    reportLater: (command) => `To write the report later: ${command}`,
  },
  cancelled: (count, file, command) =>
    `\nStopped. ${count} ${count === 1 ? "answer is" : "answers are"} saved in ${file}.\nTo continue: ${command}`,
  yesNoError: "Answer y (yes) or n (no).",
  keys: {
    navigate: "navigate",
    select: "select",
    submit: "confirm",
    all: "all",
    invert: "invert",
    filter: "type to filter",
    noMatch: "nothing matches; type less or something else",
  },
  init: {
    exists: (file, assessCommand) =>
      `${file} already exists; use --force to overwrite it, or \`${assessCommand}\` to continue it`,
    locked: (file, pid) =>
      `${file} is open in a \`netdz assess\` session${pid !== undefined && pid > 0 ? ` (process ${pid})` : ""}; not overwriting it`,
    wrote: (file, questions, set) =>
      `Wrote ${file}: the ${questions} questions of ${set} are listed in it as comments.`,
    next: (validateCommand, assessCommand) =>
      `Fill in the zone and the answers, then check the file: ${validateCommand}\nOr answer interactively: ${assessCommand}`,
    header: [
      "netdz answers file: a zone's self-assessment against the measure set named below.",
      "Fill in `zone`, then one entry per question under `answers` (every question is listed there",
      "as a comment: remove the leading `# ` from its id line and complete it). A question without an",
      "entry counts as unanswered. Check the file with `netdz validate`.",
    ],
    zoneHint: "The zone profile decides which questions apply. Uncomment and fill in each field:",
    assessorHint: ["Optional: who filled this in.", "assessor: { name: …, role: … }"],
    answersHint: [
      "Each entry: { status: … } or { value: … }, plus optional evidence: [URL or path, …],",
      "note: …, answeredAt: 2026-11-26T10:00:00Z, review: true (marked for review), and for a",
      "gap owner: … (the unit responsible) and due: 2026-12-31 (the deadline).",
      "status: implemented | in_progress | planned | not_started | unknown (don't know) |",
      "not_applicable (needs a note saying why). Questions that are not `status` questions take a",
      "value, or status: unknown or status: not_applicable.",
    ],
    area: (n, of, ref, title) => `Area ${n}/${of} · ${ref} ${title}`,
    measure: (id, ref, title) => `${id} · Plan ${ref} · ${title}`,
    types: {
      status: "status: implemented | in_progress | planned | not_started",
      yesno: "value: true | false",
      number: (unit, target, direction, bounds = {}) =>
        `value: a ${bounds.integer ? "whole number" : "number"} ${bounds.max === undefined ? `≥ ${bounds.min ?? 0}` : `from ${bounds.min ?? 0} to ${bounds.max}`}${unit ? ` (${unit})` : ""}; target ${direction === "higher" ? `${target} or more` : `at most ${target}`}`,
      choice: "value: one of",
      multi: "value: a list of any of",
      text: "value: a text",
      orStatus: "or status: unknown | not_applicable",
    },
    profileTypes: {
      text: "text",
      yesno: "true | false",
      choice: (options) => options,
    },
    optionalField: "optional",
    evidenceFor: (statuses) => `evidence expected for: ${statuses}`,
    evidenceForValue: "any answer that scores above 0 (not for no, 0 or none)",
    guidance: "guidance:",
    appliesOnlyWhen: (conditions) => `applies only when ${conditions}`,
  },
};

const zh: AssessMessages = {
  lang: "zh",
  listSeparator: LIST_SEPARATORS.zh,
  detailSeparator: "，",
  yes: "是",
  no: "否",
  statuses: STATUS_LABELS.zh,
  current: "（当前答案）",
  errors: {
    noTtyExisting: (file, validateCommand) =>
      `netdz assess 需要在交互式终端中逐题作答，当前标准输入不是终端。` +
      `如需离线继续填写，请直接编辑 ${file}，填写后用 \`${validateCommand}\` 检查。`,
    noTty: (initCommand) =>
      `netdz assess 需要在交互式终端中逐题作答，当前标准输入不是终端。` +
      `如需离线填写，请运行 \`${initCommand}\` 生成答卷文件，填写后用 \`netdz validate\` 检查。`,
    locked: (file, pid, lockFile) =>
      `${file} 正在另一个会话中填写${pid !== undefined && pid > 0 ? `（进程 ${pid}）` : ""}，请先结束该会话。如确认没有其他 netdz 在运行，可删除 ${lockFile} 后重试`,
    hardLinked: (file, names) =>
      `${file} 是一个有 ${names} 个名称（硬链接）的文件。netdz 保存时会替换该文件，其他名称将仍是旧的答案，以其他名称打开的会话也看不到本会话。请先把它变成独立的文件（\`cp ${file} ${file}.new && mv ${file}.new ${file}\`）后重试`,
    lockUnreadable: (file, lockFile) =>
      `${file} 的锁文件 ${lockFile} 无法读取（其中没有 netdz 会话的进程号）。如确认没有 netdz 会话正在填写 ${file}，请删除 ${lockFile} 后重试`,
    lockNotRegular: (file, lockFile) =>
      `${file} 的锁文件 ${lockFile} 不是普通文件（是命名管道、设备或文件夹），netdz 不会打开它。如确认没有 netdz 会话正在填写 ${file}，请删除它（\`rm ${lockFile}\`；如是文件夹，用 \`rmdir ${lockFile}\`）后重试`,
    setNewer: (file, pinned, requested, migrate) =>
      `${file} 中的答案对应 ${pinned}，而不是 ${requested}；如要将答案迁移到新版本，请先运行 \`${migrate}\`（或去掉 --set，继续按 ${pinned} 填写）`,
    setMismatch: (file, pinned, requested) =>
      `${file} 中的答案对应 ${pinned}，而不是 ${requested}；继续填写请去掉 --set，或改用其他 --answers 文件`,
    invalidFile: (file, validateCommand) =>
      `${file} 存在上述问题，netdz 不会改动该文件；请先修正（\`${validateCommand}\`），或改用其他 --answers 文件`,
    cannotWrite: (file, reason) => `无法写入 ${file}：${reason}`,
    editedElsewhere: (file, reason, resume) =>
      `${file} 在本次填报之外被修改，已无法按 YAML 读取（${reason}）；文件保持原样，最后一个答案未保存。请修正文件后运行：${resume}`,
  },
  start: {
    creating: (file, set) => `开始新的自评估（${set}）。每作答一题都会立即保存到 ${file}。`,
    resuming: (file, set, done, total) =>
      `继续填写 ${file}（${set}）：适用于本开发区的 ${total} 道题中已处理 ${done} 道（含已作答、不清楚和不适用）。`,
    reviewing: (file, set) => `逐题复核 ${file}（${set}）中的全部答案，已预选当前答案。`,
    allDone: (total) =>
      `适用于本开发区的 ${total} 道题均已处理（含已作答、不清楚和不适用）。如需逐题复核，请运行：`,
    warnings: (count, validateCommand) =>
      `文件中有 ${count} 条警告（详见 \`${validateCommand}\`）。`,
  },
  profile: {
    heading: "开发区基本信息",
    intro: "以下信息决定哪些题目适用于本开发区，每项填写后立即保存。",
    editHeading: "修改开发区基本信息（直接回车保留当前值）",
    required: "请填写此项。",
    optional: "（选填）",
    assessorName: "填报人姓名（选填，将显示在报告中）",
    assessorRole: "填报人职务或部门（选填）",
    saved: (count) => `开发区基本信息已保存（共 ${count} 项）。`,
    unchanged: "开发区基本信息没有改动，未写入文件。",
    notApplicableCount: (count) =>
      count === 0 ? "全部题目均适用于本开发区。" : `有 ${count} 道题不适用于本开发区，将自动跳过。`,
  },
  screen: {
    position: (area, measure, question) => `方面 ${area} · 举措 ${measure} · 题目 ${question}`,
    counter: (n, of) => `${n}/${of}`,
    progress: (done, total, percent) => `${percent}% · 已处理 ${done}/${total}`,
    plan: "方案条目",
    guidance: "填报指引",
    evidenceHint: "佐证材料",
    target: (target, direction) =>
      direction === "higher" ? `目标：不低于 ${target}` : `目标：不高于 ${target}`,
    prompt: "请选择",
    answered: (summary) => `当前答案：${summary}`,
    marked: "已标记待复核",
  },
  choices: {
    enterNumber: (unit, current) =>
      `填写数值${unit ? `（单位：${unit}）` : ""}${current !== undefined ? `，当前为 ${current}` : ""}`,
    enterText: (current) => `填写答案${current !== undefined ? `，当前为${quoteZh(current)}` : ""}`,
    chooseOptions: (current) =>
      `选择符合的各项${current !== undefined ? `，当前：${current}` : ""}`,
    back: "← 返回上一题",
    skip: "→ 暂时跳过",
    markReview: "⚑ 标记待复核",
    unmarkReview: "⚑ 取消待复核标记",
    showGuidance: "? 查看填报指引",
    hideGuidance: "? 收起填报指引",
    note: (hasNote) => (hasNote ? "✎ 修改备注" : "✎ 添加备注"),
    action: (hasAction) => (hasAction ? "☐ 修改责任单位和完成时限" : "☐ 设定责任单位和完成时限"),
    menu: "☰ 菜单：跳转举措、修改开发区信息、退出",
    descriptions: {
      back: "已填答案会保留，可以修改。",
      skip: "本题暂不作答，继续填写时会回到这里。",
      markReview: "保留已有答案，继续填写时会回到本题。",
      note: "随答案一起保存的说明，选填。",
      action: "由谁负责补齐这项差距、何时完成；报告的整改任务清单会列出。",
      menu: "所有答案均已保存。",
      unknown: "查明之前按 0 分计。",
      notApplicable: "需要说明理由，本题不计分。",
    },
  },
  input: {
    number: (unit) => `数值${unit ? `（${unit}）` : ""}：`,
    numberInvalid: "请输入不小于 0 的数字，例如 12 或 3.5。",
    numberNotExact: (typed, digits) =>
      `${typed} 无法按输入原样保存：请输入不超过 ${digits} 位有效数字、介于 0.000001 与 10^21（不含）之间的数。`,
    numberOutOfBounds: (min, max, integer) =>
      `请输入${numberBoundsWords("zh", { min, max, integer })}。`,
    emptyGoesBack: "留空并回车可返回上一级列表。",
    text: "答案：",
    multi: "空格键选择，回车确认",
    noneSelected: "均不符合",
    evidenceIntro: (hint) => `佐证材料：${hint}。请逐条填写网址或文件路径，填完后在空行直接回车。`,
    evidenceItem: (n) => `佐证材料 ${n}：`,
    evidenceExisting: (count) => `已有佐证材料（${count} 条）：`,
    evidenceKeep: "保留",
    evidenceAdd: "保留并继续添加",
    evidenceReplace: "重新填写",
    naNote: (id) => `${id} 为什么不适用于本开发区？（留空则返回选项列表）`,
    naNoteRequired: "选择“不适用”须简要说明理由。",
    note: (id) => `${id} 的备注（留空则删除）：`,
    actionOffer: (id) =>
      `${id} 存在差距。由谁负责补齐、何时完成？（两项都直接回车即跳过；之后也可在列表中选“☐ 设定责任单位和完成时限”。）`,
    owner: (id, current) =>
      current === undefined
        ? `${id} 的责任单位（负责的单位或个人；直接回车表示无）：`
        : `${id} 的责任单位（现为：${current}；直接回车保留，输入 - 删除）：`,
    due: (id, current) =>
      current === undefined
        ? `${id} 的完成时限，格式 YYYY-MM-DD（直接回车表示无）：`
        : `${id} 的完成时限，格式 YYYY-MM-DD（现为：${current}；直接回车保留，输入 - 删除）：`,
    dueInvalid: "请按 YYYY-MM-DD 填写日期，例如 2026-12-31，或留空。",
    dueNotADay: (due) => `${due} 不是日历上存在的日期：请填写实际存在的日期，例如 2026-12-31。`,
  },
  notices: {
    saved: (id, answer) => `✔ 已保存 ${id}：${answer}`,
    kept: (id, answer) => `✔ ${id} 保持原样：${answer}（没有改动，未写入文件）`,
    evidenceCount: (count) => `佐证材料 ${count} 条`,
    missingEvidence: (id) => `⚠ ${id} 尚无佐证材料，补充之前 \`netdz validate\` 会给出警告。`,
    markedForReview: (id) => `⚑ ${id} 已标记待复核。`,
    choiceNotSaved: (id) =>
      `已返回选项列表：${id} 的答案保持原样（已按回车确认的责任单位或佐证材料仍保留）。`,
    stillMarkedForReview: (id) => `⚑ ${id} 仍标记为待复核；确认无误后请选择“取消待复核标记”。`,
    unmarkedForReview: (id) => `${id} 已取消待复核标记。`,
    skipped: (id) => `已跳过 ${id}，该题仍为未作答。`,
    noteSaved: (id) => `✔ ${id} 的备注已保存。`,
    noteRemoved: (id) => `已删除 ${id} 的备注。`,
    noteUnchanged: (id) => `${id} 的备注没有改动。`,
    justificationKept: (id) =>
      `原先为“不适用”填写的理由保留为 ${id} 的备注；如需修改或删除，请选择“✎ 修改备注”。`,
    dueInThePast: (id, due) => `${id}：完成时限 ${due} 已过，报告中该行动将显示为逾期。`,
    actionSaved: (id, owner, due) =>
      `✔ ${id} 的整改任务已保存：${[owner ? `责任单位 ${owner}` : "", due ? `完成时限 ${due}` : ""].filter(Boolean).join("，")}。`,
    actionRemoved: (id) => `已删除 ${id} 的责任单位和完成时限。`,
    actionUnchanged: (id) => `${id} 的责任单位和完成时限没有改动。`,
    firstQuestion: "已经是第一题。",
    profileChangedOnDisk: "文件中的开发区信息已被修改，已重新确定适用的题目。",
    notApplicable: (id, field, actual, allowed) =>
      `· ${id} 不适用于本开发区——${field}：${actual}（仅适用于：${allowed}）`,
    morePassed: (count) => `· 另有 ${count} 道题不适用于本开发区`,
    nothingApplies: (id) => `${id} 的题目均不适用于本开发区。`,
  },
  menu: {
    title: "菜单",
    jump: "跳转到某项举措",
    zone: "修改开发区基本信息",
    summary: "查看目前的汇总和得分",
    quit: "保存并退出（以后继续）",
    resume: "返回当前题目",
    jumpPrompt: "跳转到哪项举措？",
    measureProgress: (done, total, review) =>
      `已答 ${done}/${total}${review > 0 ? `，待复核 ${review}` : ""}`,
    notForZone: "不适用",
  },
  refused: {
    notSaved: (file, reason) => `未保存：${reason}。${file} 未作任何改动，此前保存的回答都在。`,
    writeFailed: (file, reason, resume) =>
      `未保存：无法写入 ${file}：${reason}。请先解决这个问题，再返回重新作答；或者退出，以后用以下命令继续：${resume}`,
    writeFailedEnded: (file, reason, resume) =>
      `未保存：无法写入 ${file}：${reason}。请先解决这个问题，然后用以下命令继续：${resume}`,
    prompt: "接下来？",
    back: "返回刚才的位置（重新作答，或写得短一些）",
    backAfterFix: "返回刚才的位置（文件可以写入后重新作答）",
    quit: "退出，不保存这次修改（以后继续）",
  },
  end: {
    heading: "汇总",
    summary: {
      answered: "已作答",
      unknown: "不清楚",
      notApplicable: (byProfile) =>
        byProfile > 0 ? `不适用（其中 ${byProfile} 道因开发区信息不适用）` : "不适用",
      unanswered: "未作答",
      review: "待复核",
      total: "题目总数",
    },
    scorePreview: (score, band) => `预估得分：${score} / 100（${band}）`,
    scoreNote: "未作答和“不清楚”的题目按 0 分计。",
    noScore: "暂无得分：没有计分题目适用于本开发区。",
    noScoreDeclared: "没有得分：适用于本开发区的计分题目全部被开发区自行声明为不适用。",
    goThroughRemaining: (count) => `还有 ${count} 道题未作答或待复核，现在继续填写吗？`,
    writeReport: (path) => `是否将报告写入 ${path}？`,
    reportExists: (path) => `${path} 已存在，是否覆盖？`,
    reportWhere: "报告写到哪里？（Esc：返回）",
    reportUseFree: (path) => `写入 ${path}`,
    reportTypePath: "输入其他文件名",
    reportSkip: "暂不生成报告",
    reportPathPrompt: (answersFile) =>
      `报告文件（未给出完整路径时放在 ${answersFile} 所在的文件夹；Esc：返回）`,
    reportIsAnswers: (typed) => `${typed} 就是答卷文件本身，请为报告另输入一个文件名。`,
    reportPathEmpty: "请输入文件名，或按 Esc 返回。",
    reportFailed: (path) => `报告未能写入 ${path}。`,
    saved: (count, file) => `已有 ${count} 道题的答案保存在 ${file}。`,
    resumeWith: (command) => `继续填写：${command}`,
    reportLater: (command) => `以后生成报告：${command}`,
  },
  cancelled: (count, file, command) =>
    `\n已中断。已有 ${count} 道题的答案保存在 ${file}。\n继续填写：${command}`,
  yesNoError: "请回答“是”（y）或“否”（n）。",
  keys: {
    navigate: "移动",
    select: "选择",
    submit: "确认",
    all: "全选",
    invert: "反选",
    filter: "输入文字可筛选",
    noMatch: "没有匹配项，请减少或更换输入的文字",
  },
  init: {
    exists: (file, assessCommand) =>
      `${file} 已存在；如需覆盖请加 --force，如需继续填写请运行 \`${assessCommand}\``,
    locked: (file, pid) =>
      `${file} 正由 \`netdz assess\` 会话使用${pid !== undefined && pid > 0 ? `（进程 ${pid}）` : ""}，不予覆盖`,
    wrote: (file, questions, set) =>
      `已写入 ${file}：${set} 的全部 ${questions} 道题以注释形式列出。`,
    next: (validateCommand, assessCommand) =>
      `请填写开发区信息和答案，然后检查文件：${validateCommand}\n也可以交互式作答：${assessCommand}`,
    header: [
      "netdz 答卷文件：开发区对照下列评估清单开展自评估。",
      "请先填写 zone（开发区基本信息），再在 answers 下逐题填写答案。每道题都已以注释形式列出：",
      "删去题号行开头的“# ”并补全即可。没有条目的题目视为未作答。填写后请用 netdz validate 检查。",
    ],
    zoneHint: "开发区基本信息决定哪些题目适用。请删去注释符号并逐项填写：",
    assessorHint: ["选填：填报人信息。", "assessor: { name: …, role: … }"],
    answersHint: [
      "每个条目写作 { status: … } 或 { value: … }，可另加 evidence: [网址或文件路径, …]（佐证材料）、",
      "note: …（备注）、answeredAt: 2026-11-26T10:00:00Z（作答时间）、review: true（待复核），",
      "差距项还可加 owner: …（责任单位）和 due: 2026-12-31（完成时限）。",
      "status 取值：implemented（已落实）| in_progress（推进中）| planned（已纳入计划）|",
      "not_started（未启动）| unknown（不清楚）| not_applicable（不适用，须在 note 中说明理由）。",
      "非 status 类题目填写 value，或填写 status: unknown / status: not_applicable。",
    ],
    area: (n, of, ref, title) => `方面 ${n}/${of} · ${ref} ${title}`,
    measure: (id, ref, title) => `${id} · 方案条目 ${ref} · ${title}`,
    types: {
      status: "status: implemented | in_progress | planned | not_started",
      yesno: "value: true（是）| false（否）",
      number: (unit, target, direction, bounds = {}) =>
        `value: ${bounds.max === undefined ? `不小于 ${bounds.min ?? 0} 的` : `${bounds.min ?? 0} 至 ${bounds.max} 之间的`}${bounds.integer ? "整数" : "数字"}${unit ? `（单位：${unit}）` : ""}；目标${direction === "higher" ? `不低于 ${target}` : `不高于 ${target}`}`,
      choice: "value: 从下列选项中选一项",
      multi: "value: 下列选项的列表（可多选）",
      text: "value: 文字",
      orStatus: "或 status: unknown | not_applicable",
    },
    profileTypes: {
      text: "文字",
      yesno: "true（是）| false（否）",
      choice: (options) => options,
    },
    optionalField: "选填",
    evidenceFor: (statuses) => `以下情形需提供佐证材料：${statuses}`,
    evidenceForValue: "得分大于 0 的任何答案（答“否”、0 或未选任何项时不需要）",
    guidance: "填报指引：",
    appliesOnlyWhen: (conditions) => `仅适用于：${conditions}`,
  },
};

/** The assess/init strings in one language. */
export function assessMessages(lang: Lang): AssessMessages {
  return lang === "zh" ? zh : en;
}

// Their --help text is in its own small module, so `netdz --help` does not load these screens.
export { ANSWERS_COMMANDS_HELP, type AnswersCommandsHelp } from "./answers-commands-help.js";
