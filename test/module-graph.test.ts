// The import graph of src/, as esbuild resolves it (type-only imports are erased, as at run
// time): no module imports the command wiring (src/cli.ts) but the entry, and no import cycles.
import { build, type Metafile } from "esbuild";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

async function graph(): Promise<Map<string, { file: string; dynamic: boolean }[]>> {
  const result = await build({
    entryPoints: [path.join(ROOT, "src", "main.ts")],
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "node",
    packages: "external",
    logLevel: "silent",
  });
  const meta: Metafile = result.metafile;
  const edges = new Map<string, { file: string; dynamic: boolean }[]>();
  for (const [file, input] of Object.entries(meta.inputs)) {
    if (!file.startsWith("src/")) continue;
    edges.set(
      file,
      input.imports
        .filter((i) => !i.external && i.path.startsWith("src/"))
        .map((i) => ({ file: i.path, dynamic: i.kind === "dynamic-import" })),
    );
  }
  return edges;
}

/** Every cycle found by a depth-first walk, each as `a -> b -> a`. */
function cycles(edges: Map<string, { file: string; dynamic: boolean }[]>, dynamic: boolean) {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, "open");
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (next.dynamic && !dynamic) continue;
      if (state.get(next.file) === "open") {
        found.push([...stack.slice(stack.indexOf(next.file)), next.file].join(" -> "));
      } else if (!state.has(next.file)) visit(next.file);
    }
    stack.pop();
    state.set(node, "done");
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe("module graph of src/", () => {
  it("reaches every command and the wiring from the entry", async () => {
    const edges = await graph();
    expect(edges.has("src/cli.ts")).toBe(true);
    expect(edges.has("src/commands/validate.ts")).toBe(true);
    expect(edges.has("src/commands/assess.ts")).toBe(true);
  });

  it("has no import cycle, static or through a lazy import", async () => {
    const edges = await graph();
    expect(cycles(edges, false)).toEqual([]);
    expect(cycles(edges, true)).toEqual([]);
  });

  it("lets only the entry import the command wiring (src/cli.ts)", async () => {
    const edges = await graph();
    const importers = [...edges]
      .filter(([, imports]) => imports.some((i) => i.file === "src/cli.ts"))
      .map(([file]) => file);
    expect(importers).toEqual(["src/main.ts"]);
  });
});
