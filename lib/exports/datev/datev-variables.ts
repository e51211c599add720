import { z } from "zod";

/**
 * DATEV_CONSULTANT_NUMBER (Beraternummer), DATEV_CLIENT_NUMBER (Mandantennummer) and
 * DATEV_FISCAL_YEAR_START_MONTH: what the header of the DATEV export names, given by the platform's tax
 * adviser. DATEV refuses a batch whose numbers are not the adviser's, so the defaults (DATEV's own test
 * numbers) only serve a demo.
 */
export const datevVariables = {
  DATEV_CONSULTANT_NUMBER: z.coerce
    .number()
    .int()
    .min(1001, "must be the tax adviser's DATEV number, 1001 to 9999999")
    .max(9_999_999, "must be the tax adviser's DATEV number, 1001 to 9999999")
    .default(1001),
  DATEV_CLIENT_NUMBER: z.coerce
    .number()
    .int()
    .min(1, "must be the platform's client number at the adviser, 1 to 99999")
    .max(99_999, "must be the platform's client number at the adviser, 1 to 99999")
    .default(1),
  DATEV_FISCAL_YEAR_START_MONTH: z.coerce
    .number()
    .int()
    .min(1, "must be the month the fiscal year starts in, 1 to 12")
    .max(12, "must be the month the fiscal year starts in, 1 to 12")
    .default(1),
};
