// Preloaded with `node --import`: records the URL of every module the process resolves, one a
// line, in the file named by NETDZ_TRACE_OUT (written from the hooks thread, synchronously).
import { register } from "node:module";

register("./hooks.mjs", import.meta.url, { data: { out: process.env.NETDZ_TRACE_OUT } });
