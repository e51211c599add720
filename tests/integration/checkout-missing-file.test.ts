import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import type { Database } from "../../lib/db/prisma";
import { flagMissingCartFiles } from "../../lib/orders/flag-missing-cart-files";
import { placeOrder } from "../../lib/orders/place-order";
import type { QuoteOptionsInput } from "../../lib/quotes/quote-options-schema";
import { saveQuote } from "../../lib/quotes/save-quote";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { seedDatabase } from "../../prisma/seed";
import { acme, acmeInvoiceCheckout, anna } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";

/** Issue 22, recovery (docs/decisions/0046): no order for a part whose stored file is gone. */
describe("checkout of a part whose file is gone", () => {
  let db: Database;
  let directory: string;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    directory = await fs.mkdtemp(path.join(os.tmpdir(), "checkout-files-"));
  });
  afterAll(() => fs.rm(directory, { recursive: true, force: true }));

  it("is refused with what to do, and a part whose file is there is ordered", async () => {
    const storage = createLocalFileStorage(directory);
    const partId = await createAnalysedPart(db, { companyId: acme });
    const quote = await saveQuote(db, anna, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 10,
    } as QuoteOptionsInput);
    await addQuoteToCart(db, anna, quote.id);
    const checkout = {
      ...acmeInvoiceCheckout,
    };

    // The fixture's part names a file that was never stored: checkout asks storage and refuses.
    expect(await flagMissingCartFiles(db, storage, anna.userId)).toBe(1);
    await expect(placeOrder(db, anna, checkout)).rejects.toMatchObject({
      code: "invalid_state_transition",
      message: expect.stringMatching(/no longer in our storage.*upload the file again/),
    });

    // With its file back (the daily check unflags it), the same cart is ordered.
    const part = await db.part.findUniqueOrThrow({ where: { id: partId } });
    const stored = await storage.put(Readable.from([Buffer.from("the bracket")]), { maxBytes: 100 });
    await db.part.update({
      where: { id: partId },
      data: { storageKey: stored.key, contentSha256: stored.sha256, fileMissingSince: null },
    });
    expect(part.fileMissingSince).toBeInstanceOf(Date);
    expect(await flagMissingCartFiles(db, storage, anna.userId)).toBe(0);
    expect((await placeOrder(db, anna, checkout)).number).toBeTruthy();
  });
});
