// An answers file written as JSON is still JSON after `netdz migrate` and after an `assess` save
// (a script that made it, or reads it, keeps working), laid out as it was.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AnswersStore } from "../../src/fs/answers-store.js";
import { runCli, tempDir } from "../helpers.js";

const JSON_ANSWERS = `{
  "format": "netdz-answers/1",
  "measureSet": { "id": "workplan-2025", "version": "1.0.0" },
  "zone": { "name": "Test Zone", "province": "Jiangsu", "region": "eastern" },
  "answers": {
    "M01.Q1": { "status": "implemented", "answeredAt": "2026-01-01T00:00:00Z" }
  }
}
`;

describe("a JSON answers file stays JSON", () => {
  it("netdz migrate (spawned) writes JSON in the file's layout, and the file validates", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "zone.json.yaml"), JSON_ANSWERS);
    const result = runCli(["migrate", "zone.json.yaml", "--to", "1.1.0"], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: "1767225600" },
    });
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(path.join(dir, "zone.json.yaml"), "utf8");
    expect(JSON.parse(text)).toMatchObject({
      measureSet: { version: "1.1.0" },
      zone: { province: "jiangsu" },
      migrated: [{ from: "1.0.0", to: "1.1.0", date: "2026-01-01T00:00:00Z" }],
    });
    expect(text).toBe(
      JSON_ANSWERS.replace('"1.0.0" }', '"1.1.0" }')
        .replace('"Jiangsu", "region": "eastern"', '"jiangsu"')
        .replace(
          "  }\n}\n",
          '  },\n  "migrated": [ { "from": "1.0.0", "to": "1.1.0", "date": "2026-01-01T00:00:00Z" } ]\n}\n',
        ),
    );
    // The file as it was is kept beside it, byte for byte.
    expect(readFileSync(path.join(dir, "zone.json.1.0.0.yaml"), "utf8")).toBe(JSON_ANSWERS);
    const check = runCli(["validate", "zone.json.yaml"], { cwd: dir });
    expect(check.status, check.stdout + check.stderr).toBe(0);
  });

  it("an assess save (the store) of a new answer and a zone field writes JSON", async () => {
    const file = path.join(tempDir(), "zone.yaml");
    writeFileSync(file, JSON_ANSWERS.replace(/\n/g, "\r\n"));
    const store = await AnswersStore.open(file);
    await store.setAnswer("M02.Q1", { status: "planned", note: 'a "quoted" note' });
    await store.setZone("ftzLinked", true);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("\r\n");
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    expect(JSON.parse(text)).toMatchObject({
      zone: { ftzLinked: true },
      answers: { "M02.Q1": { status: "planned", note: 'a "quoted" note' } },
    });
    expect(text).toContain(
      '\r\n    "M02.Q1": { "status": "planned", "note": "a \\"quoted\\" note" }\r\n',
    );
  });
});
