import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../lib/db/prisma";
import { resetEnvCache } from "../../lib/env";
import { deliverPendingEmails } from "../../lib/notifications/deliver-pending-emails";
import { queueEmail } from "../../lib/notifications/queue-email";
import { createTestPrisma } from "./setup/test-prisma";

// A local SMTP server (the smtp-server package speaks the real protocol) receives what nodemailer sends.
describe("e-mail delivery", () => {
  let db: Database;
  let server: SMTPServer;
  const received: { to: string[]; data: string }[] = [];
  let refuseNext = false;

  beforeAll(async () => {
    db = await createTestPrisma();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          if (refuseNext) {
            refuseNext = false;
            return callback(Object.assign(new Error("Mailbox full"), { responseCode: 452 }));
          }
          received.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            data: Buffer.concat(chunks).toString(),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as { port: number }).port;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    resetEnvCache();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    await new Promise<void>((resolve) => server.close(resolve));
  });

  it("keeps every e-mail in the outbox and sends the SMTP ones once; a refused one waits for the next run", async () => {
    const first = await queueEmail(db, {
      to: "Anna@Acme.example",
      subject: "Order Q-1: received",
      text: "Thank you. http://localhost:3000/orders/q-1",
    });
    refuseNext = true;
    expect(await deliverPendingEmails(db)).toBe(0);
    const failed = await db.outboxEmail.findUniqueOrThrow({ where: { id: first } });
    expect(failed.sentAt).toBeNull();
    expect(failed.error).toMatch(/Mailbox full/);

    expect(await deliverPendingEmails(db)).toBe(1);
    expect(await deliverPendingEmails(db)).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual(["anna@acme.example"]);
    expect(received[0]!.data).toContain("Subject: Order Q-1: received");
    expect(received[0]!.data).toContain("Thank you.");
    const sent = await db.outboxEmail.findUniqueOrThrow({ where: { id: first } });
    expect(sent.sentAt).not.toBeNull();
    expect(sent.error).toBeNull();
  });

  it("without SMTP prints each e-mail in the server's console once, so a local install can read its sign-up link", async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    try {
      const id = await queueEmail(db, {
        to: "new.buyer@local.example",
        subject: "Finish creating your Instant Quote account",
        text: "Open this link: http://localhost:3000/sign-up/confirm/abc",
      });
      expect((await db.outboxEmail.findUniqueOrThrow({ where: { id } })).transport).toBe("outbox");
      const printed: string[] = [];
      const print = async (message: { to: string; text: string }) => {
        printed.push(`${message.to}: ${message.text}`);
      };
      expect(await deliverPendingEmails(db, print, 50, "outbox")).toBe(1);
      expect(await deliverPendingEmails(db, print, 50, "outbox")).toBe(0);
      expect(printed).toEqual([
        "new.buyer@local.example: Open this link: http://localhost:3000/sign-up/confirm/abc",
      ]);
      // Still in the outbox for operations.
      expect(await db.outboxEmail.count({ where: { id } })).toBe(1);
    } finally {
      process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
      resetEnvCache();
    }
  });
});
