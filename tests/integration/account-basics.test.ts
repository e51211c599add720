import { beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "../../lib/account/change-password";
import { emailTokenSha256 } from "../../lib/account/issue-email-token";
import {
  passwordResetLinksPerAccountPerHour,
  passwordResetsPerAddressPerHour,
  requestPasswordReset,
} from "../../lib/account/request-password-reset";
import { resetPassword } from "../../lib/account/reset-password";
import { sendVerificationLink, verificationLinksPerHour } from "../../lib/account/send-verification-link";
import { verifyEmail } from "../../lib/account/verify-email";
import { loadSessionUser } from "../../lib/auth/load-session-user";
import { verifyPassword } from "../../lib/auth/password-hash";
import { startUserSession } from "../../lib/auth/start-user-session";
import { completeRegistration } from "../../lib/companies/complete-registration";
import { registerBuyer } from "../../lib/companies/register-buyer";
import { startRegistration } from "../../lib/companies/start-registration";
import type { Database } from "../../lib/db/prisma";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import { placeOrder } from "../../lib/orders/place-order";
import { saveQuote } from "../../lib/quotes/save-quote";
import { acceptInvitation } from "../../lib/team/accept-invitation";
import { inviteTeamMember } from "../../lib/team/invite-team-member";
import { seedDatabase } from "../../prisma/seed";
import { goodsInAddress } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";

/** The token of the newest link e-mailed to an address, read from the outbox as its owner would. */
async function linkToken(db: Database, to: string, path: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({
    where: { toAddress: to, text: { contains: `/${path}/` } },
    orderBy: { createdAt: "desc" },
  });
  return new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text)![1]!;
}

describe("password reset by e-mail (issue 18)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("answers the same for a known and an unknown address, and e-mails only the known one", async () => {
    const known = await requestPasswordReset(db, {
      input: { email: " Paula.Purchaser@acme.example " },
      ipAddress: "192.0.2.10",
    });
    const unknown = await requestPasswordReset(db, {
      input: { email: "nobody@nowhere.example" },
      ipAddress: "192.0.2.10",
    });
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(known).toEqual({ email: "paula.purchaser@acme.example" });
    expect(await db.outboxEmail.count({ where: { toAddress: "nobody@nowhere.example" } })).toBe(0);
    expect(await db.userEmailToken.count({ where: { user: { email: "nobody@nowhere.example" } } })).toBe(0);
    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: "paula.purchaser@acme.example" },
    });
    expect(mail.text).toMatch(/within 60 minutes/);
  });

  it("stores only the SHA-256 of the token, valid for one hour", async () => {
    const now = new Date();
    await requestPasswordReset(
      db,
      { input: { email: "ben.engineer@acme.example" }, ipAddress: "192.0.2.11" },
      now,
    );
    const token = await linkToken(db, "ben.engineer@acme.example", "reset-password");
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 random bits
    const row = await db.userEmailToken.findFirstOrThrow({
      where: { userId: "seed_user_ben", purpose: "PASSWORD_RESET" },
    });
    expect(row.tokenSha256).toBe(emailTokenSha256(token));
    expect(row.tokenSha256).not.toContain(token);
    expect(await db.userEmailToken.count({ where: { tokenSha256: token } })).toBe(0);
    expect(row.expiresAt.getTime() - now.getTime()).toBe(3_600_000);
  });

  it("refuses an expired link, and a used one the second time", async () => {
    const asked = new Date("2026-12-07T09:00:00Z");
    await requestPasswordReset(
      db,
      { input: { email: "anna.buyer@acme.example" }, ipAddress: "192.0.2.12" },
      asked,
    );
    const token = await linkToken(db, "anna.buyer@acme.example", "reset-password");
    const lateBy = new Date(asked.getTime() + 3_600_000 + 1000);
    await expect(resetPassword(db, token, { password: "a-new-long-password" }, lateBy)).rejects.toMatchObject(
      { code: "not_found", message: expect.stringMatching(/used or expired/) },
    );

    await requestPasswordReset(db, { input: { email: "anna.buyer@acme.example" }, ipAddress: "192.0.2.12" });
    const fresh = await linkToken(db, "anna.buyer@acme.example", "reset-password");
    expect(fresh).not.toBe(token);
    await expect(resetPassword(db, fresh, { password: "short" })).rejects.toThrow(/at least 10 characters/);
    await expect(resetPassword(db, fresh, { password: "a-new-long-password" })).resolves.toEqual({
      email: "anna.buyer@acme.example",
    });
    await expect(resetPassword(db, fresh, { password: "another-long-password" })).rejects.toMatchObject({
      code: "not_found",
    });
    const anna = await db.user.findUniqueOrThrow({ where: { id: "seed_user_anna" } });
    expect(await verifyPassword(anna.passwordHash, "a-new-long-password")).toBe(true);
  });

  it("ends every session of the user and e-mails that the password changed", async () => {
    const laptop = await startUserSession(db, "seed_user_paula", "192.0.2.1");
    const phone = await startUserSession(db, "seed_user_paula", "192.0.2.2");
    const token = await linkToken(db, "paula.purchaser@acme.example", "reset-password");
    await resetPassword(db, token, { password: "paulas-new-password" });
    for (const sessionId of [laptop, phone])
      expect(await loadSessionUser(db, { sessionId, userId: "seed_user_paula" })).toBeNull();
    expect(
      await db.outboxEmail.count({
        where: {
          toAddress: "paula.purchaser@acme.example",
          subject: "Your Instant Quote password was changed",
        },
      }),
    ).toBe(1);
    expect(
      await db.auditLogEntry.count({ where: { action: "user.password_reset", entityId: "seed_user_paula" } }),
    ).toBe(1);
  });

  it(`sends an account at most ${passwordResetLinksPerAccountPerHour} links an hour, answering as always`, async () => {
    const ask = (index: number) =>
      requestPasswordReset(db, {
        input: { email: "stefan.staff@mueller-cnc.example" },
        ipAddress: `198.51.100.${index}`,
      });
    const answers = await Promise.all(Array.from({ length: 6 }, (_, index) => ask(index)));
    expect(new Set(answers.map((answer) => answer.email))).toEqual(
      new Set(["stefan.staff@mueller-cnc.example"]),
    );
    expect(await db.outboxEmail.count({ where: { toAddress: "stefan.staff@mueller-cnc.example" } })).toBe(
      passwordResetLinksPerAccountPerHour,
    );
  });

  it(`accepts ${passwordResetsPerAddressPerHour} requests per client address and hour, known addresses or not`, async () => {
    const results = await Promise.allSettled(
      Array.from({ length: passwordResetsPerAddressPerHour + 3 }, (_, index) =>
        requestPasswordReset(db, {
          input: { email: index % 2 ? "olga.ops@instant-quote.example" : `guess${index}@nowhere.example` },
          ipAddress: "203.0.113.50",
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(
      passwordResetsPerAddressPerHour,
    );
    const refused = results.filter((result) => result.status === "rejected");
    expect(refused).toHaveLength(3);
    expect(refused[0]!.reason).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/Try again in/),
    });
    await expect(
      requestPasswordReset(db, { input: { email: "x@nowhere.example" }, ipAddress: "203.0.113.51" }),
    ).resolves.toEqual({ email: "x@nowhere.example" });
  });
});

describe("changing the password on the account page (issue 18)", () => {
  let db: Database;
  let userId: string;
  beforeAll(async () => {
    db = await createTestPrisma();
    ({ userId } = await registerBuyer(db, {
      companyName: "Change GmbH",
      countryCode: "DE",
      name: "Chris Change",
      email: "chris@change.example",
      password: "the-first-password",
    }));
  });

  it("needs the current password and the sign-up rules for the new one", async () => {
    const here = await startUserSession(db, userId, "192.0.2.1");
    const who = { userId, keepSessionId: here, ipAddress: "192.0.2.1" };
    await expect(
      changePassword(db, who, { currentPassword: "not-the-password", newPassword: "a-second-password" }),
    ).rejects.toMatchObject({ code: "validation_failed", details: { field: "currentPassword" } });
    await expect(
      changePassword(db, who, { currentPassword: "the-first-password", newPassword: "short" }),
    ).rejects.toThrow(/at least 10 characters/);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(user.passwordHash, "the-first-password")).toBe(true);
  });

  it("ends the user's other sessions, keeps this one, and e-mails the owner", async () => {
    const here = await startUserSession(db, userId, "192.0.2.1");
    const elsewhere = await startUserSession(db, userId, "192.0.2.99");
    const result = await changePassword(
      db,
      { userId, keepSessionId: here, ipAddress: "192.0.2.1" },
      { currentPassword: "the-first-password", newPassword: "a-second-password" },
    );
    expect(result.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect(await loadSessionUser(db, { sessionId: here, userId })).toMatchObject({ id: userId });
    expect(await loadSessionUser(db, { sessionId: elsewhere, userId })).toBeNull();
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(await verifyPassword(user.passwordHash, "a-second-password")).toBe(true);
    expect(
      await db.outboxEmail.count({
        where: { toAddress: "chris@change.example", subject: "Your Instant Quote password was changed" },
      }),
    ).toBe(1);
  });

  it("slows down guesses of the current password like sign-in guesses", async () => {
    const here = await startUserSession(db, userId, "192.0.2.1");
    const who = { userId, keepSessionId: here, ipAddress: "192.0.2.1" };
    const guesses = [];
    for (let index = 0; index < 7; index++)
      guesses.push(
        await changePassword(db, who, {
          currentPassword: `guess-${index}`,
          newPassword: "a-third-password",
        }).catch((error: { code: string }) => error.code),
      );
    expect(guesses).toContain("rate_limited");
  });
});

describe("e-mail verification before the first order (issue 18)", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("counts the demo accounts, a confirmed sign-up and an accepted invitation as verified", async () => {
    expect(await db.user.count({ where: { emailVerifiedAt: null } })).toBe(0);
    await startRegistration(db, {
      kind: "BUYER",
      input: {
        companyName: "Linked GmbH",
        countryCode: "DE",
        name: "Lina",
        email: "lina@linked.example",
        password: "long-enough-pw",
      },
      ipAddress: "192.0.2.30",
      returnTo: "/",
    });
    const created = await completeRegistration(
      db,
      await linkToken(db, "lina@linked.example", "sign-up/confirm"),
      "long-enough-pw",
    );
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: created.userId } })).emailVerifiedAt,
    ).not.toBeNull();

    const inviter = {
      userId: "seed_user_anna",
      companyId: "seed_company_acme",
      role: "BUYER_ADMIN" as const,
      name: "Anna",
      companyName: "Acme",
    };
    await inviteTeamMember(db, inviter, { email: "ivo@acme.example", role: "BUYER_PURCHASER" });
    const joined = await acceptInvitation(db, await linkToken(db, "ivo@acme.example", "invitations"), {
      name: "Ivo",
      password: "long-enough-pw",
    });
    expect(
      (await db.user.findUniqueOrThrow({ where: { id: joined.userId } })).emailVerifiedAt,
    ).not.toBeNull();
  });

  it("refuses an order from an unverified user, sends the link again, and orders once it is followed", async () => {
    const { userId, companyId } = await registerBuyer(db, {
      companyName: "Unproven GmbH",
      countryCode: "DE",
      name: "Uwe",
      email: "uwe@unproven.example",
      password: "long-enough-pw",
    });
    await db.company.update({
      where: { id: companyId },
      data: { invoicePaymentApproved: true, creditLimitCents: 10_000_000 },
    });
    const uwe = { userId, companyId, role: "BUYER_ADMIN" as const, email: "uwe@unproven.example" };
    const partId = await createAnalysedPart(db, { companyId });
    const quote = await saveQuote(db, uwe, partId, {
      process: "cnc_milling",
      materialCode: "AL-6061-T6",
      quantity: 10,
    });
    await addQuoteToCart(db, uwe, quote.id);
    const checkout = {
      companyName: "Unproven GmbH",
      vatNumber: "",
      billingAddress: goodsInAddress,
      shippingAddress: goodsInAddress,
      paymentMethod: "INVOICE",
      acceptTerms: true,
    };
    await expect(placeOrder(db, uwe, checkout)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/Confirm your e-mail address uwe@unproven.example.*Send the link again/),
    });
    expect(await db.order.count({ where: { buyerCompanyId: companyId } })).toBe(0);

    expect(await sendVerificationLink(db, userId)).toMatch(/We sent a link to uwe@unproven.example/);
    const token = await linkToken(db, "uwe@unproven.example", "verify-email");
    const row = await db.userEmailToken.findFirstOrThrow({
      where: { userId, purpose: "EMAIL_VERIFICATION" },
    });
    expect(row.tokenSha256).toBe(emailTokenSha256(token));
    await verifyEmail(db, token);
    await expect(verifyEmail(db, token)).rejects.toMatchObject({ code: "not_found" });
    expect(await sendVerificationLink(db, userId)).toMatch(/confirmed already/);

    const order = await placeOrder(db, uwe, checkout);
    expect(order.status).toBe("CONFIRMED");
  });

  it(`sends a user at most ${verificationLinksPerHour} verification links an hour`, async () => {
    const { userId } = await registerBuyer(db, {
      companyName: "Impatient GmbH",
      countryCode: "DE",
      name: "Ida",
      email: "ida@impatient.example",
      password: "long-enough-pw",
    });
    for (let index = 0; index < verificationLinksPerHour; index++) await sendVerificationLink(db, userId);
    await expect(sendVerificationLink(db, userId)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("counts a followed password reset link as proof of the address", async () => {
    const { userId } = await registerBuyer(db, {
      companyName: "Forgetful GmbH",
      countryCode: "DE",
      name: "Fritz",
      email: "fritz@forgetful.example",
      password: "long-enough-pw",
    });
    await requestPasswordReset(db, { input: { email: "fritz@forgetful.example" }, ipAddress: "192.0.2.40" });
    await resetPassword(db, await linkToken(db, "fritz@forgetful.example", "reset-password"), {
      password: "remembered-now",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).emailVerifiedAt).not.toBeNull();
  });
});
