"use server";

import { revalidatePath } from "next/cache";
import { requireArea } from "@/lib/auth/current-user";
import { removeCartItem } from "@/lib/carts/remove-cart-item";
import { getPrisma } from "@/lib/db/prisma";

export async function removeCartItemAction(formData: FormData): Promise<void> {
  const user = await requireArea("buyer", "/cart");
  await removeCartItem(getPrisma(), user.id, String(formData.get("cartItemId") ?? ""));
  revalidatePath("/cart");
}
