// Walk 7 (attacker): "request a quote" is open to visitors and e-mails the contact address typed in the
// form, with the notes (up to 5,000 characters) and the part's file name; nothing limited it. One upload
// made our mail a relay to any address, and each request could store another 20 MB drawing. Now a
// visitor's browser asks for at most 10 in an hour, visitors of one network for at most 20 (and a buyer
// company, whose accounts are confirmed, for 100).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import {
  manualQuoteRequestsPerAddressPerHour,
  manualQuoteRequestsPerVisitorPerHour,
} from "../../lib/quotes/refuse-manual-quote-flood";
import { requestManualQuote } from "../../lib/quotes/request-manual-quote";
import type { FileStorage } from "../../lib/storage/file-storage";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

const form = (to: string) => ({
  contactEmail: to,
  notes: "Cheap watches, click here: https://spam.example",
  options: { process: "cnc_milling", materialCode: "AL-6061-T6", tolerance: "tighter", quantity: 1 },
});

describe("quote requests by hand a visitor may send", () => {
  let db: Database;
  let storage: FileStorage;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    storage = createLocalFileStorage(await fs.mkdtemp(path.join(os.tmpdir(), "manual-quote-limit-")));
  });

  /** A visitor's browser with an analysed part, asking from `ipAddress`. */
  async function visitor(token: string, ipAddress: string) {
    const visitorToken = token.padEnd(43, "x");
    const partId = await createAnalysedPart(db, { visitorToken });
    const ask = (to: string) =>
      requestManualQuote({ db, storage }, { visitorToken, ipAddress }, partId, form(to));
    return { ask };
  }

  const mailsTo = (address: string) => db.outboxEmail.count({ where: { toAddress: address } });

  it("refuses a browser's requests past its hourly number, and mails nothing for them", async () => {
    const { ask } = await visitor("a", "198.51.100.7");
    for (let index = 0; index < manualQuoteRequestsPerVisitorPerHour; index++)
      await ask(`victim${index}@target.example`);
    await expect(ask("one.more@target.example")).rejects.toThrow(/in the last hour/);
    expect(await mailsTo("one.more@target.example")).toBe(0);
  });

  it("refuses a network's requests past its hourly number, whichever browser sends them", async () => {
    const address = "203.0.113.9";
    let sent = 0;
    for (let browser = 0; sent < manualQuoteRequestsPerAddressPerHour; browser++) {
      const { ask } = await visitor(`net${browser}`, address);
      for (
        let index = 0;
        index < manualQuoteRequestsPerVisitorPerHour && sent < manualQuoteRequestsPerAddressPerHour;
        index++, sent++
      )
        await ask(`victim${sent}@target.example`);
    }
    const { ask } = await visitor("fresh", address);
    await expect(ask("one.more.net@target.example")).rejects.toThrow(/from your network/);
    expect(await mailsTo("one.more.net@target.example")).toBe(0);
  });
});
