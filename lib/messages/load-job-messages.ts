import type { Database } from "../db/prisma";

export type JobMessageView = {
  id: string;
  /** Whose side wrote it: the only "who" each reader sees (no names cross between companies). */
  authorSide: string;
  /** Only for operations, who may see their colleagues' and both sides' names. */
  authorName: string | null;
  text: string;
  createdAt: Date;
  forwardedFromId: string | null;
};

/**
 * A thread, oldest first: the partner thread of a line, or the buyer thread of an order. The caller has
 * checked that the reader belongs to it. `withNames` for operations only.
 */
export async function loadJobMessages(
  db: Database,
  where: { thread: "PARTNER"; orderLineId: string } | { thread: "BUYER"; orderId: string },
  { withNames = false }: { withNames?: boolean } = {},
): Promise<JobMessageView[]> {
  const messages = await db.jobMessage.findMany({
    where,
    orderBy: { createdAt: "asc" },
    include: { author: { select: { name: true } } },
    take: 500,
  });
  return messages.map((message) => ({
    id: message.id,
    authorSide: message.authorSide,
    authorName: withNames ? message.author.name : null,
    text: message.text,
    createdAt: message.createdAt,
    forwardedFromId: message.forwardedFromId,
  }));
}
