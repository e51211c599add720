"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { addQuoteToCart } from "@/lib/carts/add-quote-to-cart";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { pagePartViewer } from "@/lib/parts/page-part-viewer";
import { requestManualQuote } from "@/lib/quotes/request-manual-quote";
import { saveQuote } from "@/lib/quotes/save-quote";
import { quoteOptionsSchema } from "@/lib/quotes/quote-options-schema";
import { describeZodIssues, zodIssuesSentence } from "@/lib/errors/describe-zod-issues";
import { getFileStorage } from "@/lib/storage/get-file-storage";
import { getJobQueue } from "@/lib/jobs/get-job-queue";
import { switchPartUnit } from "@/lib/parts/switch-part-unit";
import { chooseSheetThickness } from "@/lib/parts/choose-sheet-thickness";
import { meshUnitChoices } from "@/quoting-engine/analysis/describe-mesh-unit";

/** The options the page shows, sent as JSON in a hidden field; a bad set is refused above the form. */
const chosenOptions = formText.transform((json, context) => {
  let sent: unknown = null;
  try {
    sent = JSON.parse(json);
  } catch {
    // an unreadable field is refused like a missing one
  }
  const options = quoteOptionsSchema.safeParse(sent);
  if (options.success) return options.data;
  context.addIssue({
    code: "custom",
    path: [],
    message: zodIssuesSentence(
      "The quote options are not valid:",
      describeZodIssues(options.error, quoteOptionsSchema),
    ),
  });
  return z.NEVER;
});

/** Option problems belong above the form: the options are not fields the buyer typed. */
function optionErrorsAboveTheForm(errors: Record<string, string[]>): Record<string, string[]> {
  const { options, ...rest } = errors;
  return options ? { ...rest, "": [...(rest[""] ?? []), ...options] } : rest;
}

/** Saves the shown options as a quote (priced again on the server) and puts it in the buyer's cart. */
export const addToCartAction = formAction(
  "cart.edit",
  z.object({ partId: formText, options: chosenOptions }),
  async ({ partId, options }, { user }) => {
    const db = getPrisma();
    const buyer = { companyId: user.companyId, userId: user.id };
    const quote = await saveQuote(db, buyer, partId, options);
    await addQuoteToCart(db, buyer, quote.id);
    redirect("/cart");
  },
  { failure: "add the part to the cart", adjustErrors: optionErrorsAboveTheForm },
);

/**
 * Saves the shown options as a quote (priced again on the server) and opens it as a document: its PDF
 * for purchasing approval and a link to share it (app/quotes/[quoteId]).
 */
export const saveQuoteDocumentAction = formAction(
  "cart.edit",
  z.object({ partId: formText, options: chosenOptions }),
  async ({ partId, options }, { user }) => {
    const quote = await saveQuote(
      getPrisma(),
      { companyId: user.companyId, userId: user.id },
      partId,
      options,
    );
    redirect(`/quotes/${quote.id}`);
  },
  { failure: "save the quote", adjustErrors: optionErrorsAboveTheForm },
);

/** Puts the quote our engineers sent for a manual quote request into the buyer's cart. */
export const addManualQuoteToCartAction = formAction(
  "cart.edit",
  z.object({ quoteId: formText }),
  async ({ quoteId }, { user }) => {
    await addQuoteToCart(getPrisma(), { companyId: user.companyId, userId: user.id }, quoteId);
    redirect("/cart");
  },
  { failure: "add the quote to the cart" },
);

/** Sends the part, the chosen options, notes and an optional drawing to an engineer for a price. */
export const requestManualQuoteAction = formAction(
  "public",
  z.object({
    partId: formText,
    options: chosenOptions,
    contactEmail: formText,
    notes: formText,
    drawing: z.instanceof(File).optional(),
  }),
  async ({ partId, options, contactEmail, notes, drawing }) => {
    const viewer = await pagePartViewer();
    await requestManualQuote(
      { db: getPrisma(), storage: getFileStorage() },
      {
        ...viewer,
        ...(viewer.buyer ? { userId: viewer.buyer.id } : {}),
        ipAddress: clientAddressFrom(await headers()),
      },
      partId,
      { contactEmail, notes, options, drawing: drawing ?? null },
    );
    return "Thank you: an engineer prices this part and answers by e-mail within one working day.";
  },
  // The chosen drawing stays chosen after a refusal: the form is never reset then (useFormAction).
  { failure: "send the request", adjustErrors: optionErrorsAboveTheForm },
);

/**
 * Reads the part's stored STL or OBJ file again in the unit chosen beside its size (owner only: the
 * part must be the viewer's), then shows the part page, which waits for the new size and price. Open
 * quotes of the old size are superseded (docs/decisions/0037); the page says so.
 */
export const switchPartUnitAction = formAction(
  "public",
  z.object({
    partId: formText,
    unit: z.enum(meshUnitChoices, { error: "Choose millimetres, centimetres, metres or inches." }),
  }),
  async ({ partId, unit }) => {
    const viewer = await pagePartViewer();
    const switched = await switchPartUnit({ db: getPrisma(), queue: getJobQueue }, viewer, partId, unit);
    if (!switched.changed) return `The part is already measured in this unit.`;
    redirect(
      `/parts/${encodeURIComponent(partId)}${switched.supersededQuotes > 0 ? `?withdrawn=${switched.supersededQuotes}` : ""}`,
    );
  },
  { failure: "switch the unit" },
);

/** A DXF drawing's sheet thickness (issue 23): priced again at once from the stored outline. */
export const chooseSheetThicknessAction = formAction(
  "public",
  z.object({
    partId: formText,
    thicknessMm: z.coerce
      .number({ error: "Enter the sheet thickness in millimetres, e.g. 3." })
      .min(0.5, "Enter a thickness of at least 0.5 mm.")
      .max(50, "Enter a thickness of at most 50 mm."),
  }),
  async ({ partId, thicknessMm }) => {
    const viewer = await pagePartViewer();
    const chosen = await chooseSheetThickness(getPrisma(), viewer, partId, thicknessMm);
    if (!chosen.changed) return `The drawing is already priced ${thicknessMm} mm thick.`;
    redirect(
      `/parts/${encodeURIComponent(partId)}${chosen.supersededQuotes > 0 ? `?withdrawn=${chosen.supersededQuotes}` : ""}`,
    );
  },
  { failure: "choose the thickness" },
);
