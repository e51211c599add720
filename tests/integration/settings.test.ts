import { beforeAll, describe, expect, it } from "vitest";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import type { Database } from "../../lib/db/prisma";
import { offerDeadline } from "../../lib/matching/offer-deadline";
import { productionWindowOf } from "../../lib/matching/rank-candidates";
import { placeOrder } from "../../lib/orders/place-order";
import { loadInvoiceTerms, paymentTermsDaysFor } from "../../lib/pricing/invoice-terms";
import { loadPlatformHolidayCalendar } from "../../lib/pricing/load-platform-holiday-calendar";
import { loadPricingData } from "../../lib/pricing/load-pricing-data";
import { saveQuote } from "../../lib/quotes/save-quote";
import { addClosureDay } from "../../lib/settings/add-closure-day";
import { loadSettingsOverview } from "../../lib/settings/load-settings-overview";
import { removeClosureDay } from "../../lib/settings/remove-closure-day";
import { removeMargin } from "../../lib/settings/remove-margin";
import { setMargin } from "../../lib/settings/set-margin";
import { updateInvoiceTerms } from "../../lib/settings/update-invoice-terms";
import { updateMachineRate } from "../../lib/settings/update-machine-rate";
import { updateMatchingSettings } from "../../lib/settings/update-matching-settings";
import { updateMaterialPrice } from "../../lib/settings/update-material-price";
import { isoDateOf } from "../../lib/db/iso-date-of";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, goodsInAddress as address } from "../fixtures/acme-orders";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";

const olga = { userId: "seed_user_olga" };
// Monday 14 December 2026: standard delivery of the milled bracket falls after Christmas.
const today = "2026-12-14";
const milling = { process: "cnc_milling", materialCode: "AL-6061-T6", quantity: 10 } as const;

describe("versioned operations settings", () => {
  let db: Database;
  let partId: string;

  const newestPricingVersion = async () =>
    (await db.pricingSettings.findFirstOrThrow({ orderBy: { version: "desc" } })).version;
  const counts = async () => ({
    pricing: await db.pricingSettings.count(),
    matching: await db.matchingSettings.count(),
    audit: await db.auditLogEntry.count({ where: { action: { startsWith: "settings." } } }),
  });

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
    partId = await createAnalysedPart(db, { companyId: acme });
  });

  it("saves a price change as version N+1 with its author and summary, and leaves version N as it was", async () => {
    const before = await db.pricingSettings.findFirstOrThrow({ orderBy: { version: "desc" } });
    const material = await db.material.findUniqueOrThrow({ where: { code: "AL-6061-T6" } });

    const saved = await updateMaterialPrice(db, olga, {
      materialCode: "AL-6061-T6",
      priceEurosPerKg: "12,40",
      active: "on",
      reason: "mill surcharge for Q1",
    });

    expect(saved.version).toBe(before.version + 1);
    const row = await db.pricingSettings.findUniqueOrThrow({ where: { version: saved.version } });
    expect(row.changedById).toBe(olga.userId);
    expect(row.source).toBe(
      `Material ${material.name}: €${(material.priceCentsPerKg / 100).toFixed(2)}/kg → €12.40/kg: mill surcharge for Q1`,
    );
    const snapshot = (row.settings as { materialPrices: Record<string, unknown> }).materialPrices;
    expect(snapshot["AL-6061-T6"]).toEqual({ priceCentsPerKg: 1240, active: true });
    expect(await db.pricingSettings.findUniqueOrThrow({ where: { version: before.version } })).toEqual(
      before,
    );
    expect((await db.material.findUniqueOrThrow({ where: { code: "AL-6061-T6" } })).priceCentsPerKg).toBe(
      1240,
    );
    const audit = await db.auditLogEntry.findFirstOrThrow({
      where: { action: "settings.pricing", entityId: String(saved.version) },
    });
    expect(audit.actorUserId).toBe(olga.userId);
    expect(audit.data).toMatchObject({ reason: "mill surcharge for Q1", previousVersion: before.version });
  });

  it("keeps a quote on the version it was priced with, and prices the next one with the new rate", async () => {
    const earlier = await saveQuote(db, anna, partId, milling, today);
    const versionBefore = await newestPricingVersion();
    expect(earlier.settingsVersion).toBe(versionBefore);

    const saved = await updateMachineRate(db, olga, {
      process: "cnc_milling",
      hourlyRateEuros: "150",
      setupMinutes: "45",
      reason: "energy prices",
    });
    const later = await saveQuote(db, anna, partId, milling, today);

    expect(saved.version).toBe(versionBefore + 1);
    expect(later.settingsVersion).toBe(versionBefore + 1);
    expect(later.unitPriceCents).toBeGreaterThan(earlier.unitPriceCents);
    expect(await db.quote.findUniqueOrThrow({ where: { id: earlier.id } })).toEqual(earlier);
    const oldVersion = await db.pricingSettings.findUniqueOrThrow({ where: { version: versionBefore } });
    expect(
      (oldVersion.settings as { machineRates: Record<string, { hourlyRateCents: number }> }).machineRates
        .cnc_milling!.hourlyRateCents,
    ).not.toBe(15_000);
    expect((await loadPricingData(db)).data.processes.cnc_milling.hourlyRateCents).toBe(15_000);
  });

  it("asks to confirm a price moved ninefold, naming old and new value and the open quotes, then saves it logged", async () => {
    const material = await db.material.findUniqueOrThrow({ where: { code: "AL-6061-T6" } });
    const openQuote = await saveQuote(db, anna, partId, milling, today);
    const versionBefore = await newestPricingVersion();
    const oldPrice = material.priceCentsPerKg;
    const ninefold = ((oldPrice * 9) / 100).toFixed(2);
    const change = {
      materialCode: "AL-6061-T6",
      priceEurosPerKg: ninefold,
      active: "on",
      reason: "typo check",
    };

    const refusal = await updateMaterialPrice(db, olga, change).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: "validation_failed", details: { field: "confirmLargeChange" } });
    const warning = (refusal as Error).message;
    expect(warning).toContain(
      `Price of ${material.name} per kg from €${(oldPrice / 100).toFixed(2)} to €${ninefold} (9× higher).`,
    );
    const open = await db.quote.count({
      where: { materialId: material.id, status: "ACTIVE", validUntil: { gt: new Date() } },
    });
    expect(open).toBeGreaterThan(0);
    expect(warning).toContain(`${open} open quote`);
    expect(await newestPricingVersion()).toBe(versionBefore);

    // A confirmation of another value (the operator typed again after the warning) asks again.
    const otherValue = await updateMaterialPrice(db, olga, {
      ...change,
      priceEurosPerKg: ((oldPrice * 5) / 100).toFixed(2),
      confirmLargeChange: warning,
    }).catch((error: unknown) => error);
    expect(otherValue).toMatchObject({ details: { field: "confirmLargeChange" } });
    expect(await newestPricingVersion()).toBe(versionBefore);

    const saved = await updateMaterialPrice(db, olga, { ...change, confirmLargeChange: warning });
    expect(saved.version).toBe(versionBefore + 1);
    const audit = await db.auditLogEntry.findFirstOrThrow({
      where: { action: "settings.pricing", entityId: String(saved.version) },
    });
    expect(audit.data).toMatchObject({
      confirmedLargeMoves: expect.stringContaining(`€${ninefold} (9× higher)`),
    });
    expect(await db.quote.findUniqueOrThrow({ where: { id: openQuote.id } })).toEqual(openQuote);

    // Back within the factor needs no confirmation; a third of it does again.
    await expect(
      updateMaterialPrice(db, olga, { ...change, priceEurosPerKg: ((oldPrice * 3) / 100).toFixed(2) }),
    ).resolves.toMatchObject({ version: versionBefore + 2 });
    await expect(
      updateMachineRate(db, olga, {
        process: "cnc_milling",
        hourlyRateEuros: "10",
        setupMinutes: "45",
        reason: "typo check",
      }),
    ).rejects.toThrow(/Machine-hour rate of CNC milling from €150\.00 to €10\.00 \(15× lower\)/);
    // ÷3 exactly is within the factor.
    await updateMaterialPrice(db, olga, { ...change, priceEurosPerKg: (oldPrice / 100).toFixed(2) });
  });

  it("prices with the version's snapshot even when the tables were reset behind its back", async () => {
    await db.machineRate.update({ where: { process: "CNC_MILLING" }, data: { hourlyRateCents: 1 } });
    expect((await loadPricingData(db)).data.processes.cnc_milling.hourlyRateCents).toBe(15_000);
    await db.machineRate.update({ where: { process: "CNC_MILLING" }, data: { hourlyRateCents: 15_000 } });
  });

  it("changes a margin with a readable summary and stops quoting an inactive material", async () => {
    const saved = await setMargin(db, olga, {
      process: "cnc_milling",
      minQuantity: "1",
      marginPercent: "30",
      reason: "competitor prices",
    });
    expect(saved.summary).toBe("Margin CNC milling from 1 pc added at 30 %");
    const changed = await setMargin(db, olga, {
      process: "cnc_milling",
      minQuantity: "1",
      marginPercent: "28.5",
      reason: "competitor prices",
    });
    expect(changed.summary).toBe("Margin CNC milling from 1 pc 30 % → 28.5 %");
    const removed = await removeMargin(db, olga, {
      process: "cnc_milling",
      minQuantity: "1",
      reason: "back to normal",
    });
    expect(removed.version).toBe(changed.version + 1);

    await updateMaterialPrice(db, olga, {
      materialCode: "AL-7075-T6",
      priceEurosPerKg: "14",
      reason: "no stock at our partners",
    });
    const { data } = await loadPricingData(db);
    expect(data.materials.map((material) => material.code)).not.toContain("AL-7075-T6");
    expect((await db.material.findUniqueOrThrow({ where: { code: "AL-7075-T6" } })).active).toBe(false);
  });

  it.each([
    [
      "a negative price",
      () =>
        updateMaterialPrice(db, olga, {
          materialCode: "AL-6061-T6",
          priceEurosPerKg: "-3",
          active: "on",
          reason: "typo",
        }),
      /above zero/,
    ],
    [
      "a margin above 200 %",
      () => setMargin(db, olga, { process: "", minQuantity: "1", marginPercent: "250", reason: "greed" }),
      /margin in percent from 0 to 200/,
    ],
    [
      "an empty reason",
      () => updateInvoiceTerms(db, olga, { paymentTermsDays: "14", reason: "  " }),
      /Give a reason/,
    ],
    [
      "a weight above 10",
      () =>
        updateMatchingSettings(db, olga, {
          weights: {
            onTimeDelivery: 11,
            rating: 2,
            rejectionRate: 2,
            complaintRate: 1.5,
            utilisation: 1,
            distance: 1,
            cost: 2,
          },
          offerDeadlineWorkingHours: 24,
          qualityThresholds: {
            minOnTimeRate: 0.85,
            minMeanStars: 3.5,
            maxRejectionRate: 0.5,
            maxComplaintRate: 0.1,
            maxMeanResponseHours: 24,
            minShippedLines: 3,
            minOffers: 3,
          },
          flaggedScoreFactor: 0.6,
          reason: "try",
        }),
      /weight of on-time delivery from 0 to 10/,
    ],
    [
      "removing the fallback margin",
      () => removeMargin(db, olga, { process: "", minQuantity: "1", reason: "simplify" }),
      /fallback/,
    ],
    [
      "a change that changes nothing",
      () => updateInvoiceTerms(db, olga, { paymentTermsDays: "30", reason: "just saving" }),
      /Nothing changed/,
    ],
  ])("refuses %s and writes nothing", async (_case, save, message) => {
    const before = await counts();
    await expect(save()).rejects.toThrow(message);
    expect(await counts()).toEqual(before);
  });

  it("moves a quote's delivery date, the offer deadline and the production window for a closure day", async () => {
    const before = await saveQuote(db, anna, partId, milling, today);
    const deliveryBefore = isoDateOf(before.deliveryDate);
    const window = (holidays?: Awaited<ReturnType<typeof loadPlatformHolidayCalendar>>) =>
      productionWindowOf("2026-12-28", { shippingWorkingDays: 2, holidays }, today);
    expect(window(await loadPlatformHolidayCalendar(db)).lastDay).toBe("2026-12-23");

    await addClosureDay(db, olga, {
      date: "2026-12-15",
      name: "Works meeting",
      reason: "whole team offsite",
    });
    await addClosureDay(db, olga, {
      date: "2026-12-24",
      name: "Christmas Eve",
      reason: "closed over Christmas",
    });
    await expect(
      addClosureDay(db, olga, { date: "2026-12-24", name: "Again", reason: "double" }),
    ).rejects.toThrow(/closed already/);
    const after = await saveQuote(db, anna, partId, milling, today);
    const calendar = await loadPlatformHolidayCalendar(db);

    expect(isoDateOf(after.deliveryDate) > deliveryBefore).toBe(true);
    expect(after.settingsVersion).toBe(before.settingsVersion + 2);
    // Monday the 28th less two shipping days: the 24th is closed now, so production ends on the 22nd.
    expect(window(calendar).lastDay).toBe("2026-12-22");
    // Wednesday 23 December 10:00 CET + 24 working hours: the 24th to the 27th do not count.
    expect(offerDeadline(new Date("2026-12-23T09:00:00Z"), 24, calendar).toISOString()).toBe(
      "2026-12-28T09:00:00.000Z",
    );

    await removeClosureDay(db, olga, { date: "2026-12-15", reason: "meeting moved" });
    await removeClosureDay(db, olga, { date: "2026-12-24", reason: "open after all" });
    const reopened = await saveQuote(db, anna, partId, milling, today);
    expect(isoDateOf(reopened.deliveryDate)).toBe(deliveryBefore);
  });

  it("gives an invoice of a company without its own terms the platform's new payment terms", async () => {
    expect(await loadInvoiceTerms(db)).toEqual({ paymentTermsDays: 30 });
    await updateInvoiceTerms(db, olga, { paymentTermsDays: "45", reason: "longer terms for 2027" });
    expect(await paymentTermsDaysFor(db, { paymentTermsDays: null })).toBe(45);
    expect(await paymentTermsDaysFor(db, { paymentTermsDays: 14 })).toBe(14);

    const quote = await saveQuote(db, anna, partId, milling, today);
    await addQuoteToCart(db, anna, quote.id);
    const now = new Date("2026-12-14T10:00:00Z");
    const order = await placeOrder(
      db,
      anna,
      {
        companyName: "Acme Robotics GmbH",
        vatNumber: "",
        billingAddress: address,
        shippingAddress: address,
        paymentMethod: "INVOICE",
        acceptTerms: true,
      },
      now,
    );
    const invoice = await db.invoice.findFirstOrThrow({
      where: { orderId: order.id, kind: "BUYER_INVOICE" },
    });
    expect(isoDateOf(invoice.dueAt)).toBe("2027-01-28");
  });

  it("changes the matcher's settings as a new matching version with a summary of what changed", async () => {
    const { matching } = await loadSettingsOverview(db);
    const saved = await updateMatchingSettings(db, olga, {
      weights: { ...matching.settings.weights, cost: "3" },
      offerDeadlineWorkingHours: "16",
      qualityThresholds: matching.settings.qualityThresholds,
      flaggedScoreFactor: matching.settings.flaggedScoreFactor,
      reason: "answers come faster now",
    });
    expect(saved.version).toBe(matching.version + 1);
    expect(saved.summary).toBe("Matching: weight cost 2 → 3, offer deadline (working hours) 24 → 16");
    const row = await db.matchingSettings.findUniqueOrThrow({ where: { version: saved.version } });
    expect(row).toMatchObject({
      changedById: olga.userId,
      source: `${saved.summary}: answers come faster now`,
    });
    expect(
      await db.matchingSettings.findUniqueOrThrow({ where: { version: matching.version } }),
    ).toMatchObject({
      settings: matching.settings,
    });
  });

  it("gives concurrent saves distinct, consecutive versions", async () => {
    const first = await newestPricingVersion();
    const saves = await Promise.all(
      [10, 25, 50, 250, 500].map((minQuantity) =>
        setMargin(db, olga, { process: "fdm", minQuantity, marginPercent: 20, reason: "volume pricing" }),
      ),
    );
    const versions = saves.map((save) => save.version).sort((a, b) => a - b);
    expect(versions).toEqual([first + 1, first + 2, first + 3, first + 4, first + 5]);
    const { margins } = (await loadPricingData(db)).data;
    expect(margins.filter((rule) => rule.process === "fdm")).toHaveLength(5);

    const matchingFirst = (await loadSettingsOverview(db)).matching;
    const matchingSaves = await Promise.all(
      [20, 21, 22].map((hours) =>
        updateMatchingSettings(db, olga, {
          ...matchingFirst.settings,
          offerDeadlineWorkingHours: hours,
          reason: "tuning",
        }),
      ),
    );
    expect(matchingSaves.map((save) => save.version).sort((a, b) => a - b)).toEqual([
      matchingFirst.version + 1,
      matchingFirst.version + 2,
      matchingFirst.version + 3,
    ]);
  });

  it("lists the versions with who saved them and what changed", async () => {
    const { pricing, matching } = await loadSettingsOverview(db);
    expect(pricing.history[0]).toMatchObject({ version: pricing.version, changedBy: "Olga Brandt" });
    expect(pricing.history.at(-1)).toMatchObject({ changedBy: null });
    expect(matching.history[0]!.summary).toMatch(/offer deadline/);
  });
});
