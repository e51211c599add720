import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../lib/auth/password-hash";
import {
  delaySecondsAfterFailures,
  firstDelaySeconds,
  freeFailures,
  maxDelaySeconds,
} from "../../lib/auth/sign-in-rate-limit";
import { verifyCredentials } from "../../lib/auth/verify-credentials";
import type { Database } from "../../lib/db/prisma";
import { createTestPrisma } from "../integration/setup/test-prisma";

const password = "right-password-123";

describe("sign-in under attack (issue 16, items 1 and 2)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    const company = await db.company.create({
      data: { kind: "BUYER", name: "Target GmbH", countryCode: "DE" },
    });
    const passwordHash = await hashPassword(password);
    await db.user.createMany({
      data: ["victim", "owner", "slow", "spray-target"].map((name) => ({
        companyId: company.id,
        email: `${name}@target.example`,
        name,
        role: "BUYER_ADMIN" as const,
        passwordHash,
      })),
    });
  });

  it("lets only the free attempts of 200 parallel guesses reach the password check; the right one among them does not sign in", async () => {
    const guesses = Array.from({ length: 199 }, (_, index) => `wrong-password-${index}`);
    // The right password last, as an attacker's list would have it somewhere: by then the account is slowed.
    const verdicts = await Promise.all(
      [...guesses, password].map((guess, index) =>
        verifyCredentials(
          db,
          { email: "victim@target.example", password: guess },
          `198.51.100.${index % 250}`,
        ),
      ),
    );
    const checked = verdicts.filter((verdict) => !(!verdict.ok && verdict.reason === "rate_limited"));
    expect(checked).toHaveLength(freeFailures.account);
    expect(await db.signInAttempt.count({ where: { email: "victim@target.example" } })).toBe(
      freeFailures.account,
    );
    expect(verdicts.at(-1)).toMatchObject({ ok: false, reason: "rate_limited", bucket: "account" });
    expect(verdicts.some((verdict) => verdict.ok)).toBe(false);
  });

  it("tells the owner once by e-mail, however long the attack goes on", async () => {
    await Promise.all(
      Array.from({ length: 30 }, () =>
        verifyCredentials(db, { email: "victim@target.example", password: "still-wrong" }, "203.0.113.9"),
      ),
    );
    const emails = await db.outboxEmail.findMany({ where: { toAddress: "victim@target.example" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toMatch(/trying to sign in/);
  });

  it("lets the owner's browser (a valid device cookie) sign in while the account is slowed for everyone else", async () => {
    const deviceId = "owner-laptop";
    for (let attempt = 0; attempt < 50; attempt++)
      await verifyCredentials(
        db,
        { email: "owner@target.example", password: `guess-${attempt}` },
        "203.0.113.66",
      );
    expect(
      await verifyCredentials(db, { email: "owner@target.example", password }, "192.0.2.10"),
    ).toMatchObject({ ok: false, reason: "rate_limited", bucket: "account" });
    expect(
      await verifyCredentials(db, { email: "owner@target.example", password }, "192.0.2.10", { deviceId }),
    ).toMatchObject({ ok: true, identity: { email: "owner@target.example" } });
  });

  it("waits longer after every further failure, up to the cap, and then lets the next attempt through", async () => {
    const start = new Date("2026-12-01T10:00:00Z");
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    for (let attempt = 0; attempt < freeFailures.account; attempt++)
      await verifyCredentials(db, { email: "slow@target.example", password: "guess" }, "192.0.2.1", {
        now: at(attempt),
      });
    const lastFailureSecond = freeFailures.account - 1;
    expect(
      await verifyCredentials(db, { email: "slow@target.example", password }, "192.0.2.1", { now: at(10) }),
    ).toMatchObject({
      reason: "rate_limited",
      retryAfterSeconds: lastFailureSecond + firstDelaySeconds - 10,
    });
    // After the wait, one more guess is checked; the next wait is twice as long.
    const afterWait = lastFailureSecond + firstDelaySeconds;
    expect(
      await verifyCredentials(db, { email: "slow@target.example", password: "guess" }, "192.0.2.1", {
        now: at(afterWait),
      }),
    ).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(
      await verifyCredentials(db, { email: "slow@target.example", password }, "192.0.2.1", {
        now: at(afterWait),
      }),
    ).toMatchObject({ retryAfterSeconds: 2 * firstDelaySeconds });
    expect(delaySecondsAfterFailures(1000, freeFailures.account)).toBe(maxDelaySeconds);
    expect(
      await verifyCredentials(db, { email: "slow@target.example", password }, "192.0.2.1", {
        now: at(afterWait + 2 * firstDelaySeconds),
      }),
    ).toMatchObject({ ok: true });
  });
});
