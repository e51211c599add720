import type { Database } from "../db/prisma";
import type { FileStorage } from "../storage/file-storage";

/**
 * Before an order is placed: asks storage for the file of every part in the user's cart and flags the
 * parts whose file is gone (`fileMissingSince`), which placeOrder then refuses with what to do. The
 * daily check (lib/storage/check-stored-files.ts) flags them too; this catches a file lost since.
 */
export async function flagMissingCartFiles(
  db: Database,
  storage: FileStorage,
  userId: string,
): Promise<number> {
  const items = await db.cartItem.findMany({
    where: { cart: { userId } },
    select: {
      quote: { select: { part: { select: { id: true, storageKey: true, fileMissingSince: true } } } },
    },
  });
  const missing: string[] = [];
  for (const { quote } of items)
    if (!quote.part.fileMissingSince && !(await storage.exists(quote.part.storageKey)))
      missing.push(quote.part.id);
  if (missing.length)
    await db.part.updateMany({
      where: { id: { in: missing }, fileMissingSince: null },
      data: { fileMissingSince: new Date() },
    });
  return missing.length;
}
