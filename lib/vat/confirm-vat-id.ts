import type { VatIdCheck } from "../db/generated/client";
import type { Database } from "../db/prisma";
import { getLogger } from "../logging/logger";
import type { WellFormedVatId } from "./check-vat-id-format";
import { loadVatCheckSettings } from "./vat-check-settings";
import { askVies, type ViesConnection } from "./vies-client";
import { viesConnection, viesRequester } from "./vies-connection";

export type VatIdConfirmationOutcome = "confirmed" | "not_valid" | "unavailable";

export interface VatIdConfirmation {
  outcome: VatIdConfirmationOutcome;
  /** The consultation the outcome rests on (reused or new). */
  check: VatIdCheck;
}

const minuteMs = 60_000;
/** A "not valid" stands for an hour: a business registered today may be known to VIES tomorrow. */
const notValidHoldsMs = 60 * minuteMs;
/**
 * "Could not answer" stands for five minutes, so the checkout summary and the order placed right after
 * it agree (and the buyer does not wait for a timeout twice); the re-check job asks again later.
 */
const unavailableHoldsMs = 5 * minuteMs;

/**
 * Whether VIES confirms a well-formed VAT ID of a member state: the newest consultation of this ID is
 * reused while it holds (a confirmation for the settings' recheckAfterDays, by VIES's own date), otherwise
 * VIES is asked (with the platform's VAT ID as requester, for a consultation number) and the answer kept
 * as a VatIdCheck row, whatever it was. `fresh` (the re-check job) always asks.
 */
export async function confirmVatId(
  db: Database,
  vatId: WellFormedVatId,
  options: {
    companyId: string | null;
    trigger: "checkout" | "re-check" | "partner-profile";
    now?: Date;
    fresh?: boolean;
    connection?: ViesConnection;
  },
): Promise<VatIdConfirmation> {
  const now = options.now ?? new Date();
  if (!options.fresh) {
    const reusable = await reusableCheck(db, vatId.value, now);
    if (reusable) return { outcome: outcomeOf(reusable), check: reusable };
  }
  const answer = await askVies(options.connection ?? viesConnection(), {
    countryCode: vatId.viesCountryCode,
    vatNumber: vatId.viesNumber,
    requester: viesRequester(),
  });
  if (answer.outcome === "unavailable" || answer.outcome === "refused_input")
    getLogger().warn(
      { vatId: vatId.value, code: answer.errorCode, reason: answer.message },
      "VIES did not confirm a VAT ID",
    );
  const check = await db.vatIdCheck.create({
    data: {
      vatId: vatId.value,
      companyId: options.companyId,
      trigger: options.trigger,
      createdAt: now,
      ...(answer.outcome === "confirmed"
        ? {
            outcome: "CONFIRMED",
            viesRequestDate: answer.requestDate,
            consultationNumber: answer.consultationNumber,
            traderName: answer.traderName,
            traderAddress: answer.traderAddress,
          }
        : answer.outcome === "not_valid"
          ? { outcome: "NOT_VALID", viesRequestDate: answer.requestDate }
          : // INVALID_INPUT is VIES refusing the ID as such: for the buyer the same as "not valid".
            {
              outcome: answer.outcome === "refused_input" ? "NOT_VALID" : "UNAVAILABLE",
              errorCode: answer.errorCode,
            }),
    },
  });
  return { outcome: outcomeOf(check), check };
}

function outcomeOf(check: VatIdCheck): VatIdConfirmationOutcome {
  return check.outcome === "CONFIRMED"
    ? "confirmed"
    : check.outcome === "NOT_VALID"
      ? "not_valid"
      : "unavailable";
}

async function reusableCheck(db: Database, vatId: string, now: Date): Promise<VatIdCheck | null> {
  const newest = await db.vatIdCheck.findFirst({ where: { vatId }, orderBy: { createdAt: "desc" } });
  if (!newest) return null;
  const ageMs = now.getTime() - newest.createdAt.getTime();
  // An answer about the ID outweighs a later "could not answer".
  const answered =
    newest.outcome === "UNAVAILABLE"
      ? await db.vatIdCheck.findFirst({
          where: { vatId, outcome: { not: "UNAVAILABLE" } },
          orderBy: { createdAt: "desc" },
        })
      : newest;
  if (answered?.outcome === "CONFIRMED") {
    const { recheckAfterDays } = await loadVatCheckSettings(db);
    const confirmedAt = (answered.viesRequestDate ?? answered.createdAt).getTime();
    if (now.getTime() - confirmedAt < recheckAfterDays * 86_400_000) return answered;
  }
  if (newest.outcome === "NOT_VALID") return ageMs < notValidHoldsMs ? newest : null;
  if (newest.outcome === "UNAVAILABLE") return ageMs < unavailableHoldsMs ? newest : null;
  return null;
}
