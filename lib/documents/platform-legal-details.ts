import { getEnv } from "../env";

export interface PlatformLegalDetails {
  name: string;
  addressLines: string[];
  vatNumber: string;
}

/**
 * The platform's name, address and VAT number as every invoice, credit note and self-billing invoice
 * must state them (§ 14 UStG), from PLATFORM_LEGAL_NAME, PLATFORM_ADDRESS and PLATFORM_VAT_NUMBER. The
 * defaults are a demo company's; an installation that issues real invoices sets its own.
 */
export function platformLegalDetails(): PlatformLegalDetails {
  const env = getEnv();
  return {
    name: env.PLATFORM_LEGAL_NAME,
    addressLines: env.PLATFORM_ADDRESS.split("|")
      .map((line) => line.trim())
      .filter(Boolean),
    vatNumber: env.PLATFORM_VAT_NUMBER,
  };
}
