import { describe, expect, it } from "vitest";
import { vatForDelivery } from "../money/vat-for-delivery";
import { storedBuyerVatId } from "./stored-buyer-vat-id";

describe("storedBuyerVatId", () => {
  it("reads a VIES-confirmed Austrian ID as confirmed, so delivery to Austria is reverse charge", () => {
    const vatId = storedBuyerVatId({ vatNumber: "ATU12345675", vatIdStatus: "CONFIRMED" });
    expect(vatId).toEqual({ value: "ATU12345675", countryCode: "AT", memberState: true, confirmed: true });
    expect(vatForDelivery("AT", vatId).treatment).toBe("REVERSE_CHARGE");
  });

  it("keeps German VAT for an ID VIES has not confirmed, and for none or a malformed one", () => {
    const unconfirmed = storedBuyerVatId({ vatNumber: "ATU12345675", vatIdStatus: null });
    expect(unconfirmed?.confirmed).toBe(false);
    expect(vatForDelivery("AT", unconfirmed).percent).toBe(19);
    expect(storedBuyerVatId({ vatNumber: null, vatIdStatus: null })).toBeNull();
    expect(storedBuyerVatId({ vatNumber: "ATU1234", vatIdStatus: "CONFIRMED" })).toBeNull();
  });
});
