import { describe, expect, it } from "vitest";
import { z } from "zod";
import { quoteOptionsSchema } from "../quotes/quote-options-schema";
import { describeZodIssues, zodIssuesSentence } from "./describe-zod-issues";
import { toAppError } from "./error-response";

const refusalsOf = (schema: z.ZodType, value: unknown, withSchema = true) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error("expected a refusal");
  return describeZodIssues(parsed.error, withSchema ? schema : undefined).map((refusal) => refusal.message);
};

describe("zod refusals in words", () => {
  it("names the field and the whole allowed range of the quote options", () => {
    const options = { process: "cnc_milling", materialCode: "AL-6061-T6" };
    expect(refusalsOf(quoteOptionsSchema, { ...options, quantity: 0 })).toEqual([
      "quantity must be a whole number from 1 to 100,000",
    ]);
    expect(refusalsOf(quoteOptionsSchema, { ...options, quantity: 2.5 })).toEqual([
      "quantity must be a whole number from 1 to 100,000",
    ]);
    expect(refusalsOf(quoteOptionsSchema, { ...options, quantity: "ten" })).toEqual([
      "quantity must be a whole number from 1 to 100,000",
    ]);
    expect(refusalsOf(quoteOptionsSchema, { ...options })).toEqual([
      "quantity is missing: it must be a whole number from 1 to 100,000",
    ]);
    expect(refusalsOf(quoteOptionsSchema, { ...options, quantity: 1, process: "welding" })[0]).toMatch(
      /^process must be one of "cnc_milling", "cnc_turning", /,
    );
    // The schema's own words are kept after the field's name.
    expect(refusalsOf(quoteOptionsSchema, { ...options, quantity: 1, deliveryDate: "1 Jan" })).toEqual([
      "deliveryDate must be a date (YYYY-MM-DD)",
    ]);
  });

  it("gives lengths, list sizes, unknown fields and paths into lists", () => {
    const schema = z
      .object({
        note: z.string().max(5),
        parts: z
          .array(z.object({ id: z.string().min(1) }))
          .min(1)
          .max(50),
      })
      .strict();
    expect(refusalsOf(schema, { note: "too long", parts: [{ id: "" }], extra: 1 })).toEqual([
      "note must have at most 5 characters",
      "parts[0].id must not be empty",
      "the body has a field this request does not take: extra",
    ]);
    expect(refusalsOf(schema, { note: "", parts: [] })).toEqual(["parts must have from 1 to 50 entries"]);
  });

  it("reads without the schema too, as the API's catch-all for a use-case's ZodError", () => {
    const parsed = quoteOptionsSchema.safeParse({ process: "cnc_milling", materialCode: "X", quantity: 0 });
    const error = toAppError(parsed.error);
    expect(error.message).toBe("The request is not valid: quantity must be at least 1.");
    expect(error.details).toEqual({ fields: [{ path: "quantity", message: "quantity must be at least 1" }] });
  });
});

describe("the refusals as one sentence", () => {
  it("names each field once and ends once", () => {
    const schema = z.object({
      postalCode: z.string().min(5, "Enter 5 digits, e.g. 80331."),
      quantity: z.number().min(1),
    });
    const parsed = schema.safeParse({ postalCode: "1", quantity: 0 });
    expect(zodIssuesSentence("The request is not valid:", describeZodIssues(parsed.error!, schema))).toBe(
      "The request is not valid: postalCode: Enter 5 digits, e.g. 80331; quantity must be a number, at least 1.",
    );
  });
});
