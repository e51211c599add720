import { z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { refusedFormState } from "./refused-form-state";

function formData(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("refusedFormState", () => {
  it("hands back the field's error and what was typed, without Next's fields, files or passwords", () => {
    const error = z
      .object({ reason: z.string().min(5, "Say why in a few words.") })
      .safeParse({ reason: "no" }).error;
    const state = refusedFormState(
      error,
      "reject the offer",
      formData([
        ["$ACTION_ID_abc", "x"],
        ["reason", "no"],
        ["processes", "FDM"],
        ["processes", "SLA"],
        ["password", "secret-secret"],
        ["newPassword", "secret-secret"],
        ["photo", new Blob(["png"])],
      ]),
    );
    expect(state).toEqual({
      fieldErrors: { reason: "Say why in a few words." },
      values: { reason: "no", processes: "FDM,SLA" },
    });
  });

  it("puts an AppError without a field above the form", () => {
    const state = refusedFormState(
      new AppError("conflict", "Someone answered this offer meanwhile."),
      "answer",
      formData([["note", "typed"]]),
    );
    expect(state).toEqual({ error: "Someone answered this offer meanwhile.", values: { note: "typed" } });
  });
});
