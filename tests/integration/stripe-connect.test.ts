import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { handleStripeWebhook } from "../../lib/payments/handle-stripe-webhook";
import { payPayout } from "../../lib/payouts/pay-payout";
import { payoutHeldReasons } from "../../lib/payouts/payout-method-for";
import { recheckPendingStripeAccounts } from "../../lib/payouts/recheck-pending-stripe-accounts";
import { startStripeOnboarding } from "../../lib/payouts/start-stripe-onboarding";
import { syncStripeAccount } from "../../lib/payouts/sync-stripe-account";
import { confirmDelivery } from "../../lib/workflows/confirm-delivery";
import { seedDatabase } from "../../prisma/seed";
import { jobHandlers } from "../../scripts/worker/job-handlers";
import { signWebhookPayload } from "../fakes/stripe/sign-webhook-payload";
import {
  acme,
  anna,
  connectWebhookSecret,
  mueller,
  placeMillingOrder,
  shipThroughMueller,
  startStripeForTests,
  webhookSecret,
} from "../fixtures/money-fixtures";
import { createTestDatabase } from "./setup/test-database";

const buyer = { userId: anna.userId, companyId: acme };
const rossi = { userId: "seed_user_rossi", companyId: "seed_company_rossi", role: "SUPPLIER_ADMIN" as const };
const muellerAdmin = { ...mueller, role: "SUPPLIER_ADMIN" as const, email: "partner@mueller-cnc.example" };

/** What the worker runs for the re-check; looked up by name so a missing job fails here, not at import. */
async function runRecheckJob(db: Database) {
  const handler = (
    jobHandlers as Record<string, ((db: Database, payload: object) => Promise<void>) | undefined>
  )["payouts.recheck-stripe-accounts"];
  if (!handler) throw new Error("there is no payouts.recheck-stripe-accounts job");
  await handler(db, {});
}

describe("Stripe Connect: partners' accounts, their own endpoint and the re-check", () => {
  let db: Database;
  let stripe: Awaited<ReturnType<typeof startStripeForTests>>;

  const accountIdOf = async (companyId: string) =>
    (await db.company.findUniqueOrThrow({ where: { id: companyId } })).stripeConnectAccountId!;
  const payJobsFor = (payoutId: string) =>
    db.$queryRaw<{ id: string }[]>`
      SELECT id FROM pgboss.job WHERE name = 'payouts.pay' AND data->>'payoutId' = ${payoutId}`;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    stripe = await startStripeForTests(db);
  });
  afterAll(async () => {
    await stripe.stop();
    await db.$disconnect();
  });
  beforeEach(async () => {
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 100_000_000 } });
    await db.weeklyCapacity.updateMany({
      where: { companyId: mueller.companyId, process: "CNC_MILLING" },
      data: { machineHoursPerWeek: 500 },
    });
    await stripe.fake.deliverAll();
  });

  it("keeps the payout held when the partner leaves Stripe's page unfinished, and shows what Stripe still needs", async () => {
    const { order, line } = await placeMillingOrder(db, "INVOICE");
    await shipThroughMueller(db, order.id, line.id);
    await confirmDelivery(db, buyer, line.id);
    const payout = await db.payout.findUniqueOrThrow({ where: { orderLineId: line.id } });
    expect(payout).toMatchObject({ status: "HELD", heldReason: payoutHeldReasons.missingDetails });

    const { url } = await startStripeOnboarding(db, muellerAdmin);
    const accountId = await accountIdOf(mueller.companyId);
    // The partner opens Stripe's page and leaves it with "Save and finish later": back on our page.
    expect((await fetch(url)).status).toBe(200);
    const left = await fetch(url.split("?")[0]!, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ link: new URL(url).searchParams.get("link")!, leave: "1" }),
    });
    expect(left.headers.get("location")).toMatch(/\/supplier\/payouts\?stripe=return$/);
    await syncStripeAccount(db, accountId);

    const company = await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } });
    expect(company.stripePayoutsEnabled).toBe(false);
    expect(company.stripeRequirementsDue).toEqual(
      expect.arrayContaining(["external_account", "company.tax_id", "tos_acceptance.date"]),
    );
    expect(company.stripeAccountCheckedAt).not.toBeNull();
    expect(stripe.fake.pendingEvents()).toEqual([]);
    expect((await db.payout.findUniqueOrThrow({ where: { id: payout.id } })).status).toBe("HELD");
  });

  it("finds an onboarding Stripe completed without an event in the periodic re-check, and releases the held payout", async () => {
    const accountId = await accountIdOf(mueller.companyId);
    const held = await db.payout.findFirstOrThrow({
      where: { supplierCompanyId: mueller.companyId, status: "HELD" },
    });
    stripe.fake.completeOnboarding(accountId, { eventLost: true });
    expect(stripe.fake.pendingEvents()).toEqual([]);
    expect(stripe.fake.events.at(-1)).toMatchObject({ type: "account.updated", account: accountId });

    await runRecheckJob(db);
    const released = await db.payout.findUniqueOrThrow({ where: { id: held.id } });
    expect(released).toMatchObject({ status: "PENDING", method: "STRIPE_TRANSFER", heldReason: null });
    expect(await payJobsFor(held.id)).toHaveLength(1);
    const company = await db.company.findUniqueOrThrow({ where: { id: mueller.companyId } });
    expect(company).toMatchObject({ stripePayoutsEnabled: true, stripeRequirementsDue: [] });
    expect(await payPayout(db, held.id)).toBe("paid");

    // A second run has nothing left to do: the account is no longer pending and is not asked again.
    const reads = () =>
      stripe.fake.requests.filter((request) => request.path === `/v1/accounts/${accountId}`).length;
    const before = reads();
    await runRecheckJob(db);
    expect(reads()).toBe(before);
    expect(await payJobsFor(held.id)).toHaveLength(1);
  });

  it("receives a partner's account.updated on the Connect endpoint, signed with the Connect secret, naming the account", async () => {
    await startStripeOnboarding(db, { ...rossi, email: "partner@rossi-fresatura.example" });
    const accountId = await accountIdOf(rossi.companyId);
    stripe.fake.completeOnboarding(accountId);
    const pending = stripe.fake.pendingEvents();
    expect(pending.map((candidate) => candidate.type)).toEqual(["account.updated"]);
    const event = pending[0];
    expect(event).toMatchObject({ type: "account.updated", account: accountId });

    // Signed with the platform endpoint's secret, the Connect endpoint refuses it and nothing changes.
    expect(await stripe.fake.deliver(event!.id, { secret: webhookSecret })).toBe(400);
    expect(
      (await db.company.findUniqueOrThrow({ where: { id: rossi.companyId } })).stripePayoutsEnabled,
    ).toBe(false);

    expect(await stripe.fake.deliverAll()).toEqual([{ eventId: event!.id, status: 200 }]);
    expect(stripe.fake.connectDeliveries.at(-1)).toMatchObject({
      eventId: event!.id,
      status: 200,
      url: expect.stringMatching(/\/api\/webhooks\/stripe-connect$/),
    });
    expect(stripe.fake.deliveries.map((delivery) => delivery.eventId)).not.toContain(event!.id);
    expect(stripe.results.at(-1)).toMatchObject({ eventId: event!.id, outcome: "processed" });
    expect(await db.company.findUniqueOrThrow({ where: { id: rossi.companyId } })).toMatchObject({
      stripePayoutsEnabled: true,
      stripeRequirementsDue: [],
    });

    // Stored once, whichever endpoint it comes through again.
    expect(await stripe.fake.deliver(event!.id)).toBe(200);
    expect(stripe.results.at(-1)).toMatchObject({ eventId: event!.id, outcome: "duplicate" });
    const body = JSON.stringify(event);
    const viaPlatform = await handleStripeWebhook(db, body, signWebhookPayload(body, webhookSecret));
    expect(viaPlatform.outcome).toBe("duplicate");
    expect(await db.stripeEvent.count({ where: { id: event!.id } })).toBe(1);
  });

  it("refuses on the platform endpoint an event signed with the Connect secret", async () => {
    const body = JSON.stringify({
      id: "evt_1_signed_with_the_wrong_secret",
      object: "event",
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "cs_test_unknown", object: "checkout.session", payment_status: "paid" } },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: "checkout.session.completed",
    });
    await expect(
      handleStripeWebhook(db, body, signWebhookPayload(body, connectWebhookSecret)),
    ).rejects.toThrow(/signature does not match/);
    expect(await db.stripeEvent.count({ where: { id: "evt_1_signed_with_the_wrong_secret" } })).toBe(0);
  });

  it("acknowledges on the Connect endpoint an account.updated for an account of no partner, without asking Stripe", async () => {
    const body = JSON.stringify({
      id: "evt_1_someone_elses_account",
      object: "event",
      account: "acct_1NotOurPartner",
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "acct_1NotOurPartner", object: "account", payouts_enabled: true } },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: "account.updated",
    });
    const response = await fetch(stripe.webhookUrls.connect, {
      method: "POST",
      body,
      headers: { "stripe-signature": signWebhookPayload(body, connectWebhookSecret) },
    });
    expect(response.status).toBe(200);
    expect(stripe.results.at(-1)).toMatchObject({
      eventId: "evt_1_someone_elses_account",
      outcome: "ignored",
    });
    expect(stripe.fake.requests.some((request) => request.path.includes("acct_1NotOurPartner"))).toBe(false);
  });

  it("creates partners' accounts in their company's country, for transfers only, under the full service agreement", async () => {
    const nowak = {
      userId: "seed_user_nowak",
      companyId: "seed_company_nowak",
      role: "SUPPLIER_ADMIN" as const,
    };
    await startStripeOnboarding(db, { ...nowak, email: "partner@nowak-cnc.example" });
    const accounts = [mueller.companyId, rossi.companyId, nowak.companyId].map(async (companyId) =>
      stripe.fake.state.accounts.get(await accountIdOf(companyId))!,
    );
    const [de, it, pl] = await Promise.all(accounts);
    for (const [account, country] of [
      [de, "DE"],
      [it, "IT"],
      [pl, "PL"],
    ] as const) {
      expect(account).toMatchObject({ country, type: "express" });
      expect(Object.keys(account!.capabilities)).toEqual(["transfers"]);
      expect(account!.tos_acceptance.service_agreement).toBe("full");
    }
  });

  it("refuses Stripe payouts to a partner outside the EEA and points it to bank transfer", async () => {
    await db.company.update({ where: { id: "seed_company_sinterwerk" }, data: { countryCode: "CH" } });
    const before = stripe.fake.state.accounts.size;
    await expect(
      startStripeOnboarding(db, {
        userId: "seed_user_sinterwerk",
        companyId: "seed_company_sinterwerk",
        role: "SUPPLIER_ADMIN",
        email: "partner@sinterwerk-nord.example",
      }),
    ).rejects.toThrow(/bank details/);
    expect(stripe.fake.state.accounts.size).toBe(before);
  });

  it("re-checks the other pending accounts when Stripe cannot answer for one, and that one on the next run", async () => {
    const metalprint = { userId: "seed_user_metalprint", companyId: "seed_company_metalprint" };
    await startStripeOnboarding(db, {
      ...metalprint,
      role: "SUPPLIER_ADMIN",
      email: "partner@metalprint-eindhoven.example",
    });
    const nowakAccount = await accountIdOf("seed_company_nowak");
    stripe.fake.failNext({ method: "GET", path: `/v1/accounts/${nowakAccount}`, mode: "before", times: 2 });

    expect(await recheckPendingStripeAccounts(db)).toEqual({ checked: 1, enabled: 0, failed: 1 });
    const checkedAt = async (companyId: string) =>
      (await db.company.findUniqueOrThrow({ where: { id: companyId } })).stripeAccountCheckedAt;
    expect(await checkedAt(metalprint.companyId)).not.toBeNull();
    expect(await checkedAt("seed_company_nowak")).toBeNull();

    stripe.fake.completeOnboarding(nowakAccount, { eventLost: true });
    expect(await recheckPendingStripeAccounts(db)).toEqual({ checked: 2, enabled: 1, failed: 0 });
    expect(await db.company.findUniqueOrThrow({ where: { id: "seed_company_nowak" } })).toMatchObject({
      stripePayoutsEnabled: true,
      stripeRequirementsDue: [],
    });
  });
});
