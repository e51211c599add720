import { describe, expect, it } from "vitest";
import { explainUnmatchedLine } from "./explain-unmatched-line";

const line = { processName: "SLS", materialName: "PA12", requiredCountryCode: null };
const window = { firstDay: "2026-12-07", lastDay: "2027-01-12" };
const skip = (rule: string, reason: string, name = "Additiv Berlin") => ({
  companyId: name,
  name,
  rule,
  reason,
});

describe("why nobody took an order line", () => {
  it("names the one rule every capable partner failed", () => {
    expect(
      explainUnmatchedLine(
        { productionWindow: window, skippedByRule: { capacity: 3 }, skipped: [], notOfferingProcess: 2 },
        line,
      ),
    ).toBe("All capable partners are at capacity until 12 Jan 2027, the last production day.");
    expect(explainUnmatchedLine({ skippedByRule: { material: 2 }, skipped: [] }, line)).toBe(
      "No partner offers SLS in PA12.",
    );
    expect(
      explainUnmatchedLine(
        {
          skippedByRule: { "offered-before": 2 },
          skipped: [
            skip("offered-before", "had this line's offer already (rejected)"),
            skip("offered-before", "had this line's offer already (rejected)", "Sinterwerk Nord"),
          ],
        },
        line,
      ),
    ).toBe("Every capable partner declined.");
    expect(
      explainUnmatchedLine(
        {
          skippedByRule: { "order-value": 1 },
          skipped: [skip("order-value", "the job (€40.00) is below its minimum order value of €150.00")],
        },
        line,
      ),
    ).toBe(
      "The job is under every capable partner's minimum order value (e.g. Additiv Berlin: the job (€40.00) is below its minimum order value of €150.00).",
    );
  });

  it("leaves partners awaiting audit or suspended out of the capable ones", () => {
    expect(
      explainUnmatchedLine(
        { productionWindow: window, skippedByRule: { capacity: 2, "not-active": 1 }, skipped: [] },
        line,
      ),
    ).toBe("All capable partners are at capacity until 12 Jan 2027, the last production day.");
    expect(explainUnmatchedLine({ skippedByRule: { "not-active": 1 }, skipped: [] }, line)).toBe(
      "No partner offering SLS is active with a valid audit.",
    );
  });

  it("counts the partners per reason when they failed for different ones, with labels for rules it does not know", () => {
    expect(
      explainUnmatchedLine(
        {
          productionWindow: window,
          skippedByRule: { capacity: 2, "offered-before": 1, "rule-from-the-future": 1 },
          skipped: [],
        },
        line,
      ),
    ).toBe(
      "None of the 4 capable partners can take it: 2 partners at capacity until 12 Jan 2027, 1 partner already had the offer, 1 partner: another reason.",
    );
  });

  it("says when nobody offers the process, and when no decision exists", () => {
    expect(explainUnmatchedLine({ skippedByRule: {}, skipped: [], notOfferingProcess: 12 }, line)).toBe(
      "No partner offers SLS (12 partners do not).",
    );
    expect(explainUnmatchedLine(null, line)).toBe(
      "The matcher has not recorded a decision for this line yet.",
    );
  });

  it("names the country the order asks production in, never its code", () => {
    expect(
      explainUnmatchedLine(
        { skippedByRule: { country: 3 }, skipped: [] },
        { ...line, requiredCountryCode: "FR" },
      ),
    ).toBe("No partner offering SLS produces in France.");
  });
});
