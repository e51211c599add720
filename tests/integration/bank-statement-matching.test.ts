// Issue 18: prepayment by bank transfer. Orders placed as AWAITING_PAYMENT with a payment reference,
// bank statements (CAMT.053 and CSV) matched by reference and amount: exact, partial, over, unknown,
// the same statement twice; the reminder and cancellation job; the ledger check.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignBankEntry } from "../../lib/bank-transfers/assign-bank-entry";
import { chaseUnpaidPrepayments } from "../../lib/bank-transfers/chase-unpaid-prepayments";
import { importBankStatement, type StatementFile } from "../../lib/bank-transfers/import-bank-statement";
import { formatPaymentReference, isValidCreditorReference } from "../../lib/bank-transfers/payment-reference";
import { settleBankCredit } from "../../lib/bank-transfers/settle-bank-credit";
import { createPrismaClient, type Database } from "../../lib/db/prisma";
import { formatEuros } from "../../lib/money/format-euros";
import { checkLedger } from "../../lib/ledger/check-ledger";
import { loadBuyerOrder } from "../../lib/orders/load-buyer-order";
import { renderOrderPdf } from "../../lib/orders/render-order-pdf";
import { cancelOrder } from "../../lib/workflows/cancel-order";
import { seedDatabase } from "../../prisma/seed";
import { acme, anna, placeAcmeOrder } from "../fixtures/acme-orders";
import { camt053Statement } from "../fixtures/camt053-statement";
import { ledgerSums } from "../fixtures/money-fixtures";
import { pdfText } from "../fixtures/pdf-text";
import { createTestDatabase } from "./setup/test-database";
import { formatDayOfMoment } from "../../lib/dates/format-day";

const olga = { userId: "seed_user_olga" };

const file = (name: string, text: string): StatementFile => ({
  name,
  size: Buffer.byteLength(text),
  chunks: [text.slice(0, 500), text.slice(500)],
});

describe("prepayment by bank transfer", () => {
  let db: Database;
  let bankReference = 0;
  const nextBankReference = () => `BANK-REF-${++bankReference}`;

  beforeAll(async () => {
    db = createPrismaClient(await createTestDatabase());
    await seedDatabase(db);
    await db.company.update({ where: { id: acme }, data: { invoicePaymentApproved: false } });
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  const placeBankTransferOrder = async () =>
    (await placeAcmeOrder(db, { paymentMethod: "BANK_TRANSFER" })).order;
  const orderNow = (id: string) =>
    db.order.findUniqueOrThrow({ where: { id }, include: { payments: true, invoices: true, lines: true } });
  const lastEmailTo = async (to: string) =>
    db.outboxEmail.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
  const matchingJobs = async (orderId: string) =>
    (
      await db.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM pgboss.job
        WHERE name = 'matching.match-waiting-lines' AND data->>'orderId' = ${orderId}`
    )[0]!.count;

  it("places a first order of a company without invoice terms as awaiting payment, with a reference and how to pay", async () => {
    const order = await placeBankTransferOrder();
    expect(order.status).toBe("AWAITING_PAYMENT");
    const stored = await orderNow(order.id);
    expect(isValidCreditorReference(stored.paymentReference!)).toBe(true);
    expect(stored.invoices).toEqual([]);
    expect(await matchingJobs(order.id)).toBe(0);
    const email = await lastEmailTo(anna.email);
    expect(email.subject).toBe(`Order ${order.number}: received`);
    expect(email.text).toContain("IBAN: DE89 3704 0044 0532 0130 00");
    expect(email.text).toContain("BIC: COBADEFFXXX");
    expect(email.text).toContain(`Reference: ${formatPaymentReference(stored.paymentReference!)}`);
    expect(email.text).toContain(`/api/v1/orders/${order.id}/documents/pro-forma.pdf`);

    const proForma = pdfText(await renderOrderPdf(await loadBuyerOrder(db, acme, order.id), "pro-forma"));
    expect(proForma).toContain(`Pro-forma invoice ${order.number}`);
    expect(proForma).toContain("not a tax invoice");
    expect(proForma).toContain("DE89 3704 0044 0532 0130 00");
    expect(proForma).toContain(formatPaymentReference(stored.paymentReference!));
    expect(proForma).toContain("Demo Bank");
  });

  it("an exact payment in a CAMT.053 statement confirms the order, issues the paid invoice, posts the ledger and requests matching", async () => {
    const order = await placeBankTransferOrder();
    const { paymentReference } = await orderNow(order.id);
    const result = await importBankStatement(
      db,
      olga,
      file(
        "statement.xml",
        camt053Statement([
          {
            amountCents: order.totalCents,
            // As a buyer types it into a banking app: lower case, other words around it.
            remittance: `Bestellung ${formatPaymentReference(paymentReference!).toLowerCase()} vielen Dank`,
            bankReference: nextBankReference(),
          },
          {
            amountCents: 2_500,
            direction: "DBIT",
            remittance: "Kontoführung",
            bankReference: nextBankReference(),
          },
        ]),
      ),
    );
    expect(result).toMatchObject({ format: "CAMT053", credits: 1, debitsIgnored: 1, paid: 1, unmatched: 0 });
    const paid = await orderNow(order.id);
    expect(paid.status).toBe("CONFIRMED");
    expect(paid.confirmedAt).not.toBeNull();
    expect(paid.payments).toEqual([
      expect.objectContaining({
        method: "BANK_TRANSFER",
        status: "SUCCEEDED",
        amountCents: order.totalCents,
      }),
    ]);
    expect(paid.invoices).toEqual([
      expect.objectContaining({ kind: "BUYER_INVOICE", status: "PAID", totalCents: order.totalCents }),
    ]);
    expect(await ledgerSums(db, order.id)).toEqual({
      BUYER: order.totalCents,
      VAT: order.vatCents,
      MARGIN: order.subtotalCents,
    });
    expect(await matchingJobs(order.id)).toBe(1);
    expect((await lastEmailTo(anna.email)).subject).toBe(`Order ${order.number}: payment received`);
    const history = await db.orderStatusChange.findMany({
      where: { orderId: order.id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.at(-1)).toMatchObject({
      fromStatus: "AWAITING_PAYMENT",
      toStatus: "CONFIRMED",
      note: "Bank transfer received",
    });
    expect(
      await db.auditLogEntry.count({
        where: { action: "bank-statement.imported", entityId: result.statementId! },
      }),
    ).toBe(1);
    // The invoice carries the bank details, and says nothing is left to pay.
    const invoice = pdfText(await renderOrderPdf(await loadBuyerOrder(db, acme, order.id), "invoice"));
    expect(invoice).toContain("Paid in full");
  });

  it("uploading the same statement again, or one overlapping it, changes nothing it already booked", async () => {
    const order = await placeBankTransferOrder();
    const { paymentReference } = await orderNow(order.id);
    const first = {
      amountCents: order.totalCents,
      remittance: paymentReference!,
      bankReference: nextBankReference(),
    };
    const statement = camt053Statement([first]);
    expect((await importBankStatement(db, olga, file("day1.xml", statement))).paid).toBe(1);
    const counts = async () => ({
      entries: await db.bankStatementEntry.count(),
      statements: await db.bankStatement.count(),
      payments: await db.payment.count({ where: { orderId: order.id } }),
      invoices: await db.invoice.count({ where: { orderId: order.id } }),
      ledger: await db.ledgerEntry.count({ where: { orderId: order.id } }),
      emails: await db.outboxEmail.count(),
    });
    const before = await counts();
    const again = await importBankStatement(db, olga, file("day1-again.xml", statement));
    expect(again).toMatchObject({ statementId: null, credits: 1, alreadyImported: 1, paid: 0 });
    expect(await counts()).toEqual(before);

    // Days 1 and 2 together: only day 2's new entry is booked (an unknown one here).
    const overlapping = await importBankStatement(
      db,
      olga,
      file(
        "days1-2.xml",
        camt053Statement([
          first,
          { amountCents: 777, remittance: "Spende", bankReference: nextBankReference() },
        ]),
      ),
    );
    expect(overlapping).toMatchObject({ credits: 2, alreadyImported: 1, unmatched: 1, paid: 0 });
    expect((await counts()).payments).toBe(before.payments);
  });

  it("a partial payment in a CSV (German decimal comma) leaves the order waiting and tells the buyer the rest; the rest confirms it", async () => {
    const order = await placeBankTransferOrder();
    const { paymentReference } = await orderNow(order.id);
    const firstCents = 10_000;
    const csv = (cents: number, ref: string) =>
      `Buchungstag;Betrag;Verwendungszweck;Name;Bankreferenz\n07.12.2026;${(cents / 100).toFixed(2).replace(".", ",")};"${formatPaymentReference(paymentReference!)}";Acme Robotics GmbH;${ref}\n`;
    const partial = await importBankStatement(
      db,
      olga,
      file("part.csv", csv(firstCents, nextBankReference())),
    );
    expect(partial).toMatchObject({ format: "CSV", partial: 1 });
    const waiting = await orderNow(order.id);
    expect(waiting.status).toBe("AWAITING_PAYMENT");
    expect(waiting.payments.map((payment) => payment.amountCents)).toEqual([firstCents]);
    const missing = order.totalCents - firstCents;
    const email = await lastEmailTo(anna.email);
    expect(email.subject).toBe(`Order ${order.number}: ${formatEuros(missing)} still missing`);
    expect(email.text).toContain(formatPaymentReference(paymentReference!));
    // The pro-forma now asks for what is missing only.
    const proForma = pdfText(await renderOrderPdf(await loadBuyerOrder(db, acme, order.id), "pro-forma"));
    // (The PDF's WinAnsi € does not survive pdfText's decoding: the digits do.)
    expect(proForma).toContain((missing / 100).toFixed(2));

    const rest = await importBankStatement(db, olga, file("rest.csv", csv(missing, nextBankReference())));
    expect(rest).toMatchObject({ paid: 1 });
    const paid = await orderNow(order.id);
    expect(paid.status).toBe("CONFIRMED");
    expect(paid.invoices[0]).toMatchObject({ status: "PAID", totalCents: order.totalCents });
  });

  it("an over-payment confirms the order and keeps the surplus as a credit that operations refund", async () => {
    const order = await placeBankTransferOrder();
    const { paymentReference } = await orderNow(order.id);
    const result = await importBankStatement(
      db,
      olga,
      file(
        "over.xml",
        camt053Statement([
          {
            amountCents: order.totalCents + 5_000,
            remittance: paymentReference!,
            bankReference: nextBankReference(),
          },
        ]),
      ),
    );
    expect(result.overpaid).toBe(1);
    expect((await orderNow(order.id)).status).toBe("CONFIRMED");
    const entry = await db.bankStatementEntry.findFirstOrThrow({ where: { orderId: order.id } });
    expect(entry).toMatchObject({
      outcome: "OVERPAID",
      appliedCents: order.totalCents,
      surplusCents: 5_000,
      creditStatus: "OPEN",
    });
    expect((await orderNow(order.id)).payments[0]!.amountCents).toBe(order.totalCents);
    await settleBankCredit(db, olga, entry.id, {
      decision: "REFUNDED",
      note: "Sent back to DE02…2051 on 8 Dec",
    });
    expect((await db.bankStatementEntry.findUniqueOrThrow({ where: { id: entry.id } })).creditStatus).toBe(
      "REFUNDED",
    );
    await expect(settleBankCredit(db, olga, entry.id, { decision: "KEPT", note: "again" })).rejects.toThrow(
      /settled already/,
    );
  });

  it("an unknown reference waits for operations, who assign it to the order by its number", async () => {
    const order = await placeBankTransferOrder();
    const result = await importBankStatement(
      db,
      olga,
      file(
        "unknown.xml",
        camt053Statement([
          {
            amountCents: order.totalCents,
            remittance: "Rechnung Teile Dezember",
            bankReference: nextBankReference(),
          },
        ]),
      ),
    );
    expect(result.unmatched).toBe(1);
    const entry = await db.bankStatementEntry.findFirstOrThrow({
      where: { statementId: result.statementId! },
    });
    expect(entry).toMatchObject({ outcome: "UNMATCHED", orderId: null });
    expect((await orderNow(order.id)).status).toBe("AWAITING_PAYMENT");
    await expect(assignBankEntry(db, olga, entry.id, { orderNumber: "Q-1999-000001" })).rejects.toThrow(
      /no order Q-1999-000001/,
    );
    const assigned = await assignBankEntry(db, olga, entry.id, { orderNumber: order.number.toLowerCase() });
    expect(assigned.outcome).toBe("PAID");
    expect((await orderNow(order.id)).status).toBe("CONFIRMED");
    expect(await db.bankStatementEntry.findUniqueOrThrow({ where: { id: entry.id } })).toMatchObject({
      outcome: "PAID",
      assignedById: olga.userId,
    });
    await expect(assignBankEntry(db, olga, entry.id, { orderNumber: order.number })).rejects.toThrow(
      /assigned already/,
    );
  });

  it("money for an order cancelled meanwhile is a credit, and a cancelled order's received money becomes one too", async () => {
    const order = await placeBankTransferOrder();
    const { paymentReference } = await orderNow(order.id);
    await importBankStatement(
      db,
      olga,
      file(
        "a.xml",
        camt053Statement([
          { amountCents: 1_000, remittance: paymentReference!, bankReference: nextBankReference() },
        ]),
      ),
    );
    await cancelOrder(db, anna, order.id, { reason: "Ordered twice" });
    const credited = await db.bankStatementEntry.findFirstOrThrow({ where: { orderId: order.id } });
    expect(credited).toMatchObject({ surplusCents: 1_000, creditStatus: "OPEN" });
    expect((await lastEmailTo(anna.email)).text).toContain("We transfer the €10.00 you paid back");
    const late = await importBankStatement(
      db,
      olga,
      file(
        "b.xml",
        camt053Statement([
          { amountCents: 2_000, remittance: paymentReference!, bankReference: nextBankReference() },
        ]),
      ),
    );
    expect(late.overpaid).toBe(1);
    expect(await db.payment.count({ where: { orderId: order.id, method: "BANK_TRANSFER" } })).toBe(1);
  });

  it("reminds once after the reminder days and cancels after the cancellation days, crediting what arrived", async () => {
    const order = await placeBankTransferOrder();
    const { paymentReference } = await orderNow(order.id);
    await importBankStatement(
      db,
      olga,
      file(
        "p.xml",
        camt053Statement([
          { amountCents: 3_000, remittance: paymentReference!, bankReference: nextBankReference() },
        ]),
      ),
    );
    const day = 86_400_000;
    const placed = order.createdAt.getTime();

    const early = await chaseUnpaidPrepayments(db, new Date(placed + 6 * day));
    expect((await orderNow(order.id)).prepaymentRemindedAt).toBeNull();
    expect(early.cancelled).toBe(0);

    await chaseUnpaidPrepayments(db, new Date(placed + 7 * day + 60_000));
    const reminded = await orderNow(order.id);
    expect(reminded.prepaymentRemindedAt).not.toBeNull();
    const reminder = await lastEmailTo(anna.email);
    expect(reminder.subject).toBe(`Order ${order.number}: your payment has not arrived yet`);
    expect(reminder.text).toContain("is still missing");
    const emails = await db.outboxEmail.count();
    await chaseUnpaidPrepayments(db, new Date(placed + 8 * day));
    expect(await db.outboxEmail.count()).toBe(emails);

    await chaseUnpaidPrepayments(db, new Date(placed + 14 * day + 60_000));
    const cancelled = await orderNow(order.id);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.lines.every((line) => line.status === "CANCELLED")).toBe(true);
    expect((await lastEmailTo(anna.email)).subject).toBe(`Order ${order.number} is cancelled: no payment`);
    expect(await db.bankStatementEntry.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({
      surplusCents: 3_000,
      creditStatus: "OPEN",
    });
    const again = await chaseUnpaidPrepayments(db, new Date(placed + 15 * day));
    expect(again).toEqual({ reminded: 0, cancelled: 0 });
  });

  it("counts the reminder and cancellation days from the approval of an order that waited for its approver", async () => {
    const order = await placeBankTransferOrder();
    const day = 86_400_000;
    // Placed 10 days ago, approved just now (the order door's record of the move to AWAITING_PAYMENT).
    const approvedAt = new Date(order.createdAt.getTime());
    await db.order.update({
      where: { id: order.id },
      data: { createdAt: new Date(approvedAt.getTime() - 10 * day) },
    });
    await db.orderStatusChange.create({
      data: {
        orderId: order.id,
        fromStatus: "AWAITING_APPROVAL",
        toStatus: "AWAITING_PAYMENT",
        createdAt: approvedAt,
      },
    });
    // 18 days after placing but 8 after approval: a reminder, not a cancellation.
    await chaseUnpaidPrepayments(db, new Date(approvedAt.getTime() + 8 * day));
    const reminded = await orderNow(order.id);
    expect(reminded.status).toBe("AWAITING_PAYMENT");
    expect(reminded.prepaymentRemindedAt).not.toBeNull();
    const cancelOn = formatDayOfMoment(new Date(approvedAt.getTime() + 14 * day));
    expect((await lastEmailTo(anna.email)).text).toContain(`it is cancelled on ${cancelOn}`);
    await chaseUnpaidPrepayments(db, new Date(approvedAt.getTime() + 14 * day + 60_000));
    expect((await orderNow(order.id)).status).toBe("CANCELLED");
  });

  it("the ledger check finds every prepayment order in order", async () => {
    const check = await checkLedger(db);
    expect(check.differences).toEqual([]);
  });
});
