import type { TransactionClient } from "../db/prisma";
import { moveOrderLine } from "../orders/change-order-line-status";

/**
 * A supplier that may take jobs again (approved, reinstated) may take lines nobody could: its processes'
 * UNMATCHED lines of running orders go back to matching, and its processes' waiting lines are matched again. Returns their orders, for the caller to ask for
 * matching once the transaction has committed.
 */
export async function reopenUnmatchedLines(
  tx: TransactionClient,
  supplier: { id: string; name: string },
  actorUserId: string,
  why: string,
): Promise<string[]> {
  const processes = await tx.supplierProcess.findMany({
    where: { companyId: supplier.id },
    select: { process: true },
  });
  const unmatched = await tx.orderLine.findMany({
    where: {
      status: "UNMATCHED",
      process: { in: processes.map((row) => row.process) },
      order: { status: { in: ["CONFIRMED", "IN_PROGRESS"] } },
    },
    select: { id: true, orderId: true },
  });
  // Lines already waiting for a match are matched again too: a withdrawn offer of this supplier no longer
  // keeps it from them (load-match-candidates.ts), so it may be the one they wait for.
  const waiting = await tx.orderLine.findMany({
    where: {
      status: "AWAITING_MATCH",
      process: { in: processes.map((row) => row.process) },
      order: { status: { in: ["CONFIRMED", "IN_PROGRESS"] } },
    },
    select: { orderId: true },
  });
  for (const line of unmatched)
    await moveOrderLine(tx, {
      orderLineId: line.id,
      to: "AWAITING_MATCH",
      actorUserId,
      note: `${supplier.name} ${why} and may take it`,
    });
  return [...new Set([...unmatched, ...waiting].map((line) => line.orderId))];
}
