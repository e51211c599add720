import { describe, expect, it } from "vitest";
import { followUpJob } from "./enqueue-job";
import { followUpJobInsert } from "./follow-up-job-insert";

describe("a follow-up job's insert as a fragment of another statement", () => {
  const due = new Date("2027-01-04T14:00:00.000Z");

  it("is pg-boss's insert with its values in place, written only when the condition holds", async () => {
    const fragment = await followUpJobInsert(
      followUpJob("offers.expire", {}, { startAfter: due }),
      '(SELECT "ok" FROM checked)',
    );
    expect(fragment.text).toContain("INSERT INTO pgboss.job");
    expect(fragment.text).toContain('q.name AND (SELECT "ok" FROM checked)');
    // Every "$n" became a value of the fragment's own, in order of use.
    expect(fragment.strings.join("")).not.toMatch(/\$\d/);
    expect(fragment.values).toContain("offers.expire");
    expect(fragment.values).toContain(due.toISOString());
    expect(fragment.values).toContain("{}");
    expect(fragment.values.length).toBeGreaterThan(19);
  });

  it("refuses a job that starts now: its workers would not be woken", async () => {
    await expect(followUpJobInsert(followUpJob("offers.expire", {}))).rejects.toThrow(/starts now/);
  });
});
