import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { addQuoteToCart } from "../../lib/carts/add-quote-to-cart";
import { loadCart } from "../../lib/carts/load-cart";
import { decideOrderApproval } from "../../lib/workflows/decide-order-approval";
import { fileComplaint } from "../../lib/workflows/file-complaint";
import { loadBuyerOrder } from "../../lib/orders/load-buyer-order";
import { orderAgain } from "../../lib/orders/order-again";
import { placeOrder, type Orderer } from "../../lib/orders/place-order";
import { rateOrderLine } from "../../lib/orders/rate-order-line";
import { renderOrderPdf } from "../../lib/orders/render-order-pdf";
import { catalogueCodeIn } from "../../lib/catalogue/catalogue-code-in";
import { pdfText } from "../fixtures/pdf-text";
import { claimVisitorParts } from "../../lib/parts/claim-visitor-parts";
import { saveQuote } from "../../lib/quotes/save-quote";
import { createLocalFileStorage } from "../../lib/storage/local-file-storage";
import { acceptInvitation } from "../../lib/team/accept-invitation";
import { inviteTeamMember } from "../../lib/team/invite-team-member";
import { setApprovalLimit } from "../../lib/team/set-approval-limit";
import { seedDatabase } from "../../prisma/seed";
import { createAnalysedPart } from "../fixtures/create-analysed-part";
import { createTestPrisma } from "./setup/test-prisma";

const acme = "seed_company_acme";
const anna: Orderer = {
  userId: "seed_user_anna",
  companyId: acme,
  role: "BUYER_ADMIN",
  email: "anna.buyer@acme.example",
};
const ben: Orderer = {
  userId: "seed_user_ben",
  companyId: acme,
  role: "BUYER_ENGINEER",
  email: "ben.engineer@acme.example",
};
const address = {
  name: "Goods in",
  line: "Industriestraße 7",
  postalCode: "80331",
  city: "München",
  countryCode: "DE",
};
const checkout = (paymentMethod: "INVOICE" | "CARD" = "INVOICE", shipTo = address, vatNumber = "") => ({
  companyName: "Acme Robotics GmbH",
  vatNumber,
  billingAddress: address,
  shippingAddress: shipTo,
  paymentMethod,
  acceptTerms: true,
});
const milling = { process: "cnc_milling" as const, materialCode: "AL-6061-T6", quantity: 10 };

describe("from a quote to an order", () => {
  let db: Database;
  let partId: string;

  const analysedPart = (owner: { companyId?: string; visitorToken?: string }) =>
    createAnalysedPart(db, owner);
  async function cartWithOneQuote(orderer: Orderer, options = milling) {
    const quote = await saveQuote(db, orderer, partId, options);
    await addQuoteToCart(db, orderer, quote.id);
    return quote;
  }

  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });
  beforeEach(async () => {
    await db.cartItem.deleteMany();
    await db.company.update({
      where: { id: acme },
      data: { invoicePaymentApproved: true, creditLimitCents: 2_000_000, orderApprovalLimitCents: 500_000 },
    });
    partId = await analysedPart({ companyId: acme });
  });

  it("saves the server's price, freezes it into the order, issues the invoice and e-mails the buyer", async () => {
    const quote = await cartWithOneQuote(anna);
    expect(quote.unitPriceCents * quote.quantity).toBe(quote.totalPriceCents);
    const order = await placeOrder(db, anna, checkout());
    expect(order).toMatchObject({
      status: "CONFIRMED",
      subtotalCents: quote.totalPriceCents,
      paymentMethod: "INVOICE",
    });
    expect(order.number).toMatch(/^Q-\d{4}-\d{6}$/);
    expect(order.vatCents).toBe(Math.round(quote.totalPriceCents * 0.19));
    const loaded = await loadBuyerOrder(db, acme, order.id);
    expect(loaded.lines[0]).toMatchObject({
      unitPriceCents: quote.unitPriceCents,
      quantity: 10,
      status: "AWAITING_MATCH",
    });
    expect(loaded.invoices).toHaveLength(1);
    expect(loaded.invoices[0]!.number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe("ORDERED");
    expect((await loadCart(db, anna.userId)).items).toHaveLength(0);
    const mail = await db.outboxEmail.findFirst({
      where: { toAddress: anna.email },
      orderBy: { createdAt: "desc" },
    });
    expect(mail?.subject).toBe(`Order ${order.number}: received`);
    const pdf = await renderOrderPdf(loaded, "invoice");
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
    // Users see names, never codes: the line reads "CNC milling · … · As machined … · ISO 2768-m …".
    const text = pdfText(pdf);
    expect(text).toContain("CNC milling");
    expect(text).toContain("As machined");
    expect(text).toContain("ISO 2768-m (medium)");
    expect(catalogueCodeIn(text)).toBeUndefined();
  });

  it("numbers orders without gaps, and a refused checkout leaves the cart and numbers untouched", async () => {
    await cartWithOneQuote(anna);
    const first = await placeOrder(db, anna, checkout());
    await cartWithOneQuote(anna);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 1 } });
    await expect(placeOrder(db, anna, checkout())).rejects.toThrow(/exceed your credit limit/);
    expect((await loadCart(db, anna.userId)).items).toHaveLength(1);
    await db.company.update({ where: { id: acme }, data: { creditLimitCents: 2_000_000 } });
    const second = await placeOrder(db, anna, checkout());
    expect(Number(second.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);
  });

  it("refuses a delivery date that an order placed today can no longer meet, and the cart marks it", async () => {
    const quote = await cartWithOneQuote(anna);
    // Due Monday 15 March 2027: with 2 shipping days production must end Thursday the 11th, so the
    // last day to order is Wednesday the 10th (production starts the day after the order).
    await db.quote.update({
      where: { id: quote.id },
      data: { deliveryDate: new Date("2027-03-15T00:00:00Z"), validUntil: new Date("2027-04-30T23:59:59Z") },
    });
    const wednesday = new Date("2027-03-10T11:00:00Z");
    const thursday = new Date("2027-03-11T11:00:00Z");
    expect((await loadCart(db, anna.userId, wednesday)).items[0]).toMatchObject({ dateMissed: false });
    expect((await loadCart(db, anna.userId, thursday)).items[0]).toMatchObject({
      expired: false,
      dateMissed: true,
    });
    const ordersBefore = await db.order.count();
    await expect(placeOrder(db, anna, checkout(), thursday)).rejects.toThrow(
      /is due on 15 Mar 2027, which an order placed today can no longer meet.*choose a later date/,
    );
    expect(await db.order.count()).toBe(ordersBefore);
    expect((await db.quote.findUniqueOrThrow({ where: { id: quote.id } })).status).toBe("ACTIVE");
    expect((await loadCart(db, anna.userId, thursday)).items).toHaveLength(1);
    const order = await placeOrder(db, anna, checkout(), wednesday);
    const line = await db.orderLine.findFirstOrThrow({ where: { orderId: order.id } });
    expect(line.deliveryDate.toISOString().slice(0, 10)).toBe("2027-03-15");
  });

  it("refuses card payment without Stripe keys, invoices for unapproved companies, and engineers' orders", async () => {
    await cartWithOneQuote(anna);
    await expect(placeOrder(db, anna, checkout("CARD"))).rejects.toThrow(
      /Card payment is not offered at the moment/,
    );
    await db.company.update({ where: { id: acme }, data: { invoicePaymentApproved: false } });
    await expect(placeOrder(db, anna, checkout())).rejects.toThrow(
      /Invoice payment needs our approval first/,
    );
    await expect(placeOrder(db, ben, checkout())).rejects.toThrow(/purchaser or an admin/);
    await expect(
      placeOrder(db, anna, { ...checkout(), billingAddress: { ...address, postalCode: "" } }),
    ).rejects.toThrow(/postal code/);
    await expect(
      placeOrder(db, anna, { ...checkout(), shippingAddress: { ...address, postalCode: "8O331" } }),
    ).rejects.toThrow(/8O331\\" is not a postal code in Germany: enter 5 digits, e\.g\. 80331\./);
  });

  it("refuses a VAT ID with a wrong check digit, and charges German VAT while VIES cannot confirm one", async () => {
    // Reverse charge with a VIES confirmation: tests/integration/vat-ids.test.ts.
    await cartWithOneQuote(anna);
    const austria = { ...address, postalCode: "1010", countryCode: "AT" };
    await expect(placeOrder(db, anna, checkout("INVOICE", austria, "ATU12345678"))).rejects.toThrow(
      /not a valid Austrian VAT ID/,
    );
    // VIES_URL is a closed port here (tests/integration/setup/test-environment.ts).
    const order = await placeOrder(db, anna, checkout("INVOICE", austria, "ATU12345675"));
    expect(order.vatCents).toBe(Math.round(order.subtotalCents * 0.19));
    expect(order.vatTreatment).toBe("GERMAN_VAT");
  });

  it("holds a purchaser's order above the limit for an admin, who approves it once", async () => {
    const purchaser = await db.user.create({
      data: {
        companyId: acme,
        email: `paul.${Date.now()}@acme.example`,
        name: "Paul",
        passwordHash: "x",
        role: "BUYER_PURCHASER",
        emailVerifiedAt: new Date(),
      },
    });
    const paul: Orderer = {
      userId: purchaser.id,
      companyId: acme,
      role: "BUYER_PURCHASER",
      email: purchaser.email,
    };
    await setApprovalLimit(db, anna, "1");
    await cartWithOneQuote(paul);
    const order = await placeOrder(db, paul, checkout());
    expect(order.status).toBe("AWAITING_APPROVAL");
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(0);
    expect(
      await db.outboxEmail.count({
        where: { toAddress: anna.email, subject: { contains: "waits for your approval" } },
      }),
    ).toBeGreaterThan(0);
    await expect(decideOrderApproval(db, paul, order.id, "approve")).rejects.toThrow(/Only an admin/);
    await expect(decideOrderApproval(db, anna, order.id, "approve")).resolves.toBe("CONFIRMED");
    await expect(decideOrderApproval(db, anna, order.id, "approve")).rejects.toThrow(
      /does not wait for approval/,
    );
    expect(await db.invoice.count({ where: { orderId: order.id } })).toBe(1);
    await setApprovalLimit(db, anna, "");
  });

  it("takes a rating and a complaint only after delivery, and a complaint only within 14 days", async () => {
    await cartWithOneQuote(anna);
    const order = await placeOrder(db, anna, checkout());
    const line = (await loadBuyerOrder(db, acme, order.id)).lines[0]!;
    const storage = createLocalFileStorage(await fs.mkdtemp(path.join(os.tmpdir(), "complaints-")));
    const buyer = { companyId: acme, userId: anna.userId };
    await expect(rateOrderLine(db, buyer, line.id, { stars: 5, comment: "" })).rejects.toThrow(
      /once it has been delivered/,
    );

    const deliveredAt = new Date(Date.now() - 3 * 86_400_000);
    await db.orderLine.update({
      where: { id: line.id },
      data: { status: "DELIVERED", deliveredAt, supplierCompanyId: "seed_company_mueller" },
    });
    await expect(rateOrderLine(db, buyer, line.id, { stars: 6, comment: "" })).rejects.toThrow(
      /1 to 5 stars/,
    );
    await rateOrderLine(db, buyer, line.id, { stars: 4, comment: "Good" });
    await expect(rateOrderLine(db, buyer, line.id, { stars: 4, comment: "" })).rejects.toThrow(
      /already rated/,
    );

    const notAPhoto = new File(["text"], "notes.txt", { type: "text/plain" });
    await expect(
      fileComplaint({ db, storage }, buyer, line.id, {
        text: "The holes are 0.3 mm too small.",
        photos: [notAPhoto],
      }),
    ).rejects.toThrow(/not a photo/);
    const photo = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], "hole.jpg", { type: "image/jpeg" });
    const complaint = await fileComplaint({ db, storage }, buyer, line.id, {
      text: "The holes are 0.3 mm too small.",
      photos: [photo],
    });
    expect(complaint.photoStorageKeys).toHaveLength(1);
    const stored = await storage.get(complaint.photoStorageKeys[0]!);
    expect(Buffer.concat(await stored.toArray())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0]));

    await db.orderLine.update({
      where: { id: line.id },
      data: { deliveredAt: new Date(Date.now() - 15 * 86_400_000) },
    });
    await expect(
      fileComplaint({ db, storage }, buyer, line.id, { text: "Another problem here.", photos: [] }),
    ).rejects.toThrow(/within 14 days/);
  });

  it("orders again at today's price into the cart", async () => {
    await cartWithOneQuote(anna);
    const order = await placeOrder(db, anna, checkout());
    const again = await orderAgain(db, { companyId: acme, userId: anna.userId }, order.id);
    expect(again).toEqual({ added: ["bracket.step"], refused: [] });
    const cart = await loadCart(db, anna.userId);
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]!.quote).toMatchObject({ quantity: 10, process: "CNC_MILLING", status: "ACTIVE" });
  });

  it("hands a visitor's parts to the company that signs up, and only parts nobody owns", async () => {
    const visitorPart = await analysedPart({ visitorToken: "t".repeat(43) });
    expect(await claimVisitorParts(db, "t".repeat(43), { companyId: acme, userId: anna.userId })).toBe(1);
    expect(await db.part.findUniqueOrThrow({ where: { id: visitorPart } })).toMatchObject({
      companyId: acme,
      visitorToken: null,
    });
    expect(
      await claimVisitorParts(db, "t".repeat(43), { companyId: "seed_company_mueller", userId: anna.userId }),
    ).toBe(0);
  });
});

describe("team invitations", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
    await seedDatabase(db);
  });

  it("invites by e-mail with a one-time link that creates the colleague's account with the role", async () => {
    const inviter = {
      userId: "seed_user_anna",
      companyId: acme,
      role: "BUYER_ADMIN" as const,
      name: "Anna",
      companyName: "Acme",
    };
    await inviteTeamMember(db, inviter, { email: "Clara@Acme.example", role: "BUYER_PURCHASER" });
    await expect(
      inviteTeamMember(db, inviter, { email: "clara@acme.example", role: "BUYER_ENGINEER" }),
    ).rejects.toThrow(/already invited/);
    await expect(
      inviteTeamMember(
        db,
        { ...inviter, role: "BUYER_ENGINEER" },
        { email: "x@acme.example", role: "BUYER_ENGINEER" },
      ),
    ).rejects.toThrow(/Only an admin/);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: "clara@acme.example" } });
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    expect(await db.teamInvitation.count({ where: { tokenSha256: token } })).toBe(0); // only its hash is stored

    await expect(acceptInvitation(db, token, { name: "Clara", password: "short" })).rejects.toThrow(
      /at least 10/,
    );
    const joined = await acceptInvitation(db, token, { name: "Clara", password: "a-long-enough-password" });
    expect(await db.user.findUniqueOrThrow({ where: { id: joined.userId } })).toMatchObject({
      companyId: acme,
      role: "BUYER_PURCHASER",
      email: "clara@acme.example",
    });
    await expect(
      acceptInvitation(db, token, { name: "Eve", password: "a-long-enough-password" }),
    ).rejects.toThrow(/used, withdrawn or expired/);
  });
});
