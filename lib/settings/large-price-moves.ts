import type { Prisma } from "../db/generated/client";
import type { TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { formatDayOfMoment } from "../dates/format-day";

/** A save that multiplies or divides a price by more than this asks operations to confirm it first. */
export const largeMoveFactor = 3;

/** The form field that carries the confirmation (the warning the operator saw) back to the server. */
export const confirmLargeChangeField = "confirmLargeChange";

/** One priced value a settings change moves, for the large-move check. */
export interface PriceMove {
  /** "Price of Aluminium 6061-T6 per kg". */
  what: string;
  before: number;
  after: number;
  /** The value for people: "€4.50". */
  show: (value: number) => string;
  /** The open quotes priced with this value; all open quotes when it is left out. */
  quotes?: Prisma.QuoteWhereInput;
}

/** How far a move goes: "9× higher", "a third", or null within the sane factor (or from or to zero). */
function moveFactor(before: number, after: number): string | null {
  if (!(before > 0 && after > 0)) return null;
  const ratio = after / before;
  if (ratio > largeMoveFactor) return `${Number(ratio.toFixed(1))}× higher`;
  if (ratio < 1 / largeMoveFactor) return `${Number((1 / ratio).toFixed(1))}× lower`;
  return null;
}

/**
 * Refuses a pricing change that moves a price by more than ×3 or ÷3 unless the operator confirmed
 * exactly this change: the refusal names each large move with its old and new value and says what
 * happens to the open quotes (they keep the price they were given until they expire, decision 0012;
 * new quotes and changed options take the new one). The confirmation is that warning sent back with
 * the form; a different value (or a colleague's save in between) gives a new warning. Returns the
 * confirmed large moves ("Price of … from €4.50 to €40.50 (9× higher)") for the audit log, else null.
 */
export async function refuseUnconfirmedLargeMoves(
  tx: TransactionClient,
  moves: PriceMove[],
  confirmed: string | undefined,
  now: Date,
): Promise<string | null> {
  const large = moves.flatMap((move) => {
    const factor = moveFactor(move.before, move.after);
    return factor ? [{ ...move, factor }] : [];
  });
  if (large.length === 0) return null;
  const changes = large
    .map((move) => `${move.what} from ${move.show(move.before)} to ${move.show(move.after)} (${move.factor})`)
    .join("; ");
  if (confirmed?.startsWith(`${changes}.`)) return changes;
  const quotesSentences = await Promise.all(
    large.map(async (move) => {
      const open = { status: "ACTIVE" as const, validUntil: { gt: now }, ...move.quotes };
      const count = await tx.quote.count({ where: open });
      if (count === 0) return `No open quote is priced with the ${lowerFirst(move.what)}.`;
      const last = await tx.quote.findFirst({ where: open, orderBy: { validUntil: "desc" } });
      return `${count} open ${count === 1 ? "quote keeps its" : "quotes keep their"} price (valid until ${formatDayOfMoment(last!.validUntil)} at the latest).`;
    }),
  );
  throw new AppError(
    "validation_failed",
    `${changes}. ${[...new Set(quotesSentences)].join(" ")} New quotes and changed options are priced with the new value. Check the value, then tick "Save this change" and save again.`,
    { field: confirmLargeChangeField },
  );
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
