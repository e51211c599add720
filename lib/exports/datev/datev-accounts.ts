/**
 * The accounts of the DATEV export in DATEV's standard chart SKR03 (decision 0062; DATEV's "Kontenrahmen
 * SKR 03", document 11174). Every G/L account here is an automatic account ("AM" in the chart): DATEV
 * derives the VAT from the account, so the postings carry the gross amount and no BU key, and a wrong
 * key cannot double the VAT. An adviser who books differently re-maps them in DATEV.
 */
export const datevSkr03Accounts = {
  /** Revenue, 19 % output VAT (Erlöse 19 % USt). */
  revenueGermanVat: 8400,
  /** Tax-exempt intra-community supplies, § 4 No. 1b UStG (steuerfreie innergem. Lieferungen). */
  revenueIntraCommunity: 8125,
  /** Tax-exempt exports to third countries, § 4 No. 1a UStG (steuerfreie Umsätze § 4 Nr. 1a). */
  revenueExport: 8120,
  /** Goods bought for resale with 19 % input VAT (Wareneingang 19 % Vorsteuer): a German partner's parts. */
  purchasesGermanVat: 3400,
  /** Goods bought without VAT (Wareneingang): a small business (§ 19 UStG) or a partner outside the EU. */
  purchasesWithoutVat: 3200,
  /** Intra-community acquisition, 19 % input and output VAT (innergem. Erwerb 19 % VSt und 19 % USt). */
  purchasesIntraCommunity: 3425,
} as const;

/** Personal accounts: debtors (buyers) from 10000, creditors (partners) from 70000, SKR03's ranges. */
export const datevFirstDebtorAccount = 10000;
export const datevFirstCreditorAccount = 70000;
/** The length of a G/L account in SKR03: 4 digits; personal accounts have 5. */
export const datevAccountLength = 4;
