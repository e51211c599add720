import { describe, expect, it } from "vitest";
import { unsafeFormDataProblem } from "./unsafe-form-data-problem";

function form(entries: [string, string | File][]): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

describe("unsafeFormDataProblem", () => {
  it("passes ordinary forms, Next's own fields and dotted names", () => {
    expect(
      unsafeFormDataProblem(
        form([
          ["$ACTION_ID_abc", ""],
          ["weights.cost", "0.4"],
          ["billing.name", "Anna Weber"],
          ["constructorName", "Müller"],
          ["photos", new File(["x"], "photo.jpg")],
        ]),
      ),
    ).toBeNull();
  });

  it.each([
    "__proto__",
    "__proto__.companyId",
    "weights.__proto__.x",
    "a.constructor.prototype",
    "prototype",
    "a[__proto__]",
  ])("refuses the field name %s", (name) => {
    expect(
      unsafeFormDataProblem(
        form([
          ["ok", "1"],
          [name, "x"],
        ]),
      ),
    ).toMatch(/not allowed/);
  });

  it("refuses NUL in text, in a file name and in a field name", () => {
    expect(unsafeFormDataProblem(form([["reason", "late\u0000"]]))).toMatch(
      /reason.*contains a character that is not allowed/,
    );
    expect(unsafeFormDataProblem(form([["photos", new File(["x"], "a\u0000.jpg")]]))).toMatch(
      /contains a character that is not allowed/,
    );
    expect(unsafeFormDataProblem(form([["a\u0000b", "x"]]))).toMatch(
      /contains a character that is not allowed/,
    );
  });
});
