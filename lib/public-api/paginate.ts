import { z } from "zod";
import { AppError } from "../errors/app-error";

/**
 * Cursor pagination for list operations (issue 24): newest first by (createdAt, id), the cursor the last
 * row's pair in base64url, so a page never skips or repeats a row when new ones arrive meanwhile.
 */
export const paginationQuerySchema = z.object({
  cursor: z.string().max(200).optional().describe("The next_cursor of the previous page."),
  limit: z.coerce.number().int().min(1).max(100).default(25).describe("Items per page, 1 to 100."),
});

export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

export interface PageCursor {
  createdAt: Date;
  id: string;
}

/** A page of items: `next_cursor` is null on the last page. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    data: z.array(item),
    next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last."),
  });
}

export function encodeCursor(row: PageCursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): PageCursor | null {
  if (!cursor) return null;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(createdAt));
    // Only what encodeCursor writes: a forged moment such as the year -271821 is a valid JS date that
    // PostgreSQL cannot compare with (a 500), so the text must read back exactly as the date's ISO form.
    if (
      typeof id === "string" &&
      typeof createdAt === "string" &&
      !Number.isNaN(date.getTime()) &&
      date.toISOString() === createdAt &&
      /^\d{4}-/.test(createdAt)
    )
      return { createdAt: date, id };
  } catch {
    // Falls through to the refusal below.
  }
  throw new AppError(
    "bad_request",
    "The cursor is not valid: pass the next_cursor of the previous page as it is.",
  );
}

/** A Prisma `where` for the rows after the cursor in (createdAt desc, id desc) order; {} without one. */
export function afterCursorWhere(cursor: PageCursor | null) {
  if (!cursor) return {};
  return {
    OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }],
  };
}

/** The Prisma orderBy the cursor assumes. */
export const pageOrderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * The page from `limit + 1` rows read in pageOrderBy after the cursor: the extra row only tells that
 * another page exists.
 */
export function pageOf<Row extends PageCursor, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): { data: Item[]; next_cursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(toItem),
    next_cursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/**
 * A list operation's query and answer: pagination and the filter's fields in the query, a page of the items
 * as the 200 answer.
 */
export function pagedListing<Item extends z.ZodType, Filter extends z.ZodRawShape>(
  item: Item,
  filter: z.ZodObject<Filter>,
  description: string,
) {
  return {
    query: paginationQuerySchema.extend(filter.shape),
    responses: { 200: { schema: pageSchema(item), description } },
  };
}
