"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { removeCartItem } from "@/lib/carts/remove-cart-item";
import { getPrisma } from "@/lib/db/prisma";
import { plainFormAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";

export const removeCartItemAction = plainFormAction(
  "cart.edit",
  z.object({ cartItemId: formText }),
  async ({ cartItemId }, { user }) => {
    await removeCartItem(getPrisma(), user.id, cartItemId);
    revalidatePath("/cart");
  },
);
