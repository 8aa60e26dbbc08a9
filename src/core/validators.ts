import type { CompiledValidator, ValidatorSet } from "./schema-check.js";
import { SCHEMA_NAMES } from "./schemas/names.js";

/** ajv settings shared by run-time compilation and the build's standalone code. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  // `if/then: required` names properties defined beside the `if`, which strictRequired rejects.
  strictRequired: false,
  allowUnionTypes: true,
} as const;

let cached: Promise<ValidatorSet> | undefined;

/**
 * The compiled schema validators. A build generates them as ajv standalone code
 * (scripts/build-validators.mjs), so the CLI does not compile schemas at start-up; when that
 * module is missing (running from source, as tests do) they are compiled here once.
 */
export function loadValidators(): Promise<ValidatorSet> {
  cached ??= importGenerated().catch(compileValidators);
  return cached;
}

async function importGenerated(): Promise<ValidatorSet> {
  const url = new URL("./generated-validators.js", import.meta.url);
  const generated = (await import(url.href)) as Record<string, CompiledValidator>;
  return Object.fromEntries(
    SCHEMA_NAMES.map((name) => {
      const validate = generated[exportName(name)];
      if (!validate) throw new Error(`generated validators lack ${name}`);
      return [name, validate];
    }),
  ) as ValidatorSet;
}

/** Compiles every schema with ajv (draft 2020-12, all errors, strict). */
export async function compileValidators(): Promise<ValidatorSet> {
  const { Ajv2020 } = await import("ajv/dist/2020.js");
  const { SCHEMAS } = await import("./schemas/index.js");
  const ajv = new Ajv2020(AJV_OPTIONS);
  return Object.fromEntries(
    SCHEMA_NAMES.map((name) => [name, ajv.compile(SCHEMAS[name].schema)]),
  ) as unknown as ValidatorSet;
}

/** The export name a schema's validator has in the generated module: `measure-set` → `measureSet`. */
export function exportName(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
