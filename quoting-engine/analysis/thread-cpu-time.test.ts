// A thread's own processor time from /proc: it grows while the thread computes and not while it waits
// (decision 0122: the pool tells a busy machine from a hard file by it).
import { describe, expect, it } from "vitest";
import { ownThreadStatPath, threadCpuMs } from "./thread-cpu-time";

const linux = process.platform === "linux";

describe.runIf(linux)("a thread's processor time", () => {
  it("names this process's thread and counts computing, not waiting", () => {
    const statPath = ownThreadStatPath();
    expect(statPath).toMatch(new RegExp(`^/proc/${process.pid}/task/\\d+/stat$`));
    const before = threadCpuMs(statPath)!;
    // 300 ms asleep: no processor time.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
    const afterSleep = threadCpuMs(statPath)!;
    expect(afterSleep - before).toBeLessThan(60);
    // Arithmetic until the thread has had 100 ms of processor (within 10 s, however loaded the machine).
    const giveUpAt = performance.now() + 10_000;
    let sum = 0;
    let grownMs = 0;
    while (grownMs < 100 && performance.now() < giveUpAt) {
      for (let step = 0; step < 1_000_000; step++) sum += Math.sqrt(sum + step);
      grownMs = threadCpuMs(statPath)! - afterSleep;
    }
    expect(sum).toBeGreaterThan(0);
    expect(grownMs).toBeGreaterThanOrEqual(100);
  });

  it("reads nothing for a thread that is gone", () => {
    expect(threadCpuMs(`/proc/${process.pid}/task/999999999/stat`)).toBeUndefined();
    expect(threadCpuMs(undefined)).toBeUndefined();
  });
});
