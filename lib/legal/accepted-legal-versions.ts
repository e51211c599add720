import { z } from "zod";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { loadCurrentLegalVersions } from "./load-legal-documents";

/** The checkout's tick and the versions it showed; placeOrder also reports its refusal with the fields'. */
export const legalAcceptanceSchema = z.object({
  acceptTerms: z.literal(true, {
    error: "Tick that you accept the terms of business and have read the privacy notice.",
  }),
  /** The versions the checkout showed; without them (an API caller), the current ones. */
  termsVersion: z.coerce.number().int().positive().optional(),
  privacyVersion: z.coerce.number().int().positive().optional(),
});

/**
 * The versions of the terms and privacy notice a buyer accepts with an order, to be stored on it. The
 * checkout's tick is required, and the versions it showed must still be in force: if operations
 * published a new one meanwhile, the buyer reads and ticks again.
 */
export async function acceptedLegalVersions(
  tx: TransactionClient,
  checkoutInput: unknown,
): Promise<{ acceptedTermsVersion: number; acceptedPrivacyVersion: number }> {
  const parsed = legalAcceptanceSchema.safeParse(checkoutInput);
  if (!parsed.success)
    throw new AppError("validation_failed", parsed.error.issues[0]!.message, { field: "acceptTerms" });
  const current = await loadCurrentLegalVersions(tx);
  const shown = parsed.data;
  if (
    (shown.termsVersion !== undefined && shown.termsVersion !== current.termsVersion) ||
    (shown.privacyVersion !== undefined && shown.privacyVersion !== current.privacyVersion)
  )
    throw new AppError(
      "conflict",
      `The terms of business (now version ${current.termsVersion}) or the privacy notice (now version ${current.privacyVersion}) changed while you were checking out. Reload the page, read them and tick the box again.`,
      { field: "acceptTerms" },
    );
  return { acceptedTermsVersion: current.termsVersion, acceptedPrivacyVersion: current.privacyVersion };
}
