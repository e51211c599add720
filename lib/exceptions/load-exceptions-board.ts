import { addWorkingDays } from "../../quoting-engine/pricing/working-days";
import { loadPlatformHolidayCalendar } from "../pricing/load-platform-holiday-calendar";
import type { Database } from "../db/prisma";
import { quoteDay } from "../quotes/quote-day";
import { formatEuros } from "../money/format-euros";
import { processLabel } from "../catalogue/catalogue-labels";

/** One thing operations should act on, always tied to an order. */
export interface ExceptionItem {
  key: string;
  orderId: string;
  orderNumber: string;
  buyer: string;
  part: string | null;
  supplier: string | null;
  /** What is wrong, in a sentence. */
  problem: string;
  /** The moment the list is about: unmatched since, offer deadline, delivery date, filed, due, held since. */
  at: Date;
  /** Lines late against their delivery date vs. only at risk of it. */
  severity: "late" | "at-risk" | null;
}

export type ExceptionListKey =
  "unmatched" | "expiringOffers" | "lateLines" | "openComplaints" | "overdueInvoices" | "payouts";

export type ExceptionsBoard = Record<ExceptionListKey, ExceptionItem[]> & { today: string };

/** Offers whose deadline is this close (or past, before the expiry job ran) are listed. */
export const expiringWithinHours = 4;
/** Lines not shipped with a delivery date within this many working days are at risk. */
export const atRiskWorkingDays = 2;
const dayMs = 86_400_000;
const activeOrderStatuses = ["CONFIRMED", "IN_PROGRESS"] as const;
const notYetShipped = [
  "AWAITING_MATCH",
  "OFFERED",
  "UNMATCHED",
  "ACCEPTED",
  "IN_PRODUCTION",
  "QUALITY_CHECK",
] as const;

const orderSelect = { select: { id: true, number: true, buyerCompany: { select: { name: true } } } } as const;
const partSelect = { select: { originalFileName: true } } as const;
const nameSelect = { select: { name: true } } as const;

/**
 * The operations exceptions board: lines nobody accepted, offers about to expire, lines late against (or
 * close to) their delivery date, open complaints, overdue buyer invoices and payouts held or failed. Each
 * list is sorted most urgent first. Six queries, run at once; "today" is the German calendar day.
 */
export async function loadExceptionsBoard(db: Database, now: Date = new Date()): Promise<ExceptionsBoard> {
  const today = quoteDay(now);
  const todayStart = new Date(`${today}T00:00:00Z`);
  const holidays = await loadPlatformHolidayCalendar(db);
  const atRiskLimit = new Date(`${addWorkingDays(today, atRiskWorkingDays, holidays)}T00:00:00Z`);
  const lineInclude = { order: orderSelect, part: partSelect, supplierCompany: nameSelect } as const;

  const [unmatched, offers, lateLines, complaints, invoices, payouts] = await Promise.all([
    db.orderLine.findMany({
      where: { status: "UNMATCHED", order: { status: { in: [...activeOrderStatuses] } } },
      orderBy: [{ deliveryDate: "asc" }, { id: "asc" }],
      include: {
        ...lineInclude,
        statusChanges: {
          where: { toStatus: "UNMATCHED" },
          orderBy: { createdAt: "desc" },
          take: 1,
          select: { createdAt: true, note: true },
        },
      },
    }),
    db.offer.findMany({
      where: {
        status: "PENDING",
        expiresAt: { lte: new Date(now.getTime() + expiringWithinHours * 3_600_000) },
      },
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      include: {
        supplierCompany: nameSelect,
        orderLine: { include: { order: orderSelect, part: partSelect } },
      },
    }),
    db.orderLine.findMany({
      where: {
        status: { in: [...notYetShipped] },
        deliveryDate: { lte: atRiskLimit },
        order: { status: { in: [...activeOrderStatuses] } },
      },
      orderBy: [{ deliveryDate: "asc" }, { id: "asc" }],
      include: lineInclude,
    }),
    db.complaint.findMany({
      where: { status: "OPEN" },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { orderLine: { include: lineInclude } },
    }),
    db.invoice.findMany({
      where: { kind: "BUYER_INVOICE", status: "ISSUED", dueAt: { lt: todayStart }, orderId: { not: null } },
      orderBy: [{ dueAt: "asc" }, { number: "asc" }],
      include: { company: nameSelect, order: { select: { id: true, number: true } } },
    }),
    db.payout.findMany({
      where: { status: { in: ["HELD", "FAILED"] } },
      orderBy: [{ status: "asc" }, { createdAt: "asc" }],
      include: {
        supplierCompany: nameSelect,
        order: orderSelect,
        orderLine: { select: { part: partSelect } },
      },
    }),
  ]);

  return {
    today,
    unmatched: unmatched.map((line) => ({
      key: line.id,
      orderId: line.order.id,
      orderNumber: line.order.number,
      buyer: line.order.buyerCompany.name,
      part: line.part.originalFileName,
      supplier: null,
      problem: `Nobody accepted ${line.quantity} × ${processLabel(line.process)} in ${line.materialCode}, due ${isoDay(line.deliveryDate)}${line.statusChanges[0]?.note ? `: ${line.statusChanges[0].note.toLowerCase()}` : ""}.`,
      at: line.statusChanges[0]?.createdAt ?? line.updatedAt,
      severity: null,
    })),
    expiringOffers: offers.map((offer) => ({
      key: offer.id,
      orderId: offer.orderLine.order.id,
      orderNumber: offer.orderLine.order.number,
      buyer: offer.orderLine.order.buyerCompany.name,
      part: offer.orderLine.part.originalFileName,
      supplier: offer.supplierCompany.name,
      problem:
        offer.expiresAt <= now
          ? `Deadline passed without an answer; the expiry job has not moved it on yet.`
          : `Not answered yet; expires in ${formatDuration(offer.expiresAt.getTime() - now.getTime())}.`,
      at: offer.expiresAt,
      severity: null,
    })),
    lateLines: lateLines.map((line) => {
      const late = line.deliveryDate < todayStart;
      const days = Math.round((todayStart.getTime() - line.deliveryDate.getTime()) / dayMs);
      const where = line.status.replaceAll("_", " ").toLowerCase();
      return {
        key: line.id,
        orderId: line.order.id,
        orderNumber: line.order.number,
        buyer: line.order.buyerCompany.name,
        part: line.part.originalFileName,
        supplier: line.supplierCompany?.name ?? null,
        problem: late
          ? `${days} day${days === 1 ? "" : "s"} late and not shipped (${where}).`
          : `Due ${days === 0 ? "today" : "within " + atRiskWorkingDays + " working days"} and not shipped (${where}).`,
        at: line.deliveryDate,
        severity: late ? "late" : "at-risk",
      } satisfies ExceptionItem;
    }),
    openComplaints: complaints.map((complaint) => ({
      key: complaint.id,
      orderId: complaint.orderLine.order.id,
      orderNumber: complaint.orderLine.order.number,
      buyer: complaint.orderLine.order.buyerCompany.name,
      part: complaint.orderLine.part.originalFileName,
      supplier: complaint.orderLine.supplierCompany?.name ?? null,
      problem: preview(complaint.text),
      at: complaint.createdAt,
      severity: null,
    })),
    overdueInvoices: invoices.flatMap((invoice) => {
      if (!invoice.order) return [];
      const days = Math.round((todayStart.getTime() - invoice.dueAt.getTime()) / dayMs);
      return [
        {
          key: invoice.id,
          orderId: invoice.order.id,
          orderNumber: invoice.order.number,
          buyer: invoice.company.name,
          part: null,
          supplier: null,
          problem: `Invoice ${invoice.number} over ${formatEuros(invoice.totalCents)} is ${days} day${days === 1 ? "" : "s"} overdue.`,
          at: invoice.dueAt,
          severity: null,
        },
      ];
    }),
    payouts: payouts.map((payout) => ({
      key: payout.id,
      orderId: payout.order.id,
      orderNumber: payout.order.number,
      buyer: payout.order.buyerCompany.name,
      part: payout.orderLine.part.originalFileName,
      supplier: payout.supplierCompany.name,
      problem: `${formatEuros(payout.amountCents)} ${payout.status === "FAILED" ? "failed" : "held"}: ${
        (payout.status === "FAILED" ? payout.failureReason : payout.heldReason) ?? "no reason recorded"
      }`,
      at: payout.status === "FAILED" ? payout.updatedAt : payout.createdAt,
      severity: null,
    })),
  };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
}

function formatDuration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}
