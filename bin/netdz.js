#!/usr/bin/env node
import module from "node:module";

module.enableCompileCache?.();
// Set once the bundle is loaded: says in words that standard output refused what was written.
let reportStdoutFailure;
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    // A reader that stops early (`netdz --help | head`) is not an error.
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    // A full disk or a read-only file behind standard output: one line on standard error and
    // exit 2 (nothing can be said when standard error itself fails).
    if (stream === process.stdout && reportStdoutFailure) {
      reportStdoutFailure(error).then(
        () => process.exit(2),
        () => process.exit(2),
      );
    } else process.exit(2);
  });
}
const netdz = await import("../dist/bundle/main.js");
reportStdoutFailure = netdz.reportStdoutFailure;
process.exitCode = await netdz.main(process.argv.slice(2));
