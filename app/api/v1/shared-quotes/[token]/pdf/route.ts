import { apiRoute } from "@/lib/api/api-route";
import { getPrisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { openSharedQuote } from "@/lib/quote-documents/open-shared-quote";
import { quotePdfResponse } from "@/lib/quote-documents/quote-pdf-response";

/**
 * The PDF of a shared quote, for anyone holding the link while the quote is valid. An expired or unknown
 * link gets the same refusal and no data.
 */
export const GET = apiRoute<{ token: string }>(async ({ params }) => {
  const shared = await openSharedQuote(getPrisma(), params.token);
  if (shared.state !== "valid")
    throw new AppError(
      "not_found",
      "This quote link has expired or does not exist. Ask the sender for a new quote.",
    );
  return quotePdfResponse(shared.document);
});
