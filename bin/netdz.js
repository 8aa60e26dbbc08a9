#!/usr/bin/env node
import module from "node:module";

module.enableCompileCache?.();
// A reader that stops early (`netdz --help | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import("../dist/bundle/main.js");
process.exitCode = await main(process.argv.slice(2));
