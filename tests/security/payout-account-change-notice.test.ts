// Walk 7 (attacker): someone who took over a partner's finance account changed the IBAN its payouts go
// to, and nobody heard of it (a password change e-mails its owner; the bank account did not). Now every
// admin and finance user of the partner is e-mailed when the account changes, with its last digits.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { saveBankDetails } from "../../lib/payouts/save-bank-details";
import { seedDatabase } from "../../prisma/seed";
import { mueller } from "../fixtures/money-fixtures";
import { createTestPrisma } from "../integration/setup/test-prisma";

vi.mock("server-only", () => ({}));

const fiona = {
  userId: "seed_user_mueller_finance",
  companyId: mueller.companyId,
  role: "SUPPLIER_FINANCE" as const,
};
const details = {
  accountHolder: "Präzisionsteile Müller GmbH",
  iban: "DE89 3704 0044 0532 0130 00",
  bic: "",
};

describe("a partner's payout account changing", () => {
  let db: Database;

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  const noticesTo = async (since: Date) =>
    db.outboxEmail.findMany({ where: { createdAt: { gte: since }, subject: { contains: "payout" } } });

  it("e-mails the partner's admins and finance users, naming the new account's last digits", async () => {
    const since = new Date();
    await saveBankDetails(db, fiona, details);
    const notices = await noticesTo(since);
    const readers = await db.user.findMany({
      where: {
        companyId: mueller.companyId,
        role: { in: ["SUPPLIER_ADMIN", "SUPPLIER_FINANCE"] },
        disabledAt: null,
      },
      select: { email: true },
    });
    expect(readers.length).toBeGreaterThan(1);
    expect(notices.map((notice) => notice.toAddress).sort()).toEqual(
      readers.map((reader) => reader.email).sort(),
    );
    for (const notice of notices) {
      expect(notice.text).toContain("…3000");
      expect(notice.text).not.toContain("DE89370400440532013000");
    }
    const staff = await db.user.findFirstOrThrow({ where: { id: "seed_user_mueller_staff" } });
    expect(notices.some((notice) => notice.toAddress === staff.email)).toBe(false);
  });

  it("sends nothing when the account stays the same", async () => {
    const since = new Date();
    await saveBankDetails(db, fiona, details);
    expect(await noticesTo(since)).toHaveLength(0);
  });
});
