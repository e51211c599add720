import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formCheckbox, formList, formText } from "./form-fields";

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const schema = z.object({
  note: formText,
  processes: formList,
  same: formCheckbox,
  nested: z.object({ city: formText }),
});

describe("form fields parsed with Conform", () => {
  it("reads text, one ticked box, a ticked checkbox and dotted names", () => {
    const submission = parseWithZod(
      formData([
        ["note", "typed"],
        ["processes", "FDM"],
        ["same", "on"],
        ["nested.city", "Berlin"],
      ]),
      { schema },
    );
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({
      note: "typed",
      processes: ["FDM"],
      same: true,
      nested: { city: "Berlin" },
    });
  });

  it("reads empty and missing fields as the empty text, no ticks and unticked", () => {
    const submission = parseWithZod(
      formData([
        ["note", ""],
        ["processes", "FDM"],
        ["processes", "SLA"],
      ]),
      {
        schema,
      },
    );
    expect(submission.status === "success" && submission.value).toEqual({
      note: "",
      processes: ["FDM", "SLA"],
      same: false,
      nested: { city: "" },
    });
  });

  it("drops field names that would reach Object.prototype, even past the guard", () => {
    const submission = parseWithZod(
      formData([
        ["__proto__.companyId", "seed_company_mueller"],
        ["constructor.prototype.isAdmin", "true"],
        ["nested[__proto__][city]", "polluted"],
        ["note", "kept"],
      ]),
      { schema },
    );
    expect(submission.payload).toEqual({ note: "kept" });
    const plain: Record<string, unknown> = {};
    expect([plain.companyId, plain.isAdmin, plain.city]).toEqual([undefined, undefined, undefined]);
  });
});
