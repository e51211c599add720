import { describe, expect, it } from "vitest";
import { germanNationalHolidays } from "../../quoting-engine/pricing/working-days";
import { deliveryDateRefusal } from "./delivery-date-refusal";

const refusal = (date: string) => deliveryDateRefusal(date, "2026-12-07", germanNationalHolidays, 183);

describe("a delivery date the buyer chose", () => {
  it("refuses a weekend and a public holiday, naming the next working day", () => {
    expect(refusal("2026-12-26")).toBe(
      "26 Dec 2026 is a Saturday: deliveries arrive on working days. Choose a working day, such as 28 Dec 2026.",
    );
    expect(refusal("2026-12-25")).toBe(
      "25 Dec 2026 is a public holiday or a closure day: deliveries arrive on working days. Choose a working day, such as 28 Dec 2026.",
    );
  });

  it("refuses a day past the horizon and takes working days up to it", () => {
    expect(refusal("2099-01-01")).toBe(
      "1 Jan 2099 is more than 6 months out: we price deliveries up to 8 Jun 2027, as no partner plans further ahead. Choose an earlier date.",
    );
    expect(refusal("2027-06-08")).toBeNull();
    expect(refusal("2026-12-28")).toBeNull();
  });
});
