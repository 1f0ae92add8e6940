import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const made: string[] = [];
let hooked = false;

/**
 * A new folder in the temporary folder, removed when the test process exits (whether its tests
 * passed or failed), so that test runs leave nothing behind.
 */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  if (!hooked) {
    hooked = true;
    process.on("exit", removeTempDirs);
  }
  return dir;
}

/** Removes every folder made by tempDir so far. */
export function removeTempDirs(): void {
  while (made.length) {
    const dir = made.pop()!;
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      /* already gone */
    }
  }
}
