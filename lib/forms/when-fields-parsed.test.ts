import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../db/prisma";
import type { FileStorage } from "../storage/file-storage";
import { saveBankDetails } from "../payouts/save-bank-details";
import { answerManualQuote } from "../quotes/answer-manual-quote";
import { addCertificate } from "../suppliers/add-certificate";
import { blockDays } from "../suppliers/block-days";
import { updateSupplierLocation } from "../suppliers/update-supplier-location";
import { decideComplaint } from "../workflows/decide-complaint";
import { whenFieldsParsed } from "./when-fields-parsed";

// Each form parses its fields before it touches the database: an object that is never called stands in.
const unused = {} as Database;
const admin = { userId: "user", companyId: "company", role: "SUPPLIER_ADMIN" as const };

/** The fields a form's refusal names, in one round. */
async function refusedFields(send: () => Promise<unknown>): Promise<string[]> {
  const error = await send().then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof z.ZodError)) throw new Error(`expected a ZodError, got ${String(error)}`);
  return [...new Set(error.issues.map((issue) => issue.path.join(".")))].sort();
}

describe("whenFieldsParsed", () => {
  it("runs an object's refinement once its own fields parsed, though another field's transform failed", () => {
    const period = z
      .object({
        from: z
          .string()
          .transform((text, ctx) =>
            /^\d+$/.test(text)
              ? Number(text)
              : (ctx.addIssue({ code: "custom", message: "a number" }), z.NEVER),
          ),
        to: z.number(),
        note: z
          .string()
          .transform((text, ctx) =>
            text ? text : (ctx.addIssue({ code: "custom", message: "a note" }), z.NEVER),
          ),
      })
      .refine((value) => value.to >= value.from, {
        path: ["to"],
        message: "to before from",
        ...whenFieldsParsed("from", "to"),
      });
    expect(
      period.safeParse({ from: "5", to: 3, note: "" }).error?.issues.map((issue) => issue.path[0]),
    ).toEqual(["note", "to"]);
    // A missing object is not refined at all, and a refused `from` is never compared.
    expect(
      z
        .object({ period })
        .safeParse({})
        .error?.issues.map((issue) => issue.path.join(".")),
    ).toEqual(["period"]);
    // A refused `from` is never compared.
    expect(
      period.safeParse({ from: "x", to: 3, note: "ok" }).error?.issues.map((issue) => issue.path[0]),
    ).toEqual(["from"]);
  });
});

describe("forms name field and cross-field errors in one round", () => {
  it.each([
    {
      form: "partner location: a latitude out of range and a largest order value below the smallest",
      send: () =>
        updateSupplierLocation(unused, admin, {
          countryCode: "DE",
          city: "Stuttgart",
          latitude: "120",
          longitude: "9.18",
          minOrderValueEuros: "500",
          maxOrderValueEuros: "50",
        }),
      fields: ["latitude", "maxOrderValueEuros"],
    },
    {
      form: "partner location: a bad order value and a latitude without longitude",
      send: () =>
        updateSupplierLocation(unused, admin, {
          countryCode: "DE",
          city: "Stuttgart",
          latitude: "48.78",
          minOrderValueEuros: "fifty",
        }),
      fields: ["longitude", "minOrderValueEuros"],
    },
    {
      form: "block days: no reason chosen and a last day before the first",
      send: () => blockDays(unused, admin, { from: "2030-01-10", to: "2030-01-05" }),
      fields: ["reason", "to"],
    },
    {
      form: "block days: a first day that is no date is not compared with the last",
      send: () => blockDays(unused, admin, { from: "soon", to: "2030-01-05", reason: "Holiday" }),
      fields: ["from"],
    },
    {
      form: "block days: no reason and a first day in the past",
      send: () => blockDays(unused, admin, { from: "2020-01-10" }),
      fields: ["from", "reason"],
    },
    {
      form: "certificate: no kind chosen and a certificate that has expired",
      send: () =>
        addCertificate({ db: unused, storage: {} as FileStorage }, admin, {
          fields: { number: "Q-123", issuer: "TÜV SÜD", validFrom: "2019-01-10", validUntil: "2020-01-10" },
        }),
      fields: ["kind", "validUntil"],
    },
    {
      form: "certificate: no kind chosen and an expiry before the start",
      send: () =>
        addCertificate({ db: unused, storage: {} as FileStorage }, admin, {
          fields: { number: "Q-123", issuer: "TÜV SÜD", validFrom: "2027-01-10", validUntil: "2026-01-10" },
        }),
      fields: ["kind", "validUntil"],
    },
    {
      form: "manual quote answer: no validity days and a partner cost above the price",
      send: () =>
        answerManualQuote(unused, { userId: "ops" }, "request", {
          unitPriceEuros: "100",
          supplierUnitCostEuros: "120",
          deliveryDate: "2030-01-10",
          validityDays: "thirty",
        }),
      fields: ["supplierUnitCostEuros", "validityDays"],
    },
    {
      form: "manual quote answer: a price that is no number and a delivery date in the past",
      send: () =>
        answerManualQuote(unused, { userId: "ops" }, "request", {
          unitPriceEuros: "a lot",
          supplierUnitCostEuros: "120",
          deliveryDate: "2020-01-10",
          validityDays: "30",
        }),
      fields: ["deliveryDate", "unitPriceEuros"],
    },
    {
      form: "complaint decision: no payout choice and a refund on a rejected complaint",
      send: () =>
        decideComplaint(unused, { userId: "ops" }, "complaint", {
          decision: "REJECTED",
          resolution: "Parts are within tolerance.",
          refundEuros: "50",
        }),
      fields: ["refundEuros", "supplierPayout"],
    },
    {
      form: "bank details: no account holder and a Swiss IBAN without BIC",
      send: () =>
        saveBankDetails(unused, admin, { accountHolder: undefined, iban: "CH9300762011623852957", bic: "" }),
      fields: ["accountHolder", "bic"],
    },
  ])("$form", async ({ send, fields }) => {
    expect(await refusedFields(send)).toEqual(fields);
  });
});
