import "server-only";
import { appUrl } from "../env";
import type { QuoteDocument } from "./quote-document";
import { renderQuotePdf } from "./render-quote-pdf";

/** Where the quote PDF points for the terms of business (the terms page of issue 18). */
export const termsUrl = () => `${appUrl()}/terms`;

/** The quote PDF as a download named after its number; never cached by a shared proxy. */
export async function quotePdfResponse(document: QuoteDocument): Promise<Response> {
  const bytes = await renderQuotePdf(document, termsUrl());
  return new Response(bytes as unknown as BodyInit, {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${document.number}.pdf"`,
      "cache-control": "private, no-store",
    },
  });
}
