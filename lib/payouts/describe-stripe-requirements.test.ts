import { describe, expect, it } from "vitest";
import { describeStripeRequirements } from "./describe-stripe-requirements";

describe("describeStripeRequirements", () => {
  it("names what a company still owes Stripe once each, in the order Stripe lists it", () => {
    expect(
      describeStripeRequirements([
        "business_profile.url",
        "company.address.city",
        "company.address.line1",
        "company.tax_id",
        "representative.first_name",
        "representative.last_name",
        "external_account",
        "tos_acceptance.date",
        "tos_acceptance.ip",
      ]),
    ).toEqual([
      "Your company's website (or a description of what you make)",
      "Your company's registered address",
      "Your company's tax number",
      "Details of the person who represents your company",
      "A bank account for your payouts",
      "Acceptance of Stripe's terms of service",
    ]);
  });

  it("recognises Stripe's per-person and document keys, and shows a key it does not know as it is", () => {
    expect(
      describeStripeRequirements([
        "person_1QxYz.dob.day",
        "company.owners_provided",
        "representative.verification.document",
        "some_future.requirement",
      ]),
    ).toEqual([
      "Details of a person in your company (director, owner or representative)",
      "Your company's directors, owners and executives",
      "An identity document of your company's representative",
      "some_future.requirement",
    ]);
  });
});
