// Generated answers files for the roll-up bench (issue 9): random but valid answers of the
// bundled set, all regions, mixed completeness. Usage: node scripts/bench-zones.mjs DIR COUNT
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadValidSet } from "../dist/fs/workspace.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/** A small seeded random generator (mulberry32), so every run generates the same files. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random but valid answer line for a question, or undefined to leave it unanswered. */
function randomAnswer(q, random, at) {
  const r = random();
  if (r < 0.05) return `{ status: unknown, answeredAt: ${at} }`;
  if (r < 0.08) return `{ status: not_applicable, note: "does not apply here", answeredAt: ${at} }`;
  const evidence = q.evidence ? `, evidence: [https://example.org/${q.id}]` : "";
  switch (q.type) {
    case "status": {
      const statuses = ["implemented", "in_progress", "planned", "not_started"];
      return `{ status: ${statuses[Math.floor(random() * 4)]}${evidence}, answeredAt: ${at} }`;
    }
    case "number":
      return `{ value: ${Math.round(random() * 2 * q.target * 100) / 100}${evidence}, answeredAt: ${at} }`;
    case "yesno":
      return `{ value: ${random() < 0.6}${evidence}, answeredAt: ${at} }`;
    case "choice":
      return `{ value: ${q.options[Math.floor(random() * q.options.length)].id}${evidence}, answeredAt: ${at} }`;
    case "multi":
      return `{ value: [${q.options
        .filter(() => random() < 0.5)
        .map((o) => o.id)
        .join(", ")}]${evidence}, answeredAt: ${at} }`;
    default:
      return `{ value: "notes for ${q.id}", answeredAt: ${at} }`;
  }
}

/** Whether a question applies to a zone profile (answers are given only where they do). */
function applies(question, zone) {
  return Object.entries(question.appliesWhen ?? {}).every(([field, allowed]) =>
    allowed.includes(zone[field]),
  );
}

/** Writes `count` answers files for the bundled set: all regions, completeness 30–100 %. */
export async function generateZones(dir, count, seed = 42) {
  const set = await loadValidSet(path.join(root, "measures", "workplan-2025", "1.0.0"), root);
  const random = seeded(seed);
  const REGIONS = ["eastern", "central", "western", "northeastern"];
  const PROVINCES = {
    eastern: ["Jiangsu", "Zhejiang", "Shandong", "Guangdong"],
    central: ["Henan", "Hubei", "Hunan", "Anhui"],
    western: ["Sichuan", "Ningxia", "Gansu", "Guizhou"],
    northeastern: ["Liaoning", "Jilin", "Heilongjiang"],
  };
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const region = REGIONS[i % REGIONS.length];
    const province = PROVINCES[region][Math.floor(random() * PROVINCES[region].length)];
    const completeness = 0.3 + random() * 0.7;
    const zone = {
      region,
      westernHubArea: region === "western" && random() < 0.5,
      ftzLinked: random() < 0.5,
      customsArea: random() < 0.7,
    };
    const lines = [
      "format: netdz-answers/1",
      `measureSet: { id: ${set.id}, version: ${set.version} }`,
      `zone: { name: Zone ${i}, province: ${province}, region: ${region}, ` +
        `westernHubArea: ${zone.westernHubArea}, ftzLinked: ${zone.ftzLinked}, ` +
        `customsArea: ${zone.customsArea} }`,
      "answers:",
    ];
    let minute = 0;
    for (const measure of set.measures) {
      for (const q of measure.questions) {
        if (random() > completeness || !applies(q, zone)) continue;
        const at = new Date(Date.UTC(2026, 3, 1) + (i * 97 + minute++) * 60_000).toISOString();
        lines.push(`  ${q.id}: ${randomAnswer(q, random, at)}`);
      }
    }
    writeFileSync(
      path.join(dir, `zone-${String(i).padStart(5, "0")}.yaml`),
      `${lines.join("\n")}\n`,
    );
  }
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await generateZones(path.resolve(process.argv[2]), Number(process.argv[3]));
}
