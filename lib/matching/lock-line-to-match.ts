import { Prisma } from "../db/generated/client";
import type {
  CertificateKind,
  ManufacturingProcess,
  OrderLineStatus,
  OrderStatus,
} from "../db/generated/enums";
import type { TransactionClient } from "../db/prisma";
import { queryRawRows } from "../db/transaction-pg-client";
import type { LineToLoad } from "./load-line-candidates";
import {
  matchingContextColumns,
  matchingContextOf,
  type MatchingContext,
  type MatchingContextRow,
} from "./matching-context";

/** An order line as the matcher places it: what ranking needs, and what the offer and e-mails say. */
export interface LineToPlace extends LineToLoad {
  orderId: string;
  status: OrderLineStatus;
  quantity: number;
  currency: string;
  order: LineToLoad["order"] & { status: OrderStatus; number: string };
  part: { originalFileName: string };
  /** The material's name for the partner's e-mail ("Aluminium 6061-T6"); its code if the catalogue lost it. */
  materialName: string;
  /** The settings, closure days and supplier count, read in the same statement as the line. */
  context: MatchingContext;
}

interface LineRow extends MatchingContextRow {
  id: string;
  orderId: string;
  status: OrderLineStatus;
  process: ManufacturingProcess;
  materialCode: string;
  partSizeMm: number[];
  estimatedMachineHours: number;
  /** The delivery date's ISO day ("2027-01-03"). */
  deliveryDay: string;
  supplierTotalCents: number;
  totalPriceCents: number;
  remakeOfLineId: string | null;
  quantity: number;
  currency: string;
  orderStatus: OrderStatus;
  orderNumber: string;
  shippingAddress: Prisma.JsonValue;
  requiredCertificates: CertificateKind[];
  requiredCountryCode: string | null;
  buyerCountryCode: string;
  buyerLatitude: number | null;
  buyerLongitude: number | null;
  originalFileName: string;
  materialName: string;
}

/**
 * Locks an order line for the matcher or a re-offer (so one transaction places it at a time) and reads it with its order,
 * buyer and part; null when there is no such line. The read is one joined statement rather than an
 * include, which Prisma runs as four, each a round trip on the transaction's connection. It is a
 * statement of its own after the lock, inside the database function that takes the lock: under READ
 * COMMITTED its snapshot is taken once the lock is held, so it sees what the previous holder of the lock
 * committed, for the order and buyer as for the line. The same round trip reads the matching context
 * (matching-context.ts): one, not five.
 *
 * `commitWithoutWaitingForDisk` lets the transaction's COMMIT return before its WAL reaches the disk
 * (`synchronous_commit = off` for this transaction only, set by the same function: no round trip of its
 * own). The matcher's choice (decision 0083): a crash in the next fraction of a second can lose the match
 * as a whole, never a part of it, and nothing outside the database acts on it before it is on disk.
 */
export async function lockLineToMatch(
  tx: TransactionClient,
  orderLineId: string,
  options: { commitWithoutWaitingForDisk?: boolean } = {},
): Promise<LineToPlace | null> {
  // One round trip (decision 0123): lock_order_line_to_match (migration 202612160101) locks the line and
  // reads it in a statement of its own once the lock is held; the context is read beside it. On the
  // transaction's pg connection (issue 22): pg decodes these columns as Prisma does, but for the date,
  // which comes as its ISO day and is made the Date Prisma gives (midnight UTC).
  const [row] = await queryRawRows<LineRow>(
    tx,
    Prisma.sql`/* prepared */
    SELECT line.*, ${Prisma.raw(matchingContextColumns)}
      FROM lock_order_line_to_match(${orderLineId}, ${options.commitWithoutWaitingForDisk === true}::boolean) line`,
  );
  if (!row) return null;
  return {
    id: row.id,
    orderId: row.orderId,
    status: row.status,
    process: row.process,
    materialCode: row.materialCode,
    partSizeMm: row.partSizeMm,
    estimatedMachineHours: row.estimatedMachineHours,
    deliveryDate: new Date(`${row.deliveryDay}T00:00:00.000Z`),
    supplierTotalCents: row.supplierTotalCents,
    totalPriceCents: row.totalPriceCents,
    remakeOfLineId: row.remakeOfLineId,
    quantity: row.quantity,
    currency: row.currency,
    order: {
      status: row.orderStatus,
      number: row.orderNumber,
      shippingAddress: row.shippingAddress,
      requiredCertificates: row.requiredCertificates,
      requiredCountryCode: row.requiredCountryCode,
      buyerCompany: {
        countryCode: row.buyerCountryCode,
        latitude: row.buyerLatitude,
        longitude: row.buyerLongitude,
      },
    },
    part: { originalFileName: row.originalFileName },
    materialName: row.materialName,
    context: matchingContextOf(row),
  };
}
