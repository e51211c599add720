import { describe, expect, it } from "vitest";
import { offerAnswerLabel } from "./offer-answer-label";

describe("what became of an offer, for its supplier", () => {
  it("names the buyer when the buyer cancelled, and operations otherwise", () => {
    expect(offerAnswerLabel({ status: "WITHDRAWN", withdrawnBy: "BUYER" })).toBe("Cancelled by the buyer");
    expect(offerAnswerLabel({ status: "WITHDRAWN", withdrawnBy: "OPERATIONS" })).toBe(
      "Withdrawn by operations",
    );
    expect(offerAnswerLabel({ status: "WITHDRAWN", withdrawnBy: null })).toBe("Withdrawn by operations");
    expect(offerAnswerLabel({ status: "REJECTED" })).toBe("Rejected");
  });
});
