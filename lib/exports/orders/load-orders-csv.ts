import { z } from "zod";
import type { Database } from "@/lib/db/prisma";
import { type ExportPeriod, periodBounds } from "../dates/export-period";
import { buildOrdersCsv } from "./build-orders-csv";
import { materialNamesOf } from "@/lib/catalogue/material-names-of";
import { lineCsvSelect } from "./line-csv-fields";

/** Most order lines one export holds; a longer period is cut with a note in the file name. */
const maxLines = 20_000;

/**
 * The orders CSV of a buyer company (every order of the company) or, for operations, of every order placed
 * in a period. Buyers never see which partner makes a line, as on their order pages.
 */
export async function loadOrdersCsv(
  db: Database,
  scope: { audience: "buyer"; companyId: string } | { audience: "operations"; period: ExportPeriod },
): Promise<{ csv: string; fileName: string; lineCount: number }> {
  const where =
    scope.audience === "buyer"
      ? { order: { buyerCompanyId: scope.companyId } }
      : (() => {
          const { start, endExclusive } = periodBounds(scope.period);
          return { order: { createdAt: { gte: start, lt: endExclusive } } };
        })();
  const lines = await db.orderLine.findMany({
    where,
    orderBy: [{ order: { createdAt: "desc" } }, { createdAt: "asc" }],
    take: maxLines,
    select: {
      ...lineCsvSelect,
      unitPriceCents: true,
      totalPriceCents: true,
      smallOrderSurchargeCents: true,
      supplierCompany: { select: { name: true } },
      order: {
        select: {
          number: true,
          createdAt: true,
          status: true,
          paymentMethod: true,
          purchaseOrderNumber: true,
          costCentre: true,
          shippingAddress: true,
          subtotalCents: true,
          vatCents: true,
          totalCents: true,
          currency: true,
          placedBy: { select: { name: true } },
          buyerCompany: { select: { name: true } },
        },
      },
    },
  });
  const materialName = await materialNamesOf(db, lines);
  const csv = buildOrdersCsv(
    lines.map((line) => ({
      ...line,
      materialName: materialName(line.materialCode),
      partFileName: line.part.originalFileName,
      supplierName: scope.audience === "operations" ? (line.supplierCompany?.name ?? null) : undefined,
      order: {
        ...line.order,
        shipToCountryCode: countryCodeOf(line.order.shippingAddress),
        placedByName: line.order.placedBy.name,
        buyerCompanyName: line.order.buyerCompany.name,
      },
    })),
    scope.audience,
  );
  const fileName =
    scope.audience === "buyer" ? "orders.csv" : `orders_${scope.period.from}_${scope.period.to}.csv`;
  return { csv, fileName, lineCount: lines.length };
}

/** The stored shipping address's country code (an address saved by checkout always has one). */
function countryCodeOf(address: unknown): string | null {
  const parsed = z.object({ countryCode: z.string() }).safeParse(address);
  return parsed.success ? parsed.data.countryCode : null;
}
