import { getEnv } from "../env";

export interface PlatformBankAccount {
  /** The account holder: the platform's legal name. */
  holder: string;
  /** Electronic form, no spaces. */
  iban: string;
  bic: string;
  bankName: string;
}

/** The account buyers pay into, from PLATFORM_LEGAL_NAME, PLATFORM_IBAN, PLATFORM_BIC and PLATFORM_BANK_NAME. */
export function platformBankAccount(): PlatformBankAccount {
  const env = getEnv();
  return {
    holder: env.PLATFORM_LEGAL_NAME,
    iban: env.PLATFORM_IBAN,
    bic: env.PLATFORM_BIC,
    bankName: env.PLATFORM_BANK_NAME,
  };
}
