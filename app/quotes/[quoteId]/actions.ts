"use server";

import { z } from "zod";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { createQuoteShareLink } from "@/lib/quote-documents/create-quote-share-link";

/** Makes a new share link for a quote of the company; the reply is the link itself, shown once. */
export const createShareLinkAction = formAction(
  "cart.edit",
  z.object({ quoteId: formText }),
  async ({ quoteId }, { user }) => {
    const { url } = await createQuoteShareLink(
      getPrisma(),
      { userId: user.id, companyId: user.companyId },
      quoteId,
    );
    return url;
  },
  { failure: "make the link" },
);
