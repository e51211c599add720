import { describe, expect, it } from "vitest";
import { lineStatusLabel, lineStatusLabels } from "./line-status-labels";

describe("a line's status on operations' order page", () => {
  it("says a line of an order still waiting for the buyer's payment or approval waits for that, not for a partner", () => {
    // Walk6: a new company's prepayment order showed "Finding a partner" and "No offers yet" for its line.
    expect(lineStatusLabel("AWAITING_MATCH", "AWAITING_PAYMENT")).toBe("Waits for payment");
    expect(lineStatusLabel("AWAITING_MATCH", "AWAITING_APPROVAL")).toBe("Waits for approval");
  });

  it("keeps the line's own words once the order may be placed", () => {
    expect(lineStatusLabel("AWAITING_MATCH", "CONFIRMED")).toBe(lineStatusLabels.AWAITING_MATCH);
    expect(lineStatusLabel("OFFERED", "IN_PROGRESS")).toBe(lineStatusLabels.OFFERED);
    expect(lineStatusLabel("CANCELLED", "AWAITING_PAYMENT")).toBe(lineStatusLabels.CANCELLED);
  });
});
