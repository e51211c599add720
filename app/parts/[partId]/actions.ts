"use server";

import { guardedAction } from "@/lib/auth/guarded-action";
import { redirect } from "next/navigation";
import { addQuoteToCart } from "@/lib/carts/add-quote-to-cart";
import { getPrisma } from "@/lib/db/prisma";
import { formStateFromError } from "@/lib/errors/form-state-from-error";
import { pagePartViewer } from "@/lib/parts/page-part-viewer";
import { requestManualQuote } from "@/lib/quotes/request-manual-quote";
import { saveQuote } from "@/lib/quotes/save-quote";
import { describeOptionIssues, quoteOptionsSchema } from "@/lib/quotes/quote-options-schema";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { refusedFormState } from "@/lib/errors/refused-form-state";

export interface PartActionState {
  error?: string;
  success?: string;
  fieldErrors?: Record<string, string>;
  /** What was typed, so a refused form shows it again. */
  values?: Record<string, string>;
}

function optionsFrom(formData: FormData) {
  try {
    return quoteOptionsSchema.safeParse(JSON.parse(String(formData.get("options") ?? "null")));
  } catch {
    return quoteOptionsSchema.safeParse(null);
  }
}

/** Saves the shown options as a quote (priced again on the server) and puts it in the buyer's cart. */
export const addToCartAction = guardedAction(
  "cart.edit",
  async (user, _previous: PartActionState, formData: FormData): Promise<PartActionState> => {
    const partId = String(formData.get("partId") ?? "");
    const options = optionsFrom(formData);
    if (!options.success) return { error: describeOptionIssues(options.error) };
    try {
      const db = getPrisma();
      const buyer = { companyId: user.companyId, userId: user.id };
      const quote = await saveQuote(db, buyer, partId, options.data);
      await addQuoteToCart(db, buyer, quote.id);
    } catch (error) {
      return formStateFromError(error, "add the part to the cart");
    }
    redirect("/cart");
  },
);

/** Puts the quote our engineers sent for a manual quote request into the buyer's cart. */
export const addManualQuoteToCartAction = guardedAction(
  "cart.edit",
  async (user, _previous: PartActionState, formData: FormData): Promise<PartActionState> => {
    try {
      await addQuoteToCart(
        getPrisma(),
        { companyId: user.companyId, userId: user.id },
        String(formData.get("quoteId") ?? ""),
      );
    } catch (error) {
      return formStateFromError(error, "add the quote to the cart");
    }
    redirect("/cart");
  },
);

/** Sends the part, the chosen options, notes and an optional drawing to an engineer for a price. */
export const requestManualQuoteAction = guardedAction(
  "public",
  async (_user, _previous: PartActionState, formData: FormData): Promise<PartActionState> => {
    const viewer = await pagePartViewer();
    const options = optionsFrom(formData);
    if (!options.success) return { error: describeOptionIssues(options.error) };
    const drawing = formData.get("drawing");
    try {
      await requestManualQuote(
        { db: getPrisma(), storage: getFileStorage() },
        { ...viewer, ...(viewer.buyer ? { userId: viewer.buyer.id } : {}) },
        String(formData.get("partId") ?? ""),
        {
          contactEmail: formData.get("contactEmail"),
          notes: formData.get("notes"),
          options: options.data,
          drawing: drawing instanceof File ? drawing : null,
        },
      );
    } catch (error) {
      const refused: PartActionState = refusedFormState(error, "send the request", formData);
      // A browser never lets a page fill in a file field, so a chosen drawing must be chosen again.
      if (!(drawing instanceof File) || drawing.size === 0) return refused;
      const again = "Please choose the drawing again: it is not kept when a request is refused.";
      const drawingError = refused.fieldErrors?.drawing;
      return {
        ...refused,
        fieldErrors: { ...refused.fieldErrors, drawing: drawingError ? `${drawingError} ${again}` : again },
      };
    }
    return {
      success: "Thank you: an engineer prices this part and answers by e-mail within one working day.",
    };
  },
);
