// Issue 18 (i18-docs): the shared-quote link is public, so its token is the only check. Through the real
// route handler: a valid link gives its one quote's PDF; an expired, wrong or malformed one gets the
// same 404 with nothing of the quote or the company in it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { createQuoteShareLink } from "../../lib/quote-documents/create-quote-share-link";
import { saveQuote } from "../../lib/quotes/save-quote";
import { seedDatabase } from "../../prisma/seed";
import { anna, acme } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { pdfText } from "../fixtures/pdf-text";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));
let db: Database;
vi.mock("../../lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/db/prisma")>()),
  getPrisma: () => db,
}));

async function getSharedPdf(token: string): Promise<Response> {
  const { GET } = await import("../../app/api/v1/shared-quotes/[token]/pdf/route");
  return GET(new Request(`http://app.test/api/v1/shared-quotes/${encodeURIComponent(token)}/pdf`), {
    params: Promise.resolve({ token }),
  });
}

describe("shared quote links", () => {
  let token: string;
  let quoteId: string;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 4,
    });
    quoteId = quote.id;
    const { url } = await createQuoteShareLink(db, anna, quote.id);
    token = url.split("/shared-quotes/")[1]!;
  });

  it("a valid link gives the PDF of its one quote", async () => {
    const response = await getSharedPdf(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const text = pdfText(new Uint8Array(await response.arrayBuffer()));
    expect(text).toContain("bracket.step");
  });

  it("an expired, wrong or malformed link gets a 404 and no data", async () => {
    const changed = token.slice(0, -2) + (token.endsWith("AA") ? "BB" : "AA");
    const wrong = [changed, "A".repeat(43), "short", "..%2F..%2Fapi%2Fv1%2Fme", quoteId];
    await db.quote.update({ where: { id: quoteId }, data: { validUntil: new Date(Date.now() - 1000) } });
    for (const candidate of [token, ...wrong]) {
      const response = await getSharedPdf(candidate);
      expect(response.status, candidate).toBe(404);
      const body = await response.text();
      for (const secret of ["bracket.step", "Acme", "QT-", quoteId, "Anna"])
        expect(body, `${candidate} leaks ${secret}`).not.toContain(secret);
    }
  });
});
