import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { readJsonBody } from "@/lib/api/read-limited-body";
import { getPrisma } from "@/lib/db/prisma";
import { findViewablePart } from "@/lib/parts/find-viewable-part";
import { resolvePartViewer } from "@/lib/parts/resolve-part-viewer";
import { compareStoredPart, priceStoredPart } from "@/lib/quotes/price-stored-part";
import { quoteDay } from "@/lib/quotes/quote-day";
import { quantitySchema, quoteOptionsSchema } from "@/lib/quotes/quote-options-schema";
import { parseOrRefuse } from "@/lib/errors/parse-or-refuse";

const compareBody = z.object({ compare: z.literal(true), quantity: quantitySchema });
const optionsBody = quoteOptionsSchema.extend({ compare: z.literal(false).optional() });

/**
 * Prices a part for one set of options (or every process, with `compare: true`) from its stored
 * analysis. Answers the engine's quote: a price with its delivery calendar, `needsManualQuote` with
 * reasons, or `{ ok: false }`.
 */
export const POST = apiRoute<{ partId: string }>(async ({ request, params }) => {
  const json = await readJsonBody(request);
  const wantsComparison =
    typeof json === "object" && json !== null && (json as { compare?: unknown }).compare === true;
  const { compare: _compare, ...choice } = parseOrRefuse(
    wantsComparison ? compareBody : optionsBody,
    json,
    "The quote options are not valid:",
  );
  const db = getPrisma();
  const part = await findViewablePart(db, params.partId, await resolvePartViewer(request));
  const result =
    "process" in choice
      ? await priceStoredPart(db, part, choice, quoteDay())
      : // A comparison (the first price in the upload row) may come from the measurement before features.
        await compareStoredPart(db, part, choice.quantity, quoteDay(), undefined, { allowPreliminary: true });
  return Response.json(result, {
    headers: { "cache-control": "no-store" },
  });
});
