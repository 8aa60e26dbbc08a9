import js from "@eslint/js";
import tseslint from "typescript-eslint";
import prettier from "eslint-config-prettier";
import globals from "globals";

/** What src/core and src/render may not import: file system, processes, network, OS, browsers. */
const IO_MODULES = [
  "fs",
  "fs/*",
  "node:fs",
  "node:fs/*",
  "process",
  "node:process",
  "child_process",
  "node:child_process",
  "os",
  "node:os",
  "net",
  "node:net",
  "http",
  "node:http",
  "https",
  "node:https",
  "worker_threads",
  "node:worker_threads",
  "puppeteer-core",
  "puppeteer-core/*",
  "@resvg/*",
  "exceljs",
  "exceljs/*",
  "@inquirer/*",
  "commander",
  "chalk",
];

const PURE = "core and render stay pure: no I/O, prompts or colour here";

/** The rules keeping a module off `modules`, by static import or by a literal dynamic `import()`. */
function pureRules(modules) {
  // The same list as a regular expression over the dynamic import's literal source.
  const source = modules
    .map((m) => m.replace(/[.+?^${}()|[\]\\/]/g, "\\$&").replace("*", ".+"))
    .join("|");
  return {
    "no-restricted-imports": ["error", { patterns: [{ group: modules, message: `${PURE}.` }] }],
    "no-restricted-globals": ["error", "process"],
    "no-restricted-syntax": [
      "error",
      {
        selector: `ImportExpression[source.type='Literal'][source.value=/^(${source})$/]`,
        message: `${PURE} (not even by a dynamic import).`,
      },
    ],
  };
}

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  { files: ["src/core/**/*.ts", "src/render/**/*.ts"], rules: pureRules(IO_MODULES) },
  // exceljs is used here only to build a workbook's bytes in memory (writeBuffer, never a file):
  // the one module of render/ allowed to load it.
  {
    files: ["src/render/aggregate-xlsx.ts"],
    rules: pureRules(IO_MODULES.filter((m) => !m.startsWith("exceljs"))),
  },
  prettier,
);
