import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayPath } from "../../src/fs/measure-sets.js";

describe("displayPath", () => {
  it("is relative to the working folder inside it, as given (absolute here) outside it", () => {
    const cwd = path.join(path.sep, "work", "zone", "2026");
    expect(displayPath(path.join(cwd, "a.yaml"), cwd)).toBe("a.yaml");
    expect(displayPath(path.join(cwd, "sub", "a.yaml"), cwd)).toBe(path.join("sub", "a.yaml"));
    expect(displayPath(path.join(path.dirname(cwd), "a.yaml"), cwd)).toBe(
      path.join(path.dirname(cwd), "a.yaml"),
    );
    expect(displayPath(path.join(path.sep, "etc", "a.yaml"), cwd)).toBe(
      path.join(path.sep, "etc", "a.yaml"),
    );
    // A name that starts with two dots is inside the folder.
    expect(displayPath(path.join(cwd, "..a.yaml"), cwd)).toBe("..a.yaml");
    expect(displayPath(cwd, cwd)).toBe(cwd);
  });
});

/**
 * displayPath as defined, with the relative path worked out by path.relative itself: a path
 * (as given, relative to `cwd` or absolute) inside `cwd` relative to it, any other as given.
 */
function byPathRelative(file: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  if (relative === "" || path.isAbsolute(relative)) return file;
  const above = relative === ".." || relative.startsWith(`..${path.sep}`);
  return above ? file : relative;
}

describe("displayPath's shortcut for plain absolute paths", () => {
  it("agrees with path.relative for any paths, plain or not (., .., empty and trailing parts)", () => {
    const part = fc.constantFrom("a", "b", "ab", ".", "..", "...", "..a", ".a", "", "x y", "中文");
    const somePath = fc
      .tuple(fc.boolean(), fc.array(part, { maxLength: 5 }))
      .map(([absolute, parts]) => `${absolute ? "/" : ""}${parts.join("/")}`);
    fc.assert(
      fc.property(somePath, somePath, fc.boolean(), (file, cwd, inside) => {
        const folder = cwd === "" ? "/" : cwd;
        const shown = inside ? `${folder}/${file}` : file;
        expect(displayPath(shown, folder)).toBe(byPathRelative(shown, folder));
      }),
      { numRuns: 3000 },
    );
  });
});
