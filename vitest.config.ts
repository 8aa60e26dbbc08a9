import { defineConfig } from "vitest/config";

// Two projects: "unit" imports the sources directly; "e2e" spawns the built CLI (dist/), so it
// runs only after a build: `npm test` builds first, `npm run test:e2e` too, and
// `npm run test:unit` runs the unit project alone, never against a stale dist/.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    clearMocks: true,
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**"] },
      },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"] } },
    ],
  },
});
