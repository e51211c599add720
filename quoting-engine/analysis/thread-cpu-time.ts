import { readFileSync, readlinkSync } from "node:fs";

/**
 * The /proc stat file of the calling thread (Linux: `/proc/thread-self` names it), for another thread to
 * read its processor time; undefined elsewhere or where /proc is not mounted.
 */
export function ownThreadStatPath(): string | undefined {
  if (process.platform !== "linux") return undefined;
  try {
    // "1234/task/1240": the process and this thread's id.
    return `/proc/${readlinkSync("/proc/thread-self")}/stat`;
  } catch {
    return undefined;
  }
}

/**
 * The processor time (user + system) a thread has had so far, in ms, from its /proc stat file; undefined
 * when the file cannot be read (the thread ended, not Linux). /proc counts in USER_HZ ticks, 100 a second.
 */
export function threadCpuMs(statPath: string | undefined): number | undefined {
  if (!statPath) return undefined;
  try {
    const stat = readFileSync(statPath, "utf8");
    // The thread's name (field 2) is in brackets and may hold spaces: count the fields after it.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
