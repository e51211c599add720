import { z } from "zod";

/**
 * What VIES said about one VAT ID. `confirmed` and `not_valid` are answers about the ID; `unavailable`
 * means VIES (or the member state behind it) could not answer now, and asking later may help;
 * `refused_input` means VIES will never accept the request as sent (INVALID_INPUT).
 */
export type ViesAnswer =
  | {
      outcome: "confirmed";
      /** VIES's own time of the consultation (its requestDate). */
      requestDate: Date;
      /** The consultation number VIES gives when the requester names its own VAT ID, else null. */
      consultationNumber: string | null;
      traderName: string | null;
      traderAddress: string | null;
    }
  | { outcome: "not_valid"; requestDate: Date }
  | { outcome: "unavailable"; errorCode: string; message: string }
  | { outcome: "refused_input"; errorCode: string; message: string };

export interface ViesRequest {
  /** VIES's prefix: EL for Greece, XI for Northern Ireland. */
  countryCode: string;
  /** The ID without its prefix ("U12345675" for ATU12345675). */
  vatNumber: string;
  /** The platform's own VAT ID, split the same way: with it VIES answers with a consultation number. */
  requester?: { countryCode: string; vatNumber: string };
}

export interface ViesConnection {
  /** The check-vat-number endpoint of VIES's REST API (VIES_URL). */
  url: string;
  /** Longest wait for an answer (VIES_TIMEOUT_MS); past it the answer is `unavailable` with TIMEOUT. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * VIES REST API (Vies on-the-Web, POST …/check-vat-number, swagger "CheckVatRequest/CheckVatResponse"):
 * 200 with `valid`, `requestDate` (date-time), `requestIdentifier` (empty without requester), `name`,
 * `address`. Failures come as a CommonResponse `{ actionSucceed: false, errorWrappers: [{ error,
 * message }] }`, with status 400 or 500, and in practice also with 200; older gateways answer
 * `userError` on a 200 instead. Names and addresses are "---" when a member state withholds them.
 */
const checkVatResponse = z.object({
  valid: z.boolean(),
  requestDate: z.string().optional(),
  requestIdentifier: z.string().nullish(),
  name: z.string().nullish(),
  address: z.string().nullish(),
  userError: z.string().nullish(),
});
const commonResponse = z.object({
  actionSucceed: z.boolean().optional(),
  errorWrappers: z.array(z.object({ error: z.string().nullish(), message: z.string().nullish() })).min(1),
});

/** VIES's error codes that say "not now": ask again later. */
const transientErrors: Record<string, string> = {
  SERVICE_UNAVAILABLE: "VIES is unavailable",
  MS_UNAVAILABLE: "the member state's VAT database is not answering VIES",
  TIMEOUT: "the member state's VAT database did not answer VIES in time",
  GLOBAL_MAX_CONCURRENT_REQ: "VIES is busy",
  GLOBAL_MAX_CONCURRENT_REQ_TIME: "VIES is busy",
  MS_MAX_CONCURRENT_REQ: "the member state's VAT database is busy",
  MS_MAX_CONCURRENT_REQ_TIME: "the member state's VAT database is busy",
  // Ours to fix (a wrong PLATFORM_VAT_NUMBER, a blocked server address); until then, nothing is confirmed.
  INVALID_REQUESTER_INFO: "VIES refused the platform's own VAT ID as requester",
  IP_BLOCKED: "VIES blocked this server's address",
  VAT_BLOCKED: "VIES does not answer for this VAT ID",
};

/**
 * Asks VIES whether a VAT ID is valid, over its REST API, waiting at most `timeoutMs`. Never throws for
 * VIES's or the network's failures: they are `unavailable` (with VIES's error code, or TIMEOUT /
 * NETWORK / BAD_RESPONSE for ours), so the caller decides what an unanswered question means.
 */
export async function askVies(connection: ViesConnection, request: ViesRequest): Promise<ViesAnswer> {
  const body = {
    countryCode: request.countryCode,
    vatNumber: request.vatNumber,
    ...(request.requester && {
      requesterMemberStateCode: request.requester.countryCode,
      requesterNumber: request.requester.vatNumber,
    }),
  };
  let response: Response;
  let text: string;
  try {
    response = await (connection.fetch ?? fetch)(connection.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(connection.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return timedOut
      ? unavailable("TIMEOUT", `VIES did not answer within ${connection.timeoutMs} ms`)
      : unavailable("NETWORK", `VIES could not be reached (${describe(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return unavailable("BAD_RESPONSE", `VIES answered HTTP ${response.status} without JSON`);
  }
  const failure = commonResponse.safeParse(json);
  if (failure.success) {
    const first = failure.data.errorWrappers[0]!;
    return errorAnswer(first.error ?? "UNKNOWN", first.message ?? undefined);
  }
  const answer = checkVatResponse.safeParse(json);
  if (!response.ok || !answer.success)
    return unavailable("BAD_RESPONSE", `VIES answered HTTP ${response.status} with an unexpected body`);
  const { valid, userError, requestDate } = answer.data;
  if (userError && userError !== "VALID" && userError !== "INVALID") return errorAnswer(userError);
  const when = requestDate && !Number.isNaN(Date.parse(requestDate)) ? new Date(requestDate) : new Date();
  if (!valid) return { outcome: "not_valid", requestDate: when };
  return {
    outcome: "confirmed",
    requestDate: when,
    consultationNumber: answer.data.requestIdentifier || null,
    traderName: withheld(answer.data.name),
    traderAddress: withheld(answer.data.address),
  };
}

function errorAnswer(code: string, message?: string): ViesAnswer {
  if (code === "INVALID_INPUT")
    return {
      outcome: "refused_input",
      errorCode: code,
      message: message ?? "VIES did not accept the VAT ID",
    };
  return unavailable(code, message ?? transientErrors[code] ?? `VIES answered ${code}`);
}

function unavailable(errorCode: string, message: string): ViesAnswer {
  return { outcome: "unavailable", errorCode, message };
}

const withheld = (value: string | null | undefined) =>
  value && value.trim() !== "---" && value.trim() !== "" ? value.trim() : null;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
