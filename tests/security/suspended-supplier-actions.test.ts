// Issue 16, item 4: a suspended supplier's open session still saved its profile. Suspension ends its
// sessions (tests/security/sessions.test.ts); when it signs in again to finish its accepted jobs, the
// permission guard holds its company to what a suspended company may do. The profile action is called
// here as the app calls it, with the user the session would give.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import type { CurrentUser } from "../../lib/auth/current-user";
import { may } from "../../lib/auth/permissions";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "../integration/setup/test-database";

const state = vi.hoisted(() => ({ db: undefined as unknown, user: null as unknown }));

vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("../../lib/auth/current-user", () => ({ getCurrentUser: async () => state.user }));
vi.mock("../../lib/db/prisma", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/db/prisma")>()),
  getPrisma: () => state.db,
}));

const { saveLocationAction } = await import("../../app/supplier/profile/actions");

function locationForm(city: string): FormData {
  const formData = new FormData();
  const fields = {
    countryCode: "DE",
    region: "BY",
    city,
    postalCode: "80331",
    addressLine: "Werkstrasse 1",
    latitude: "48.137",
    longitude: "11.575",
    minOrderValueEuros: "50",
  };
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

describe("a suspended partner's actions", () => {
  let db: Database;
  const signInAsMueller = async () => {
    state.user = (await db.user.findFirstOrThrow({
      where: { email: "partner@mueller-cnc.example" },
      include: { company: { select: { id: true, name: true, kind: true, status: true } } },
    })) as CurrentUser;
  };

  beforeAll(async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
    db = createPrismaClient(await createTestDatabase());
    state.db = db;
    await seedDatabase(db);
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("lets an active partner's admin save the profile", async () => {
    await signInAsMueller();
    const result = await saveLocationAction(null, locationForm("Augsburg"));
    expect(result.status).toBe("success");
    expect((await db.company.findUniqueOrThrow({ where: { id: "seed_company_mueller" } })).city).toBe(
      "Augsburg",
    );
  });

  it("refuses the profile of a suspended partner with the reason, and changes nothing", async () => {
    await db.company.update({ where: { id: "seed_company_mueller" }, data: { status: "SUSPENDED" } });
    await signInAsMueller();
    const result = await saveLocationAction(null, locationForm("Nürnberg"));
    expect(result.error?.[""]?.[0]).toMatch(/suspended/);
    expect((await db.company.findUniqueOrThrow({ where: { id: "seed_company_mueller" } })).city).toBe(
      "Augsburg",
    );
  });

  it("still lets a suspended partner finish, ship and be paid for accepted jobs, but not answer offers", () => {
    expect(may("SUPPLIER_ADMIN", "supplier.jobs.update", "SUSPENDED")).toBe(true);
    expect(may("SUPPLIER_ADMIN", "supplier.payouts.edit", "SUSPENDED")).toBe(true);
    expect(may("SUPPLIER_ADMIN", "supplier.offers.respond", "SUSPENDED")).toBe(false);
    expect(may("SUPPLIER_ADMIN", "supplier.profile.edit", "SUSPENDED")).toBe(false);
    expect(may("SUPPLIER_ADMIN", "supplier.profile.edit", "ACTIVE")).toBe(true);
  });
});
