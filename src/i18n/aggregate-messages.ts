/**
 * Every fixed string of the roll-up (`netdz aggregate`): Markdown headings, column titles, sheet
 * names, the method, and the command's own messages, in English and Chinese. Plain text: each
 * renderer adds its own emphasis and escaping.
 */
import type { LeftOutCount, SupersededBy } from "../core/aggregate.js";
import type { Lang } from "../core/model.js";
import { pluralCounts } from "../render/plural.js";
import { LIST_SEPARATORS, quoteZh } from "./quote.js";

/** Files and folders left out, in English: "2 files", "1 folder", "2 files and 1 folder". */
function leftOutEn({ files, folders }: LeftOutCount): string {
  return pluralCounts([
    [files, "file"],
    [folders, "folder"],
  ]);
}

export interface AggregateMessages {
  title: string;
  header: {
    measureSet: string;
    zones: string;
    regions: string;
    date: string;
    completeness: string;
  };
  /** Between a header field's label and its value. */
  fieldSeparator: string;
  listSeparator: string;
  /** Between the items of a list whose items have spaces in them (a zone's largest gaps). */
  itemSeparator: string;
  parenthetical(text: string, remark: string): string;
  zonesLine(used: number, leftOut: LeftOutCount, superseded: number): string;
  regionCount(label: string, zones: number): string;
  regionHeading(label: string, zones: number): string;
  /** Arguments already formatted as percentages. */
  completenessSpread(min: string, median: string, max: string): string;
  sections: {
    league: string;
    regions: string;
    matrix: string;
    commonGaps: string;
    bottom: string;
    setProblems: string;
    leftOut: string;
    method: string;
  };
  /** Above the problems of the invalid measure sets met. */
  setProblemsIntro: string;
  columns: {
    file: string;
    rank: string;
    regionRank: string;
    zone: string;
    province: string;
    region: string;
    overall: string;
    band: string;
    completeness: string;
    unknown: string;
    zones: string;
    statistic: string;
    mean: string;
    median: string;
    min: string;
    max: string;
    question: string;
    measure: string;
    ref: string;
    zonesBelow: string;
    share: string;
    meanPoints: string;
    next: string;
    largestGaps: string;
    line: string;
    column: string;
    reason: string;
    place: string;
    problem: string;
  };
  overallScore: string;
  unranked: string;
  unrankedNote(min: string): string;
  noZones: string;
  matrixIntro: string;
  meanRow: string;
  commonGapsIntro: string;
  shareCell(below: number, zones: number, percent: string): string;
  bottomIntro(count: number): string;
  /** A region of the bottom zones section that has no ranked zone. */
  bottomNoRanked(minCompleteness: string): string;
  /** Ranked zones whose files give no region: in the league table, in no region's list. */
  bottomNoRegion(count: number): string;
  gapItem(question: string, points: string): string;
  none: string;
  /** The bottom zones section when `--bottom 0` asked for none. */
  bottomNoneRequested: string;
  notApplicableShort: string;
  reasons: {
    otherSet(id: string, version: string, usedId: string, usedVersion: string): string;
    /** `tie`: as many usable files use `version` as `used` (the newest version wins a tie). */
    otherVersion(version: string, used: string, migrate: string | undefined, tie: boolean): string;
    /** `dated`: whether `by` has an answeredAt (else a tie of dates is of two undated files). */
    superseded(by: string, why: SupersededBy, dated: boolean): string;
    /** Said after an invalid file's problem when the roll-up has its zone from another file. */
    zoneUsedFrom(file: string): string;
    /** Said after `superseded` when the file that supersedes is itself left out. */
    supersededByLeftOut(by: string): string;
    invalidSet(id: string, version: string, problem: string): string;
    /** A file that gave no answers and no error to name. */
    invalidAnswers: string;
  };
  method(minCompleteness: string, bottom: number): string[];
  sheets: {
    league: string;
    matrix: string;
    commonGaps: string;
    regions: string;
    leftOut: string;
  };
  command: {
    wrote(path: string): string;
    leftOut(count: LeftOutCount): string;
    noUsable: string;
    noFiles(where: string): string;
    binaryToTerminal: string;
    unknownFormat(format: string, choices: string): string;
    minCompleteness(value: string): string;
    bottom(value: string): string;
    /** NETDZ_WORKERS is not a whole number. */
    badWorkers(value: string): string;
    noSuchPath(path: string): string;
    outIsInput(out: string): string;
  };
}

/**
 * The rule of the same zone twice, in each language: the one wording the method states and the
 * superseded reasons name the steps of (core/zone-key.ts and `dropSuperseded` apply it).
 */
const EN_RULE = {
  sameZone:
    "Two files are of the same zone when their names are equal in Unicode NFKC form " +
    "(full-width and half-width forms alike), case-folded, with spaces trimmed and collapsed, " +
    "and their provinces are equal once looked up in the province spellings of the set's " +
    "changes.yaml (of every available version) and compared without case, spaces, punctuation " +
    "or a suffix such as Province/省/市/自治区; a zone without a name is never matched.",
  later: "the newest answeredAt",
  version: "the newer set version",
  path: "the later file path",
};

const ZH_RULE = {
  sameZone:
    "两个文件的开发区名称按 Unicode NFKC 形式（全角、半角视为相同）、不区分大小写、去掉首尾空格并合并连续空格后相同，" +
    "且省份按评估清单 changes.yaml（所有可用版本）中的省份写法对照后，不区分大小写、空格、标点及“省、市、自治区、Province”等后缀相同，" +
    "即视为同一开发区；未填写名称的开发区不与任何文件匹配。",
  later: "answeredAt 最新",
  version: "评估清单版本更新",
  path: "文件路径排序在后",
};

const en: AggregateMessages = {
  title: "NETDZ roll-up of self-assessments",
  header: {
    measureSet: "Measure set",
    zones: "Zones",
    regions: "Zones per region",
    date: "Date",
    completeness: "Completeness",
  },
  fieldSeparator: ": ",
  listSeparator: LIST_SEPARATORS.en,
  itemSeparator: "; ",
  parenthetical: (text, remark) => `${text} (${remark})`,
  zonesLine: (used, leftOut, superseded) =>
    `${used} used, ${leftOutEn(leftOut)} left out, ${superseded} superseded`,
  regionCount: (label, zones) => `${label} ${zones}`,
  regionHeading: (label, zones) => `${label} (${zones} zone${zones === 1 ? "" : "s"})`,
  completenessSpread: (min, median, max) => `lowest ${min}, median ${median}, highest ${max}`,
  sections: {
    league: "League table",
    regions: "Regions",
    matrix: "Measures across zones",
    commonGaps: "Common gaps",
    bottom: "Lowest-ranked zones of each region",
    setProblems: "Problems of the measure sets",
    leftOut: "Files left out or superseded",
    method: "Method",
  },
  setProblemsIntro:
    "These measure sets are invalid, each problem listed once; every answers file pinned to " +
    "one of them is left out (see the files left out).",
  columns: {
    file: "File",
    rank: "Rank",
    regionRank: "Rank in region",
    zone: "Zone",
    province: "Province",
    region: "Region",
    overall: "Overall",
    band: "Band",
    completeness: "Completeness",
    unknown: "Don't know",
    zones: "Zones",
    statistic: "Score",
    mean: "Mean",
    median: "Median",
    min: "Minimum",
    max: "Maximum",
    question: "Question",
    measure: "Measure",
    ref: "Plan ref.",
    zonesBelow: "Zones below 0.5",
    share: "Share of zones",
    meanPoints: "Mean points lost",
    next: "Next step",
    largestGaps: "Largest gaps",
    line: "Line",
    column: "Column",
    reason: "Reason",
    place: "Where",
    problem: "Problem",
  },
  overallScore: "Overall",
  unranked: "unranked",
  unrankedNote: (min) =>
    `Zones marked “unranked” have no overall score (no question applies to them, or they ` +
    `declared all that apply not applicable) or have answered less than ${min} of their ` +
    "applicable questions: they are shown, but not ranked.",
  noZones: "No zone could be used.",
  matrixIntro:
    "Each zone's score on each measure (0–100); a cell is empty where the measure does not " +
    "apply to the zone. The last row is the mean over the zones it applies to.",
  meanRow: "Mean",
  commonGapsIntro:
    "Questions on which at least half of the zones they apply to score below 0.5, by the mean " +
    "points of the overall score they cost those zones.",
  shareCell: (below, zones, percent) => `${below} of ${zones} (${percent})`,
  bottomIntro: (count) =>
    count === 1
      ? "The lowest-ranked zone of each region, with its three largest gaps (points of the overall score lost); zones tied with it in region rank are listed too."
      : `The ${count} lowest-ranked zones of each region, with their three largest gaps (points of the overall score lost); zones tied in region rank with the highest of them are listed too.`,
  bottomNoRegion: (n) =>
    `${n === 1 ? "1 ranked zone gives" : `${n} ranked zones give`} no region, so ${n === 1 ? "it is" : "they are"} in no region's list here and ${n === 1 ? "has" : "have"} no rank in a region; see the league table (and give region under zone in ${n === 1 ? "its file" : "their files"}).`,
  bottomNoRanked: (min) =>
    `No ranked zone: every zone of this region has no overall score or answered less than ${min} ` +
    "of its applicable questions.",
  gapItem: (question, points) => `${question} ${points}`,
  none: "None.",
  bottomNoneRequested: "None requested (--bottom 0).",
  notApplicableShort: "n/a",
  reasons: {
    otherSet: (id, version, usedId, usedVersion) =>
      `pinned to set ${id}@${version}; this roll-up is of ${usedId}@${usedVersion}`,
    otherVersion: (version, used, migrate, tie) =>
      (tie
        ? `pinned to version ${version}; as many valid files use ${used}, and a tie goes to the newest version; versions are not mixed`
        : `pinned to version ${version}; most valid files use ${used}, and versions are not mixed`) +
      (migrate ? `; bring it over with: ${migrate}` : ""),
    superseded: (by, why, dated) => {
      if (why === "answered-later") return `superseded by ${by}, answered later for the same zone`;
      const tie = dated ? "the same answeredAt" : "neither file dated";
      return why === "newer-version"
        ? `superseded by ${by} for the same zone: ${tie}, and ${by} has ${EN_RULE.version}`
        : `superseded by ${by} for the same zone: ${tie} and the same set version, and ${by} is ${EN_RULE.path}`;
    },
    zoneUsedFrom: (file) => `; this zone's figures are those of ${file}`,
    supersededByLeftOut: (by) =>
      `; ${by} is itself left out (see its line), so this zone is in none of the figures`,
    invalidSet: (id, version, problem) =>
      `pinned to measure set ${id}@${version}, which is invalid (first problem: ${problem})`,
    invalidAnswers: "not a usable answers file",
  },
  method: (min, bottom) => [
    "Each file is checked as netdz validate checks it and scored as netdz report scores it; a " +
      "file with an error is left out of every figure and listed once, with its first problem, " +
      "whatever version it is pinned to. All files must use the same measure set: the set id " +
      "and then the version most usable files use are taken (usable: valid, of an available " +
      "and valid set version, and not superseded; a tie of ids goes to the first in " +
      "alphabetical order, a tie of versions to the newest); the valid files of another set id " +
      "or version are left out. Invalid files take no part in this choice.",
    `A zone that appears in more than one file is counted once. ${EN_RULE.sameZone} Of one ` +
      "zone's files, whatever their set version, the file answered last is used " +
      `(${EN_RULE.later}; on a tie, or when neither is dated, ${EN_RULE.version}; then ` +
      `${EN_RULE.path}); the others are superseded.`,
    `Zones are ranked by overall score, highest first; equal scores share a rank and the next ` +
      `rank skips (1, 1, 3). A zone that has no overall score, or has answered less than ${min} ` +
      "of its applicable questions, is shown but not ranked. The rank in region ranks the " +
      "ranked zones of each region the same way.",
    "Region statistics (mean, median, minimum, maximum) are over all used zones of the region " +
      "that have a score, ranked or not; the median of an even number of zones is the mean of " +
      "the middle two. A measure's mean is over the zones it applies to.",
    "A common gap is a question on which at least half of the zones it applies to score below " +
      "0.5 (an unanswered or “don't know” question scores 0). They are ordered by the points of " +
      "the overall score the question costs, averaged over the zones it applies to.",
    (bottom === 0
      ? "No lowest-ranked zones are listed (--bottom 0). "
      : (bottom === 1
          ? "The lowest-ranked zone of each region is listed with its three largest gaps " +
            "(zones tied with it in region rank too, so a tie lists more; "
          : `The lowest-ranked ${bottom} zones of each region are listed with their three largest gaps ` +
            "(zones tied in region rank with the highest of them too, so a tie at the cut-off lists " +
            "more; ") + "a region with no ranked zone says so). ") +
      "Scores are shown rounded to one decimal; the JSON output carries them unrounded. Ranks " +
      "compare the unrounded scores, so two zones shown with the same score can rank apart " +
      "(57.62 and 57.59 both show as 57.6).",
  ],
  sheets: {
    league: "League table",
    matrix: "Measure matrix",
    commonGaps: "Common gaps",
    regions: "Regions",
    leftOut: "Files left out",
  },
  command: {
    wrote: (path) => `Roll-up written to ${path}`,
    leftOut: (count) =>
      `${leftOutEn(count)} ${count.files + count.folders === 1 ? "was" : "were"} left out of the roll-up (listed in it).`,
    noUsable: "no answers file could be used; nothing to roll up",
    noFiles: (where) => `no answers file (format: netdz-answers/1) found in ${where}`,
    binaryToTerminal:
      "--format xlsx writes a binary file: give --out FILE, or redirect standard output to a file",
    unknownFormat: (format, choices) => `unknown format "${format}" (choose ${choices})`,
    minCompleteness: (value) =>
      `--min-completeness must be a percentage from 0 to 100, not "${value}"`,
    bottom: (value) =>
      `--bottom must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not "${value}"`,
    badWorkers: (value) =>
      `NETDZ_WORKERS must be a whole number of worker threads (0: none), not "${value}"`,
    noSuchPath: (given) => `cannot read ${given}: no such file or folder`,
    outIsInput: (out) => `--out ${out} is one of the input files; choose another file`,
  },
};

const zh: AggregateMessages = {
  title: "国家级经开区自评估汇总",
  header: {
    measureSet: "评估清单",
    zones: "开发区",
    regions: "各区域开发区数",
    date: "日期",
    completeness: "完成度",
  },
  fieldSeparator: "：",
  listSeparator: LIST_SEPARATORS.zh,
  itemSeparator: "；",
  parenthetical: (text, remark) => `${text}（${remark}）`,
  zonesLine: (used, { files, folders }, superseded) =>
    `纳入 ${used} 个，未纳入文件 ${files} 个${folders > 0 ? `、文件夹 ${folders} 个` : ""}，被取代 ${superseded} 个`,
  regionCount: (label, zones) => `${label} ${zones} 个`,
  regionHeading: (label, zones) => `${label}（${zones} 个开发区）`,
  completenessSpread: (min, median, max) => `最低 ${min}，中位数 ${median}，最高 ${max}`,
  sections: {
    league: "排名表",
    regions: "分区域统计",
    matrix: "各开发区举措得分",
    commonGaps: "共性差距",
    bottom: "各区域排名靠后的开发区",
    setProblems: "评估清单的问题",
    leftOut: "未纳入或被取代的文件",
    method: "计算方法",
  },
  setProblemsIntro:
    "以下评估清单无效，每个问题只列一次；对应这些清单的答卷文件均未纳入汇总（见未纳入的文件）。",
  columns: {
    file: "文件",
    rank: "排名",
    regionRank: "区域内排名",
    zone: "开发区",
    province: "省份",
    region: "区域",
    overall: "总分",
    band: "等级",
    completeness: "完成度",
    unknown: "不清楚",
    zones: "开发区数",
    statistic: "得分",
    mean: "平均值",
    median: "中位数",
    min: "最低",
    max: "最高",
    question: "问题",
    measure: "举措",
    ref: "方案条目",
    zonesBelow: "低于 0.5 的开发区",
    share: "开发区占比",
    meanPoints: "平均失分",
    next: "下一步",
    largestGaps: "最大差距",
    line: "行",
    column: "列",
    reason: "原因",
    place: "位置",
    problem: "问题",
  },
  overallScore: "总分",
  unranked: "不排名",
  unrankedNote: (min) =>
    `标为“不排名”的开发区没有总分（没有适用的问题，或适用的问题全部被自行声明为不适用），` +
    `或作答的适用问题不足 ${min}：列出但不参与排名。`,
  noZones: "没有可纳入的开发区。",
  matrixIntro:
    "各开发区在每项举措上的得分（0–100）；举措不适用于该开发区时单元格留空。最后一行为适用开发区的平均值。",
  meanRow: "平均值",
  commonGapsIntro:
    "在其适用的开发区中至少有一半得分低于 0.5 的问题，按其在这些开发区造成的总分平均失分排列。",
  shareCell: (below, zones, percent) => `${zones} 个中 ${below} 个（${percent}）`,
  bottomIntro: (count) =>
    `各区域排名最后的 ${count} 个开发区及其三项最大差距（总分失分）；与所列名次最高者并列的开发区一并列出。`,
  bottomNoRegion: (n) =>
    `有 ${n} 个参与排名的开发区未注明区域，因此不在以上任何区域的名单中，也没有区域内排名；请见总排名表（并在其答卷的 zone 下填写 region）。`,
  bottomNoRanked: (min) =>
    `无参与排名的开发区：该区域的开发区均没有总分，或作答的适用问题不足 ${min}。`,
  gapItem: (question, points) => `${question} ${points}`,
  none: "无。",
  bottomNoneRequested: "未要求列出（--bottom 0）。",
  notApplicableShort: "不适用",
  reasons: {
    otherSet: (id, version, usedId, usedVersion) =>
      `对应评估清单 ${id}@${version}；本汇总使用 ${usedId}@${usedVersion}`,
    otherVersion: (version, used, migrate, tie) =>
      (tie
        ? `对应版本 ${version}；使用 ${used} 的有效文件与之数量相同，数量相同时取最新版本；不同版本不混合汇总`
        : `对应版本 ${version}；多数有效文件使用 ${used}，不同版本不混合汇总`) +
      (migrate ? `；可用以下命令迁移：${migrate}` : ""),
    superseded: (by, why, dated) => {
      if (why === "answered-later") return `已被 ${by} 取代（同一开发区更晚的填报）`;
      const tie = dated ? "answeredAt 相同" : "两个文件均未注明 answeredAt";
      return why === "newer-version"
        ? `已被 ${by} 取代（同一开发区；${tie}，${by} 的${ZH_RULE.version}）`
        : `已被 ${by} 取代（同一开发区；${tie}，且评估清单版本相同，${by} 的${ZH_RULE.path}）`;
    },
    zoneUsedFrom: (file) => `；该开发区的统计数据取自 ${file}`,
    supersededByLeftOut: (by) =>
      `；而 ${by} 本身未纳入汇总（见其所在行），因此该开发区不在任何统计中`,
    invalidSet: (id, version, problem) =>
      `对应评估清单 ${id}@${version}，该清单无效（第一个问题：${problem}）`,
    invalidAnswers: "不是可用的答卷文件",
  },
  method: (min, bottom) => [
    "每个文件按 netdz validate 的方式检查，按 netdz report 的方式计分；有错误的文件不计入任何统计，" +
      "无论对应哪个版本都只列出一次，并给出其第一个问题。所有文件须使用同一评估清单：" +
      "采用多数可用文件对应的清单标识及版本（可用指文件有效、其清单版本可用且有效、未被取代；" +
      "清单标识数量相同时取字母顺序在前者，版本数量相同时取最新版本）；" +
      "对应其他清单标识或版本的有效文件不纳入。无效文件不参与这一选择。",
    `同一开发区出现在多个文件中时只计一次。${ZH_RULE.sameZone}同一开发区的文件（无论清单版本）` +
      `采用最后作答的文件（${ZH_RULE.later}；相同或均未注明时取${ZH_RULE.version}者；` +
      `再相同时取${ZH_RULE.path}者），其余文件视为被取代。`,
    `按总分从高到低排名；得分相同者名次相同，其后名次顺延（1、1、3）。没有总分或作答的适用问题不足 ` +
      `${min} 的开发区列出但不排名。区域内排名以同样方式对每个区域内参与排名的开发区排序。`,
    "区域统计（平均值、中位数、最低、最高）针对该区域所有有得分的纳入开发区，无论是否排名；" +
      "开发区数为偶数时，中位数取中间两个数的平均值。举措平均值针对该举措适用的开发区。",
    "共性差距指在其适用的开发区中至少一半得分低于 0.5 的问题（未作答或“不清楚”得 0），" +
      "按该问题在适用开发区造成的总分平均失分排列。",
    (bottom === 0
      ? "未列出各区域排名靠后的开发区（--bottom 0）。"
      : `列出各区域排名最后的 ${bottom} 个开发区及其三项最大差距（与其中名次最高者并列的开发区一并列出，` +
        "因此名次在截止处并列时会多于该数；没有参与排名的开发区的区域会注明）。") +
      "得分保留一位小数显示；JSON 输出给出未经舍入的数值。排名比较的是未经舍入的得分，因此显示得分相同的两个开发区名次可能不同（57.62 与 57.59 均显示为 57.6）。",
  ],
  sheets: {
    league: "排名表",
    matrix: "举措得分矩阵",
    commonGaps: "共性差距",
    regions: "分区域统计",
    leftOut: "未纳入的文件",
  },
  command: {
    wrote: (path) => `汇总已写入 ${path}`,
    leftOut: ({ files, folders }) => {
      const counts = [
        files > 0 || folders === 0 ? `${files} 个文件` : "",
        folders > 0 ? `${folders} 个文件夹` : "",
      ];
      return `有 ${counts.filter(Boolean).join("、")}未纳入汇总（汇总中列出）。`;
    },
    noUsable: "没有可用的答卷文件，无法汇总",
    noFiles: (where) => `在 ${where} 中未找到答卷文件（format: netdz-answers/1）`,
    binaryToTerminal:
      "--format xlsx 输出二进制文件：请用 --out FILE 指定文件，或将标准输出重定向到文件",
    unknownFormat: (format, choices) => `未知格式${quoteZh(format)}（可选：${choices}）`,
    minCompleteness: (value) =>
      `--min-completeness 应为 0 到 100 之间的百分比，而不是${quoteZh(value)}`,
    bottom: (value) =>
      `--bottom 应为 0 至 ${Number.MAX_SAFE_INTEGER} 之间的整数，而不是${quoteZh(value)}`,
    badWorkers: (value) =>
      `NETDZ_WORKERS 应为工作线程数（整数，0 表示不用），而不是${quoteZh(value)}`,
    noSuchPath: (given) => `无法读取 ${given}：文件或文件夹不存在`,
    outIsInput: (out) => `--out ${out} 是输入文件之一；请另选一个文件`,
  },
};

export const AGGREGATE_MESSAGES: Readonly<Record<Lang, AggregateMessages>> = { en, zh };

/** The roll-up strings for a language. */
export function aggregateMessages(lang: Lang): AggregateMessages {
  return AGGREGATE_MESSAGES[lang];
}

/** The `--help` of `netdz aggregate`, in each language. */
export interface AggregateHelp {
  description(formats: string): string;
  paths: string;
  format: string;
  out: string;
  minCompleteness: string;
  bottom: string;
  percentage: string;
  after: string;
}

export const AGGREGATE_HELP: Readonly<Record<Lang, AggregateHelp>> = {
  en: {
    description: (formats) =>
      `roll up many zones' answers files: league table, regions, common gaps (${formats})`,
    paths: "answers files, and folders searched for them (default: the current folder)",
    format: "output format",
    out: "write the roll-up to a file instead of standard output (needed for xlsx on a terminal)",
    minCompleteness: "rank only zones that answered at least this share of their questions (0–100)",
    bottom: "how many lowest-ranked zones of each region to list (0 or more)",
    percentage: "expected a percentage from 0 to 100, such as 80 or 80%.",
    after: `
Files that are invalid, or pinned to another measure set or version, are left out and listed,
and the exit code is then 1; a zone's older file is superseded by the one answered last. The
date is the newest answeredAt of the files used, or SOURCE_DATE_EPOCH when set; with neither,
the roll-up is undated (never today's date), so the same files give the same bytes.

Examples:
  $ netdz aggregate zones/ --out roll-up.md
  $ netdz aggregate zones/ --format xlsx --out roll-up.xlsx --lang zh
  $ netdz aggregate zones/*.yaml --format json --min-completeness 60

Exit codes:
  0    every answers file found was used
  1    a file was left out (the roll-up is still written)
  2    usage error, a path that does not exist, or no usable answers file`,
  },
  zh: {
    description: (formats) => `汇总多个开发区的答卷：排名表、分区域统计、共性差距（${formats}）`,
    paths: "答卷文件，以及在其中查找答卷的文件夹（默认：当前文件夹）",
    format: "输出格式",
    out: "把汇总写入文件，而不是标准输出（在终端上输出 xlsx 时必须指定）",
    minCompleteness: "只对作答比例不低于该值（0–100）的开发区排名",
    bottom: "每个区域列出排名最后的多少个开发区（0 或更多）",
    percentage: "应为 0 到 100 之间的百分比，例如 80 或 80%。",
    after: `
无效的文件，或对应其他评估清单、其他版本的文件不纳入汇总并逐一列出，此时退出码为 1；
同一开发区较早的文件被最后作答的文件取代。日期为所纳入文件中最新的 answeredAt，
设置了 SOURCE_DATE_EPOCH 时取该时间；两者都没有时汇总不注日期（不取当天日期），
因此相同的文件总是得到相同的字节。

示例：
  $ netdz aggregate zones/ --out roll-up.md
  $ netdz aggregate zones/ --format xlsx --out roll-up.xlsx --lang zh
  $ netdz aggregate zones/*.yaml --format json --min-completeness 60

退出码：
  0    找到的答卷文件全部纳入
  1    有文件未纳入（汇总照常写出）
  2    用法错误、路径不存在，或没有可用的答卷文件`,
  },
};
