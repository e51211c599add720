import type { Database } from "../db/prisma";

/** Takes one item out of the user's cart; an item that is already gone is not an error. */
export async function removeCartItem(db: Database, userId: string, cartItemId: string): Promise<void> {
  await db.cartItem.deleteMany({ where: { id: cartItemId, cart: { userId } } });
}
