import { describe, expect, it } from "vitest";
import { oneAtATimePerKey } from "./one-at-a-time-per-key";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("oneAtATimePerKey", () => {
  it("runs calls on one key one after another, in the order they came", async () => {
    const serialize = oneAtATimePerKey();
    const events: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const task = (name: string, ms: number) =>
      serialize("office", async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        events.push(`start ${name}`);
        await pause(ms);
        events.push(`end ${name}`);
        running--;
        return name;
      });
    const results = await Promise.all([task("a", 20), task("b", 1), task("c", 5)]);
    expect(results).toEqual(["a", "b", "c"]);
    expect(mostAtOnce).toBe(1);
    expect(events).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("lets different keys run at the same time", async () => {
    const serialize = oneAtATimePerKey();
    let running = 0;
    let mostAtOnce = 0;
    const task = (key: string) =>
      serialize(key, async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await pause(10);
        running--;
      });
    await Promise.all([task("one"), task("two"), task("three")]);
    expect(mostAtOnce).toBe(3);
  });

  it("goes on with the next call when one fails, and passes the failure to its caller", async () => {
    const serialize = oneAtATimePerKey();
    const failing = serialize("office", async () => {
      throw new Error("quota exceeded");
    });
    const next = serialize("office", async () => "next ran");
    await expect(failing).rejects.toThrow("quota exceeded");
    await expect(next).resolves.toBe("next ran");
  });
});
