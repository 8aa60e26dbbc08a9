import { createRequire } from "node:module";
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

/** The folder beside this module where the build writes one `<schema>.cjs` per schema. */
export const GENERATED_VALIDATORS = "generated-validators";

let cached: Promise<ValidatorSet> | undefined;

/**
 * The compiled schema validators. A build generates them as ajv standalone code
 * (scripts/build-validators.mjs), so the CLI does not compile schemas at start-up; each is
 * loaded when first used (a report reads only the answers schema's). When those modules are
 * missing (running from source, as tests do) they are compiled here once.
 */
export function loadValidators(): Promise<ValidatorSet> {
  cached ??= generated().catch(compileValidators);
  return cached;
}

async function generated(): Promise<ValidatorSet> {
  const require = createRequire(import.meta.url);
  const files = SCHEMA_NAMES.map((name) => {
    // Throws here, not at first use, when the build has not written them.
    const file = require.resolve(`./${GENERATED_VALIDATORS}/${name}.cjs`);
    return [name, file] as const;
  });
  const set = {} as ValidatorSet;
  for (const [name, file] of files) {
    let validate: CompiledValidator | undefined;
    Object.defineProperty(set, name, {
      enumerable: true,
      get: () => {
        validate ??= (require(file) as Record<string, CompiledValidator>)[exportName(name)];
        if (!validate) throw new Error(`generated validators lack ${name}`);
        return validate;
      },
    });
  }
  return set;
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
