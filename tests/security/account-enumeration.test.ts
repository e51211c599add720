import { beforeAll, describe, expect, it } from "vitest";
import { completeRegistration } from "../../lib/companies/complete-registration";
import { startRegistration } from "../../lib/companies/start-registration";
import type { Database } from "../../lib/db/prisma";
import { getEnv, resetEnvCache } from "../../lib/env";
import { inviteTeamMember } from "../../lib/team/invite-team-member";
import { seedDatabase } from "../../prisma/seed";
import { createTestPrisma } from "../integration/setup/test-prisma";

const buyerForm = (email: string) => ({
  companyName: "Probe GmbH",
  countryCode: "DE",
  name: "Probe",
  email,
  password: "a-long-enough-password",
});

describe("sign-up and invitations do not tell who has an account (issue 16, item 13)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("answers a sign-up the same for a new address and one with an account, and e-mails the owner instead", async () => {
    const request = (email: string, ipAddress: string) =>
      startRegistration(db, { kind: "BUYER", input: buyerForm(email), ipAddress, returnTo: "/" });
    const taken = await request("Anna.Buyer@acme.example", "192.0.2.1");
    const fresh = await request("new.buyer@probe.example", "192.0.2.1");
    expect(taken).toEqual({ email: "anna.buyer@acme.example" });
    expect(fresh).toEqual({ email: "new.buyer@probe.example" });

    // Nothing changed for the existing account; its owner is told.
    expect(await db.pendingRegistration.count({ where: { email: "anna.buyer@acme.example" } })).toBe(0);
    const notice = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "anna.buyer@acme.example" } });
    expect(notice.text).toMatch(/already has an account/);
    expect(notice.text).not.toMatch(/sign-up\/confirm/);
    expect(await db.company.count({ where: { name: "Probe GmbH" } })).toBe(0);
  });

  it("does not flood an inbox: the owner's notice once a day, a new address's link three times an hour", async () => {
    const request = (email: string, index: number) =>
      startRegistration(db, {
        kind: "BUYER",
        input: buyerForm(email),
        ipAddress: `203.0.113.${index}`,
        returnTo: "/",
      });
    // From several addresses at once, as a flood would come.
    const answers = await Promise.all([
      ...Array.from({ length: 6 }, (_, index) => request("ben.engineer@acme.example", index)),
      ...Array.from({ length: 6 }, (_, index) => request("victim@probe.example", 10 + index)),
    ]);
    // Every sign-up got the same answer as always …
    expect(answers.map((answer) => answer.email).sort()).toEqual([
      ...Array(6).fill("ben.engineer@acme.example"),
      ...Array(6).fill("victim@probe.example"),
    ]);
    // … but the owner was told once, and the new address got at most three links.
    expect(await db.outboxEmail.count({ where: { toAddress: "ben.engineer@acme.example" } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { toAddress: "victim@probe.example" } })).toBe(3);
    expect(await db.pendingRegistration.count({ where: { email: "victim@probe.example" } })).toBe(3);
  });

  it("creates the new account only from the e-mail's link, once", async () => {
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "new.buyer@probe.example" } });
    const token = /\/sign-up\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const created = await completeRegistration(db, token, "a-long-enough-password");
    expect(await db.user.findUniqueOrThrow({ where: { id: created.userId } })).toMatchObject({
      email: "new.buyer@probe.example",
      role: "BUYER_ADMIN",
      companyId: created.companyId,
    });
    await expect(completeRegistration(db, token, "a-long-enough-password")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("makes no account when the link is followed by someone who does not know the password chosen at sign-up", async () => {
    // A stranger signs up with the victim's address; the victim, curious, follows the link in the e-mail.
    await startRegistration(db, {
      kind: "BUYER",
      input: { ...buyerForm("victim.of.pre-sign-up@probe.example"), password: "the-strangers-password" },
      ipAddress: "192.0.2.77",
      returnTo: "/",
    });
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: "victim.of.pre-sign-up@probe.example" },
    });
    const token = /\/sign-up\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    await expect(completeRegistration(db, token, "the-victims-own-password")).rejects.toMatchObject({
      code: "forbidden",
      details: { field: "password" },
    });
    await expect(completeRegistration(db, token, "")).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.user.count({ where: { email: "victim.of.pre-sign-up@probe.example" } })).toBe(0);
    // The link still works for whoever chose the password (the stranger gains nothing: the address is not theirs).
    expect(
      await db.pendingRegistration.count({
        where: { email: "victim.of.pre-sign-up@probe.example", usedAt: null },
      }),
    ).toBe(1);
  });

  const signUpsPerAddressPerHour = getEnv().SIGN_UPS_PER_ADDRESS_PER_HOUR;
  it(`accepts ${signUpsPerAddressPerHour} sign-ups per address and hour by default, however many are sent at once`, async () => {
    expect(signUpsPerAddressPerHour).toBe(10);
    const results = await Promise.allSettled(
      Array.from({ length: signUpsPerAddressPerHour + 5 }, (_, index) =>
        startRegistration(db, {
          kind: "BUYER",
          input: buyerForm(`flood${index}@probe.example`),
          ipAddress: "198.51.100.200",
          returnTo: "/",
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(signUpsPerAddressPerHour);
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(5);
    expect(refused[0]!.reason).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Try again in/),
    });
    // Another address is not affected.
    await expect(
      startRegistration(db, {
        kind: "BUYER",
        input: buyerForm("other@probe.example"),
        ipAddress: "198.51.100.201",
        returnTo: "/",
      }),
    ).resolves.toEqual({ email: "other@probe.example" });
  });

  it("takes the sign-up limit from SIGN_UPS_PER_ADDRESS_PER_HOUR", async () => {
    process.env.SIGN_UPS_PER_ADDRESS_PER_HOUR = "3";
    resetEnvCache();
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, index) =>
          startRegistration(db, {
            kind: "BUYER",
            input: buyerForm(`office${index}@probe.example`),
            ipAddress: "198.51.100.210",
            returnTo: "/",
          }),
        ),
      );
      expect(results.map((result) => result.status).sort()).toEqual([
        "fulfilled",
        "fulfilled",
        "fulfilled",
        "rejected",
        "rejected",
      ]);
    } finally {
      delete process.env.SIGN_UPS_PER_ADDRESS_PER_HOUR;
      resetEnvCache();
    }
  });

  it("answers an invitation of an address with an account elsewhere like any invitation, and tells that address's owner without a link", async () => {
    const inviter = {
      userId: "seed_user_anna",
      companyId: "seed_company_acme",
      role: "BUYER_ADMIN" as const,
      name: "Anna",
      companyName: "Acme",
    };
    const elsewhere = await inviteTeamMember(db, inviter, {
      email: "partner@mueller-cnc.example",
      role: "BUYER_ENGINEER",
    });
    const nobody = await inviteTeamMember(db, inviter, {
      email: "nobody@elsewhere.example",
      role: "BUYER_ENGINEER",
    });
    expect(Object.keys(elsewhere).sort()).toEqual(Object.keys(nobody).sort());
    const notice = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: "partner@mueller-cnc.example", subject: { contains: "invites you" } },
    });
    expect(notice.text).toMatch(/already has an account/);
    expect(notice.text).not.toMatch(/\/invitations\//);
    await expect(
      inviteTeamMember(db, inviter, { email: "ben.engineer@acme.example", role: "BUYER_ENGINEER" }),
    ).rejects.toThrow(/already on your team/);
  });
});
