import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { open, realpath, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";

/**
 * Writes a file atomically: temp file in the same folder, write, fsync, rename. A symbolic link
 * is followed, so the file it points to is replaced and the link stays a link.
 */
export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const file = await realpath(target).catch(() => target);
  const dir = path.dirname(file);
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  const mode = await stat(file).then(
    (info) => info.mode & 0o777,
    () => 0o666,
  );
  let handle;
  try {
    handle = await open(temp, "wx", mode);
    await handle.writeFile(text, "utf8");
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, file);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dir);
}

/** Flushes a folder entry (the rename) to disk where the platform allows it. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, fsConstants.O_RDONLY).catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close().catch(() => undefined);
}
