import { addWorkingDays } from "../../quoting-engine/pricing/working-days";
import { loadPlatformHolidayCalendar } from "../pricing/load-platform-holiday-calendar";
import type { Database } from "../db/prisma";
import { quoteDay } from "../quotes/quote-day";
import { formatEuros } from "../money/format-euros";
import { processLabel } from "../catalogue/catalogue-labels";
import type { DecisionRecord } from "../matching/list-match-decisions";
import { explainUnmatchedLine } from "./explain-unmatched-line";
import type { exceptionListKeys } from "./exception-list-keys";
import { formatDay } from "@/lib/dates/format-day";
import { payoutHeldReasonForOperations } from "../payouts/payout-held-reason-for-operations";

/** Who in operations follows an exception up, and their note (ExceptionFollowUp). */
export interface ExceptionFollowUpView {
  ownerUserId: string | null;
  ownerName: string | null;
  note: string;
  updatedAt: Date;
  updatedByName: string | null;
}

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
  /** "unmatched:<orderLineId>": the list and the row, for the owner and the note. */
  followUpKey: string;
  followUp: ExceptionFollowUpView | null;
}

export type ExceptionListKey = (typeof exceptionListKeys)[number];

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

const orderSelect = {
  select: { id: true, number: true, requiredCountryCode: true, buyerCompany: { select: { name: true } } },
} as const;
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
        quote: { select: { material: { select: { name: true } } } },
        // The newest decision says why nobody could take the line.
        matchDecisions: { orderBy: { createdAt: "desc" }, take: 1, select: { candidates: true } },
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

  const board: BoardWithoutFollowUps = {
    today,
    unmatched: unmatched.map((line) => ({
      key: line.id,
      orderId: line.order.id,
      orderNumber: line.order.number,
      buyer: line.order.buyerCompany.name,
      part: line.part.originalFileName,
      supplier: null,
      problem: `Nobody took ${line.quantity} × ${processLabel(line.process)} in ${line.quote.material.name}, due ${formatDay(line.deliveryDate)}. ${explainUnmatchedLine(
        (line.matchDecisions[0]?.candidates as Partial<DecisionRecord> | undefined) ?? null,
        {
          processName: processLabel(line.process),
          materialName: line.quote.material.name,
          requiredCountryCode: line.order.requiredCountryCode,
        },
      )}`,
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
      } satisfies Omit<ExceptionItem, "followUpKey" | "followUp">;
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
        (payout.status === "FAILED"
          ? payout.failureReason
          : payout.heldReason && payoutHeldReasonForOperations(payout.heldReason)) ?? "no reason recorded"
      }`,
      at: payout.status === "FAILED" ? payout.updatedAt : payout.createdAt,
      severity: null,
    })),
  };
  return withFollowUps(db, board);
}

type BoardWithoutFollowUps = { today: string } & Record<
  ExceptionListKey,
  Omit<ExceptionItem, "followUpKey" | "followUp">[]
>;

/** Each row with its owner and note, in one more query. */
async function withFollowUps(db: Database, board: BoardWithoutFollowUps): Promise<ExceptionsBoard> {
  const lists = Object.keys(board).filter((key) => key !== "today") as ExceptionListKey[];
  const keys = lists.flatMap((list) => board[list].map((item) => `${list}:${item.key}`));
  const rows = await db.exceptionFollowUp.findMany({
    where: { key: { in: keys } },
    include: { owner: { select: { name: true } }, updatedBy: { select: { name: true } } },
  });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const result = { today: board.today } as ExceptionsBoard;
  for (const list of lists)
    result[list] = board[list].map((item) => {
      const followUpKey = `${list}:${item.key}`;
      const row = byKey.get(followUpKey);
      return {
        ...item,
        followUpKey,
        followUp: row
          ? {
              ownerUserId: row.ownerUserId,
              ownerName: row.owner?.name ?? null,
              note: row.note,
              updatedAt: row.updatedAt,
              updatedByName: row.updatedBy?.name ?? null,
            }
          : null,
      };
    });
  return result;
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
