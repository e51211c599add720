import type { Database } from "../db/prisma";
import type { SelfBillingInvoice } from "./render-self-billing-pdf";
import { vatForSupplierSupply } from "../money/vat-for-supplier-supply";
import { supplierVatNotes } from "../supplier-tax/supplier-vat-notes";

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** Shares of a net amount in proportion to the lines' payouts, the rounding left on the last line. */
function splitNetCents(netCents: number, weights: number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const shares = weights.map((weight) => (total > 0 ? Math.round((netCents * weight) / total) : 0));
  const rest = netCents - shares.reduce((sum, share) => sum + share, 0);
  return shares.map((share, index) => (index === shares.length - 1 ? share + rest : share));
}

/**
 * A self-billing invoice with what its PDF shows, or null when the viewer may not see it: only the
 * supplier it is issued for and operations may (anyone else is told it does not exist). The parts are
 * those of the invoice's payouts; today an invoice has one, whose net is the invoice's.
 */
export async function loadSelfBillingInvoice(
  db: Database,
  invoiceId: string,
  viewer: { companyId: string; isOperations: boolean },
): Promise<SelfBillingInvoice | null> {
  const invoice = await db.invoice.findFirst({
    where: {
      id: invoiceId,
      kind: "SELF_BILLING",
      ...(!viewer.isOperations && { companyId: viewer.companyId }),
    },
    include: {
      company: {
        select: {
          name: true,
          vatNumber: true,
          taxNumber: true,
          countryCode: true,
          addressLine: true,
          postalCode: true,
          city: true,
        },
      },
      order: { select: { number: true } },
      payouts: {
        orderBy: { createdAt: "asc" },
        include: {
          orderLine: {
            select: {
              quantity: true,
              process: true,
              materialCode: true,
              deliveredAt: true,
              part: { select: { originalFileName: true } },
            },
          },
        },
      },
    },
  });
  if (!invoice) return null;
  const materials = await db.material.findMany({
    where: { code: { in: invoice.payouts.map((payout) => payout.orderLine.materialCode) } },
    select: { code: true, name: true },
  });
  const materialNames = new Map(materials.map((material) => [material.code, material.name]));
  const netShares = splitNetCents(
    invoice.netCents,
    invoice.payouts.map((payout) => payout.amountCents),
  );
  const { company } = invoice;
  const payout = invoice.payouts[0];
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    issuedAt: invoice.issuedAt,
    currency: invoice.currency,
    netCents: invoice.netCents,
    vatCents: invoice.vatCents,
    totalCents: invoice.totalCents,
    // As issued (issue 19); invoices from before kept no rule and show the one of the supplier's country.
    vatNote: invoice.supplierVatTreatment
      ? supplierVatNotes[invoice.supplierVatTreatment]
      : vatForSupplierSupply(company.countryCode).note,
    vatTreatment: invoice.supplierVatTreatment,
    vatPercent: invoice.netCents > 0 ? Math.round((invoice.vatCents * 100) / invoice.netCents) : 0,
    orderNumber: invoice.order?.number ?? null,
    supplier: {
      name: company.name,
      addressLines: [
        company.addressLine,
        [company.postalCode, company.city].filter(Boolean).join(" "),
        countryNames.of(company.countryCode) ?? company.countryCode,
      ].filter((line): line is string => Boolean(line?.trim())),
      vatNumber: invoice.supplierVatTreatment ? invoice.supplierVatId : company.vatNumber,
      taxNumber: invoice.supplierVatTreatment ? invoice.supplierTaxNumber : null,
      vatIdConfirmedAt: invoice.supplierVatIdConfirmedAt,
    },
    lines: invoice.payouts.map(({ orderLine }, index) => ({
      partName: orderLine.part.originalFileName,
      process: orderLine.process,
      materialName: materialNames.get(orderLine.materialCode) ?? orderLine.materialCode,
      quantity: orderLine.quantity,
      netCents: netShares[index] ?? 0,
      deliveredAt: orderLine.deliveredAt,
    })),
    payout: payout
      ? {
          status: payout.status,
          method: payout.method,
          paidAt: payout.paidAt,
          heldReason: payout.heldReason,
          failureReason: payout.failureReason,
          transferReference: payout.transferReference,
        }
      : null,
  };
}
