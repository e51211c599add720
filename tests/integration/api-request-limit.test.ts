// Decision 0069: a key's requestsPerMinute hold in any 60 s, also across a minute boundary, where the fixed
// per-minute window let twice the limit through.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { limitApiRequests } from "../../lib/public-api/limit-api-requests";
import { seedDatabase } from "../../prisma/seed";
import { createTestDatabase } from "./setup/test-database";

vi.mock("server-only", () => ({}));

const acme = "seed_company_acme";

describe("the per-key request limit", () => {
  let db: Database;
  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
  });
  afterAll(() => db.$disconnect());

  async function keyAllowing(requestsPerMinute: number) {
    const key = await createApiKey(db, {
      companyId: acme,
      userId: "seed_user_anna",
      name: `Limit ${requestsPerMinute} ${Math.random()}`,
      scopes: ["orders:read"],
      requestsPerMinute,
    });
    return { id: key.id, requestsPerMinute };
  }

  /** How many of `count` requests at `at` the limit admits. */
  async function admitted(key: { id: string; requestsPerMinute: number }, at: Date, count: number) {
    let passed = 0;
    for (let index = 0; index < count; index += 1)
      passed += await limitApiRequests(db, key, at).then(
        () => 1,
        () => 0,
      );
    return passed;
  }

  it("admits no more than the limit in any 60 s, also around a minute boundary", async () => {
    const key = await keyAllowing(5);
    expect(await admitted(key, new Date("2027-01-12T10:00:59.800Z"), 5)).toBe(5);
    // 0.4 s later, in the next calendar minute: the fixed window admitted 5 more here.
    expect(await admitted(key, new Date("2027-01-12T10:01:00.200Z"), 5)).toBe(0);
    const refused = await limitApiRequests(db, key, new Date("2027-01-12T10:01:30.000Z")).catch(
      (error: unknown) => error,
    );
    expect(refused).toMatchObject({ code: "rate_limited", details: { retryAfterSeconds: 30 } });
    // Once the first five are more than 60 s old, five more pass, and no sixth.
    expect(await admitted(key, new Date("2027-01-12T10:02:00.000Z"), 6)).toBe(5);
  });

  it("counts refused requests not: a client that waits as told gets in", async () => {
    const key = await keyAllowing(2);
    expect(await admitted(key, new Date("2027-01-12T11:00:00.000Z"), 2)).toBe(2);
    expect(await admitted(key, new Date("2027-01-12T11:00:30.000Z"), 20)).toBe(0);
    const headers = await limitApiRequests(db, key, new Date("2027-01-12T11:01:00.001Z"));
    expect(headers).toEqual({ "ratelimit-limit": "2", "ratelimit-remaining": "1", "ratelimit-reset": "60" });
  });

  it("admits exactly the limit of requests that arrive at once", async () => {
    const key = await keyAllowing(4);
    const at = new Date("2027-01-12T12:00:00.000Z");
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => limitApiRequests(db, key, at)),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(4);
  });
});
