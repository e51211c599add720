// A file stopped at its time limit: the file's fault, or a busy machine's (decision 0122).
import { describe, expect, it } from "vitest";
import { timedOutFailure } from "./timed-out-failure";

describe("a file stopped at its time limit", () => {
  it("blames the file when its thread had the processor most of the time", () => {
    expect(timedOutFailure(22_000, 21_400)).toEqual({
      ok: false,
      error: {
        code: "timeout",
        message:
          "The analysis took longer than 22 s and was stopped. Simplify the model or ask for a manual quote.",
      },
    });
  });

  it("says the service was busy when its thread had the processor for less than half of the limit", () => {
    const failure = timedOutFailure(22_000, 4_300);
    expect(failure.error.code).toBe("busy_timeout");
    expect(failure.error.message).toBe(
      "The analysis was stopped after 22 s because the service was busy with other files: it had the processor for only 4.3 s of them. The file itself is not the problem; upload it again in a few minutes or ask for a manual quote.",
    );
  });

  it("blames the file where the processor time is unknown (not Linux)", () => {
    expect(timedOutFailure(22_000, undefined).error.code).toBe("timeout");
  });
});
