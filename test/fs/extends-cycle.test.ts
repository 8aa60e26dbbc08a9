import { cpSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSetFolder } from "../../src/fs/set-loader.js";
import { diagnosticMessage } from "../../src/i18n/diagnostic-messages.js";
import { editFile, positionIn, ROOT, tempDir } from "../helpers.js";

// Sets whose `extends:` goes round in a cycle: each is one located error that says so and names
// the sets of the cycle, never "the set this one extends is invalid" sending the user round it.

/** Copies of the example province set as `ids`, each extending the next and the last the first. */
function cycleOf(ids: string[]): string {
  const root = path.join(tempDir(), "sets");
  ids.forEach((id, index) => {
    const dir = path.join(root, id, "1.0.0");
    cpSync(path.join(ROOT, "examples", "example-province", "1.0.0"), dir, { recursive: true });
    const file = path.join(dir, "set.yaml");
    editFile(file, "id: example-province", `id: ${id}`);
    editFile(
      file,
      "id: workplan-2025, version: 1.1.0",
      `id: ${ids[(index + 1) % ids.length]}, version: 1.0.0`,
    );
  });
  return root;
}

describe("a cycle in extends", () => {
  it("of two sets is one error in each, at extends:, naming the cycle from that set", async () => {
    const root = cycleOf(["prov-a", "prov-b"]);
    for (const [id, cycle] of [
      ["prov-a", "prov-a@1.0.0 → prov-b@1.0.0 → prov-a@1.0.0"],
      ["prov-b", "prov-b@1.0.0 → prov-a@1.0.0 → prov-b@1.0.0"],
    ] as const) {
      const file = path.join(root, id, "1.0.0", "set.yaml");
      const loaded = await loadSetFolder(path.dirname(file), path.dirname(file));
      expect(loaded.set).toBeUndefined();
      expect(loaded.diagnostics).toEqual([
        expect.objectContaining({
          file: "set.yaml",
          code: "set/extends-base",
          severity: "error",
          ...positionIn(file, "{ id:"),
          message: `extends: goes round in a cycle, ${cycle}, so none of these sets can be loaded; a set cannot extend itself through others: make one of them extend another set (such as the national one)`,
        }),
      ]);
    }
  });

  it("of three sets names all three, in Chinese too", async () => {
    const root = cycleOf(["prov-a", "prov-b", "prov-c"]);
    const loaded = await loadSetFolder(path.join(root, "prov-b", "1.0.0"), root);
    expect(loaded.diagnostics).toHaveLength(1);
    const text = loaded.diagnostics[0]?.text;
    expect(text && diagnosticMessage(text, "zh")).toBe(
      "extends: 构成循环：prov-b@1.0.0 → prov-c@1.0.0 → prov-a@1.0.0 → prov-b@1.0.0，这些清单都无法加载；清单不能经由其他清单扩展自身：请让其中一个清单改为扩展另一个清单（例如全国清单）",
    );
  });

  it("that a set leads into without being part of it leaves that set's error as invalid base", async () => {
    const root = cycleOf(["prov-b", "prov-c"]);
    const dir = path.join(root, "prov-a", "1.0.0");
    cpSync(path.join(ROOT, "examples", "example-province", "1.0.0"), dir, { recursive: true });
    editFile(path.join(dir, "set.yaml"), "id: example-province", "id: prov-a");
    editFile(
      path.join(dir, "set.yaml"),
      "id: workplan-2025, version: 1.1.0",
      "id: prov-b, version: 1.0.0",
    );
    const loaded = await loadSetFolder(dir, root);
    expect(loaded.diagnostics.map((d) => d.text?.id)).toEqual(["set/extends-invalid"]);
  });
});
