/**
 * What a supplier is shown of an order line in an offer or a job: the specification to make it and the date
 * it is due, never the buyer's price. A Prisma `select` fragment, so every supplier view reads the same fields.
 */
export const supplierLineFields = {
  quantity: true,
  process: true,
  materialCode: true,
  // The material's name for people (format-job.ts); the code stays for the API and exports.
  quote: { select: { material: { select: { name: true } } } },
  finish: true,
  toleranceClass: true,
  deliveryDate: true,
  partSizeMm: true,
  estimatedMachineHours: true,
} as const;
