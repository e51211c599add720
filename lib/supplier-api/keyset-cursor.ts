import { z } from "zod";
import { AppError } from "../errors/app-error";

/** Where a page ended: the last item's sort time and id (the id breaks ties between equal times). */
export interface KeysetPosition {
  at: Date;
  id: string;
}

const positionSchema = z.object({ at: z.iso.datetime(), id: z.string().min(1).max(64) });

/** An opaque `next_cursor`: the position as base64url JSON, so clients pass it back unchanged. */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify({ at: position.at.toISOString(), id: position.id })).toString(
    "base64url",
  );
}

/** The position a cursor names, or a `bad_request` saying what to do with a cursor that is not one of ours. */
export function decodeKeysetCursor(cursor: string | undefined): KeysetPosition | null {
  if (cursor === undefined || cursor === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const position = positionSchema.safeParse(parsed);
  if (!position.success)
    throw new AppError(
      "bad_request",
      "This cursor is not one this API gave out; pass next_cursor from the previous page unchanged.",
      { field: "cursor" },
    );
  return { at: new Date(position.data.at), id: position.data.id };
}

/**
 * The Prisma condition for "after `position`" in newest-first order over (`field`, id), or {} for the
 * first page.
 */
export function afterKeyset<Field extends string>(field: Field, position: KeysetPosition | null) {
  if (!position) return {};
  return {
    OR: [{ [field]: { lt: position.at } }, { [field]: position.at, id: { lt: position.id } }] as Record<
      string,
      unknown
    >[],
  };
}

/** Splits the `limit + 1` rows read into the page and the cursor of the next one (null on the last). */
export function keysetPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
  at: (row: Row) => Date,
): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  const last = page[page.length - 1]!;
  return { rows: page, nextCursor: encodeKeysetCursor({ at: at(last), id: last.id }) };
}
