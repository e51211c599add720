import { describe, expect, it } from "vitest";
import { deliveryDayRefusal } from "./delivery-day-refusal";

const stuttgart = { countryCode: "DE", region: "Baden-Württemberg" };
const milan = { countryCode: "IT", region: "Lombardia" };

describe("deliveryDayRefusal", () => {
  it("refuses Christmas Day in Germany and names the next working day after the holidays and the weekend", () => {
    // 25 Dec 2026 is a Friday, 26 Dec (Saturday) and 27 Dec (Sunday) follow: Monday 28 Dec is next.
    expect(deliveryDayRefusal("2026-12-25", stuttgart, [])).toBe(
      "25 Dec 2026 is Christmas Day, a public holiday in Germany (Baden-Württemberg): deliveries are not made then. Propose a working day, such as 28 Dec 2026.",
    );
  });

  it("refuses a regional holiday of the partner's own region only", () => {
    // Epiphany (6 Jan 2027, a Wednesday) is a holiday in Baden-Württemberg, not in Berlin.
    expect(deliveryDayRefusal("2027-01-06", stuttgart, [])).toMatch(/^6 Jan 2027 is .*such as 7 Jan 2027\.$/);
    expect(deliveryDayRefusal("2027-01-06", { countryCode: "DE", region: "Berlin" }, [])).toBeNull();
    // 8 Dec (Immacolata) is Italy's, not Germany's.
    expect(deliveryDayRefusal("2026-12-08", milan, [])).toMatch(/^8 Dec 2026 is .*public holiday in Italy/);
    expect(deliveryDayRefusal("2026-12-08", stuttgart, [])).toBeNull();
  });

  it("refuses a weekend day by its name and a closure day of the platform", () => {
    expect(deliveryDayRefusal("2026-12-12", stuttgart, [])).toBe(
      "12 Dec 2026 is a Saturday: deliveries are not made then. Propose a working day, such as 14 Dec 2026.",
    );
    const closure = [{ date: "2026-12-14", name: "Stocktaking" }];
    expect(deliveryDayRefusal("2026-12-12", stuttgart, closure)).toMatch(/such as 15 Dec 2026\.$/);
    expect(deliveryDayRefusal("2026-12-14", stuttgart, closure)).toBe(
      "14 Dec 2026 is Stocktaking, a day the platform is closed: deliveries are not made then. Propose a working day, such as 15 Dec 2026.",
    );
  });

  it("accepts an ordinary working day", () => {
    expect(deliveryDayRefusal("2026-12-15", stuttgart, [])).toBeNull();
  });
});
