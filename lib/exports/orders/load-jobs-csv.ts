import type { Database } from "@/lib/db/prisma";
import { acceptedOffersSelect, supplierPriceCentsOf } from "@/lib/orders/supplier-price-of-line";
import { buildJobsCsv } from "./build-jobs-csv";
import { materialNamesOf } from "@/lib/catalogue/material-names-of";
import { lineCsvSelect } from "./line-csv-fields";

/** A partner's accepted jobs (every state from accepted on, cancelled ones too) as CSV, newest due first. */
export async function loadJobsCsv(db: Database, supplierCompanyId: string): Promise<string> {
  const lines = await db.orderLine.findMany({
    where: {
      supplierCompanyId,
      status: { in: ["ACCEPTED", "IN_PRODUCTION", "QUALITY_CHECK", "SHIPPED", "DELIVERED", "CANCELLED"] },
    },
    orderBy: { deliveryDate: "desc" },
    take: 20_000,
    select: {
      ...lineCsvSelect,
      finish: true,
      supplierCompanyId: true,
      supplierTotalCents: true,
      offers: acceptedOffersSelect,
      order: { select: { number: true } },
    },
  });
  const materialName = await materialNamesOf(db, lines);
  return buildJobsCsv(
    lines.map((line) => ({
      ...line,
      materialName: materialName(line.materialCode),
      supplierPriceCents: supplierPriceCentsOf(line),
      orderNumber: line.order.number,
      partFileName: line.part.originalFileName,
    })),
  );
}
