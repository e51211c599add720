"use server";

import { guardedFormAction } from "@/lib/auth/guarded-action";
import { revalidatePath } from "next/cache";
import { removeCartItem } from "@/lib/carts/remove-cart-item";
import { getPrisma } from "@/lib/db/prisma";

export const removeCartItemAction = guardedFormAction(
  "cart.edit",
  async (user, formData: FormData): Promise<void> => {
    await removeCartItem(getPrisma(), user.id, String(formData.get("cartItemId") ?? ""));
    revalidatePath("/cart");
  },
);
