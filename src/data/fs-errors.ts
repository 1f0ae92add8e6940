/** File-system errors in words (no dependencies, so the command line can load it first). */

/** What a file-system error code means, in words. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const words: Record<string, string> = {
    ENOSPC: "no space left on the device",
    EDQUOT: "the disk quota is exceeded",
    EISDIR: "it is a folder",
    ENOTDIR: "a part of the path is a file, not a folder",
    ENOENT: "no such file or folder",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "the file system is read-only",
    EEXIST: "a file of that name is in the way",
    ENAMETOOLONG: "the name is too long",
    ELOOP: "too many levels of symbolic links",
    EBUSY: "the file is busy",
    EMFILE: "too many open files",
    EIO: "input/output error",
    EPIPE: "the reader closed the pipe",
    EXDEV: "it is on another device",
  };
  return code ? `${words[code] ?? (e as Error).message} (${code})` : String((e as Error)?.message ?? e);
}

/** True for an error thrown by a file-system call (it has an errno code and a syscall). */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && typeof (e as NodeJS.ErrnoException).syscall === "string";
}
