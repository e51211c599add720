// Found on walk 7: the job page ships through parcels (lib/shipments: a carrier from the list, a tracking
// number in that carrier's form), but the progress action still took "to=SHIPPED" with any carrier text
// and a 4-character tracking number: a request made by hand shipped the whole job past those checks.
// The action is called here as the app calls it, with the user the session would give.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import type { CurrentUser } from "../../lib/auth/current-user";
import { seedDatabase } from "../../prisma/seed";
import { placeAcmeOrder } from "../fixtures/acme-orders";
import { mueller } from "../fixtures/money-fixtures";
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

const { updateJobStatusAction } = await import("../../app/supplier/actions");

function progressForm(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.append(name, value);
  return formData;
}

describe("a partner's progress report", () => {
  let db: Database;
  let orderLineId: string;

  beforeAll(async () => {
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
    db = createPrismaClient(await createTestDatabase());
    state.db = db;
    await seedDatabase(db);
    const { line } = await placeAcmeOrder(db);
    orderLineId = line.id;
    await db.orderLine.update({
      where: { id: line.id },
      data: { status: "IN_PRODUCTION", supplierCompanyId: mueller.companyId },
    });
    state.user = (await db.user.findFirstOrThrow({
      where: { email: "partner@mueller-cnc.example" },
      include: { company: { select: { id: true, name: true, kind: true, status: true } } },
    })) as CurrentUser;
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("refuses to ship the job: parcels are shipped with a listed carrier and its tracking number", async () => {
    const result = await updateJobStatusAction(
      null,
      progressForm({ orderLineId, to: "SHIPPED", carrier: "my cousin's van", trackingNumber: "ABCD" }),
    );
    expect(result.status).not.toBe("success");
    const line = await db.orderLine.findUniqueOrThrow({ where: { id: orderLineId } });
    expect(line).toMatchObject({ status: "IN_PRODUCTION", carrier: null, trackingNumber: null });
    expect(await db.shipment.count({ where: { orderLineId } })).toBe(0);
  });

  it("still reports the job in quality check", async () => {
    const result = await updateJobStatusAction(null, progressForm({ orderLineId, to: "QUALITY_CHECK" }));
    expect(result.status).toBe("success");
    expect((await db.orderLine.findUniqueOrThrow({ where: { id: orderLineId } })).status).toBe(
      "QUALITY_CHECK",
    );
  });
});
