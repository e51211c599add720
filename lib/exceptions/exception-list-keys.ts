/** The lists of the operations exceptions board, in the board's order. */
export const exceptionListKeys = [
  "unmatched",
  "expiringOffers",
  "lateLines",
  "openComplaints",
  "overdueInvoices",
  "payouts",
] as const;

export type ExceptionListKey = (typeof exceptionListKeys)[number];
