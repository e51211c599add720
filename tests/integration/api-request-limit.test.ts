// Decision 0069: a key's requestsPerMinute hold in any 60 s, also across a minute boundary, where the fixed
// per-minute window let twice the limit through.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiKey } from "../../lib/api-keys/create-api-key";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { limitApiRequests } from "../../lib/public-api/limit-api-requests";
import { limitUnkeyedApiRequests } from "../../lib/public-api/limit-unkeyed-api-requests";
import { resetEnvCache } from "../../lib/env";
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

  it("limits requests without a key per client address (IPv6 by /64), and forgets quiet addresses", async () => {
    process.env.API_UNKEYED_REQUESTS_PER_MINUTE = "3";
    resetEnvCache();
    try {
      const at = new Date("2027-01-12T13:00:00.000Z");
      const tries = (address: string, moment: Date, count: number) =>
        Promise.all(
          Array.from({ length: count }, () =>
            limitUnkeyedApiRequests(db, address, moment).then(
              () => "admitted",
              (error: unknown) => error,
            ),
          ),
        );
      const first = await tries("2001:db8:1:2:aaaa::1", at, 5);
      expect(first.filter((outcome) => outcome === "admitted")).toHaveLength(3);
      expect(first.find((outcome) => outcome !== "admitted")).toMatchObject({
        code: "rate_limited",
        message: expect.stringMatching(/without a valid API key .* 3 in any 60 seconds\. Try again in 60 s/),
        details: { retryAfterSeconds: 60 },
      });
      // Another address in the same /64 is the same subscriber; another /64 is not.
      expect(await tries("2001:db8:1:2:bbbb::9", at, 1)).not.toContain("admitted");
      expect(await tries("2001:db8:1:3::1", at, 1)).toEqual(["admitted"]);

      // A minute later a new address's first request deletes the rows of addresses quiet since.
      await tries("198.51.100.7", new Date(at.getTime() + 61_000), 1);
      const rows = await db.apiClientAddressRecentRequests.findMany({ select: { clientAddress: true } });
      expect(rows.map((row) => row.clientAddress)).toEqual(["198.51.100.7"]);
    } finally {
      delete process.env.API_UNKEYED_REQUESTS_PER_MINUTE;
      resetEnvCache();
    }
  });
});
