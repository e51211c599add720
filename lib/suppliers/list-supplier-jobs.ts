import type { Database } from "../db/prisma";
import { openJobStatuses } from "./job-statuses";

/** A supplier's accepted jobs: open ones by delivery date, then shipped and delivered ones, newest first. */
export async function listSupplierJobs(db: Database, companyId: string) {
  const select = {
    id: true,
    status: true,
    quantity: true,
    process: true,
    materialCode: true,
    quote: { select: { material: { select: { name: true } } } },
    deliveryDate: true,
    carrier: true,
    trackingNumber: true,
    shippedAt: true,
    part: { select: { originalFileName: true } },
    order: { select: { number: true } },
    offers: {
      where: { supplierCompanyId: companyId, status: "ACCEPTED" },
      select: { supplierPriceCents: true },
    },
  } as const;
  const [open, done] = await Promise.all([
    db.orderLine.findMany({
      where: { supplierCompanyId: companyId, status: { in: [...openJobStatuses] } },
      orderBy: { deliveryDate: "asc" },
      select,
    }),
    db.orderLine.findMany({
      where: { supplierCompanyId: companyId, status: { in: ["SHIPPED", "DELIVERED"] } },
      orderBy: { shippedAt: "desc" },
      take: 100,
      select,
    }),
  ]);
  return { open, done };
}
