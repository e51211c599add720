import { describe, expect, it } from "vitest";
import { askVies, type ViesConnection } from "./vies-client";

const answering = (status: number, body: string): ViesConnection => ({
  url: "http://vies.test/check-vat-number",
  timeoutMs: 1000,
  fetch: async () => new Response(body, { status, headers: { "content-type": "application/json" } }),
});
const ask = (connection: ViesConnection) =>
  askVies(connection, { countryCode: "AT", vatNumber: "U12345675" });

describe("the VIES REST answers", () => {
  it("reads a confirmation with its date and consultation number, and a name VIES withholds as none", async () => {
    const body = JSON.stringify({
      countryCode: "AT",
      vatNumber: "U12345675",
      requestDate: "2026-12-05T10:22:38.514Z",
      valid: true,
      requestIdentifier: "WAPIAAAAY1234567",
      name: "---",
      address: "Ring 1\n1010 Wien",
    });
    expect(await ask(answering(200, body))).toEqual({
      outcome: "confirmed",
      requestDate: new Date("2026-12-05T10:22:38.514Z"),
      consultationNumber: "WAPIAAAAY1234567",
      traderName: null,
      traderAddress: "Ring 1\n1010 Wien",
    });
  });

  it.each([
    [200, { valid: false, requestDate: "2026-12-05T10:00:00Z" }, "not_valid", undefined],
    [
      400,
      { actionSucceed: false, errorWrappers: [{ error: "INVALID_INPUT" }] },
      "refused_input",
      "INVALID_INPUT",
    ],
    [
      500,
      { actionSucceed: false, errorWrappers: [{ error: "MS_UNAVAILABLE", message: "down" }] },
      "unavailable",
      "MS_UNAVAILABLE",
    ],
    // The same failures also arrive with 200, and from older gateways as userError.
    [
      200,
      { actionSucceed: false, errorWrappers: [{ error: "MS_MAX_CONCURRENT_REQ" }] },
      "unavailable",
      "MS_MAX_CONCURRENT_REQ",
    ],
    [200, { valid: false, userError: "TIMEOUT" }, "unavailable", "TIMEOUT"],
    [502, { whatever: true }, "unavailable", "BAD_RESPONSE"],
  ])("HTTP %i %o is %s", async (status, body, outcome, errorCode) => {
    const answer = await ask(answering(status, JSON.stringify(body)));
    expect(answer.outcome).toBe(outcome);
    if (errorCode) expect(answer).toMatchObject({ errorCode });
  });

  it("takes an answer that is not JSON, and a network failure, as unavailable", async () => {
    expect(await ask(answering(503, "<html>maintenance</html>"))).toMatchObject({
      outcome: "unavailable",
      errorCode: "BAD_RESPONSE",
    });
    const refused: ViesConnection = {
      url: "http://vies.test",
      timeoutMs: 1000,
      fetch: async () => {
        throw new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND ec.europa.eu") });
      },
    };
    expect(await ask(refused)).toMatchObject({ outcome: "unavailable", errorCode: "NETWORK" });
  });
});
