import type { VatTreatment } from "../db/generated/enums";

/** What an invoice or credit note says about VAT IDs, as the order froze it. */
export interface OrderVatDetails {
  vatNumber: string | null;
  vatTreatment: VatTreatment | null;
  vatIdConfirmedAt: Date | null;
  vatIdConsultationNumber: string | null;
}

/** The Order fields behind OrderVatDetails, for a Prisma select. */
export const orderVatDetailsSelect = {
  vatNumber: true,
  vatTreatment: true,
  vatIdConfirmedAt: true,
  vatIdConsultationNumber: true,
} as const;
