import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * How the fake answers for one VAT ID (the full ID, e.g. "ATU12345675"):
 * - `confirmed`: valid, with name, address and (when the request names a requester) a consultation number;
 * - `not_valid`: valid false, as VIES answers for an ID no member state knows;
 * - an error code VIES sends (MS_UNAVAILABLE, TIMEOUT, SERVICE_UNAVAILABLE, MS_MAX_CONCURRENT_REQ, …) as
 *   its CommonResponse `{ actionSucceed: false, errorWrappers: [{ error, message }] }` with HTTP 500;
 * - `slow`: confirmed, but only after `slowMs` (for the caller's timeout);
 * - `hang_up`: the connection is closed without an answer (VIES unreachable).
 */
export type FakeViesMode =
  | "confirmed"
  | "not_valid"
  | "slow"
  | "hang_up"
  | "MS_UNAVAILABLE"
  | "TIMEOUT"
  | "SERVICE_UNAVAILABLE"
  | "MS_MAX_CONCURRENT_REQ"
  | "GLOBAL_MAX_CONCURRENT_REQ"
  | "INVALID_REQUESTER_INFO";

export interface FakeViesRequest {
  countryCode: string;
  vatNumber: string;
  requesterMemberStateCode?: string;
  requesterNumber?: string;
}

export interface FakeVies {
  url: string;
  /** The check-vat-number endpoint, for VIES_URL. */
  checkUrl: string;
  /** Sets the answer for one ID; `defaultMode` answers the rest. */
  answer(vatId: string, mode: FakeViesMode): void;
  setDefaultMode(mode: FakeViesMode): void;
  /** Every request received, in order. */
  requests: FakeViesRequest[];
  reset(): void;
  close(): Promise<void>;
}

const memberStates = new Set(
  "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI".split(" "),
);

const errorMessages: Record<string, string> = {
  MS_UNAVAILABLE: "The application at the Member State is not replying or not available.",
  TIMEOUT: "The application did not receive a reply within the allocated time period.",
  SERVICE_UNAVAILABLE: "An error was encountered either at the network level or the Web application level.",
  MS_MAX_CONCURRENT_REQ:
    "Your Request for VAT validation has not been processed; the maximum number of concurrent requests for this Member State has been reached.",
  GLOBAL_MAX_CONCURRENT_REQ:
    "Your Request for VAT validation has not been processed; the maximum number of concurrent requests has been reached.",
  INVALID_REQUESTER_INFO: "The requester's VAT number is not valid.",
  INVALID_INPUT: "The provided CountryCode is invalid or the VAT number is empty.",
};

/**
 * A local stand-in for VIES's REST API (POST …/check-vat-number, JSON in and out, the contract of
 * VIES's published swagger): the tests and Playwright point VIES_URL at it. GET /health answers 200.
 */
export async function startFakeVies(
  options: { port?: number; defaultMode?: FakeViesMode; slowMs?: number } = {},
): Promise<FakeVies> {
  const modes = new Map<string, FakeViesMode>();
  let defaultMode: FakeViesMode = options.defaultMode ?? "confirmed";
  const requests: FakeViesRequest[] = [];
  const slowMs = options.slowMs ?? 10_000;
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const path = new URL(req.url ?? "/", "http://fake").pathname;
    if (req.method === "GET" && path === "/health") return send(200, { ok: true });
    if (req.method !== "POST" || !path.endsWith("/check-vat-number"))
      return send(404, { error: "not found" });
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let input: FakeViesRequest;
      try {
        input = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FakeViesRequest;
      } catch {
        return send(400, failure("INVALID_INPUT"));
      }
      requests.push(input);
      const countryCode = String(input.countryCode ?? "");
      const vatNumber = String(input.vatNumber ?? "");
      if (!memberStates.has(countryCode) || vatNumber === "") return send(400, failure("INVALID_INPUT"));
      const mode = modes.get(`${countryCode}${vatNumber}`) ?? defaultMode;
      if (mode === "hang_up") return req.socket.destroy();
      const withRequester = Boolean(input.requesterMemberStateCode && input.requesterNumber);
      const valid = {
        countryCode,
        vatNumber,
        requestDate: new Date().toISOString(),
        valid: true,
        requestIdentifier: withRequester ? `WAPIAAAA${randomBytes(4).toString("hex").toUpperCase()}` : "",
        name: `FAKE TRADER ${countryCode}${vatNumber}`,
        address: "1 TEST STREET\n1010 TEST CITY",
        traderName: "---",
        traderStreet: "---",
        traderPostalCode: "---",
        traderCity: "---",
        traderCompanyType: "---",
        traderNameMatch: "NOT_PROCESSED",
        traderStreetMatch: "NOT_PROCESSED",
        traderPostalCodeMatch: "NOT_PROCESSED",
        traderCityMatch: "NOT_PROCESSED",
        traderCompanyTypeMatch: "NOT_PROCESSED",
      };
      if (mode === "confirmed") return send(200, valid);
      if (mode === "slow") {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send(200, valid);
        }, slowMs);
        timers.add(timer);
        return;
      }
      if (mode === "not_valid")
        return send(200, { ...valid, valid: false, requestIdentifier: "", name: "---", address: "---" });
      return send(500, failure(mode));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    checkUrl: `${url}/taxation_customs/vies/rest-api/check-vat-number`,
    answer: (vatId, mode) => void modes.set(vatId.toUpperCase(), mode),
    setDefaultMode: (mode) => void (defaultMode = mode),
    requests,
    reset: () => {
      modes.clear();
      requests.length = 0;
      defaultMode = options.defaultMode ?? "confirmed";
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function failure(code: string) {
  return { actionSucceed: false, errorWrappers: [{ error: code, message: errorMessages[code] ?? code }] };
}
