import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { applyAsSupplier } from "../../lib/companies/apply-as-supplier";
import { registerBuyer } from "../../lib/companies/register-buyer";
import { startRegistration } from "../../lib/companies/start-registration";
import type { Database } from "../../lib/db/prisma";
import { createTestPrisma } from "./setup/test-prisma";

describe("signing up", () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestPrisma();
  });

  it("creates an active buyer company with the person as its admin, and logs it", async () => {
    const { userId, companyId } = await registerBuyer(db, {
      companyName: "Beta Robotics",
      countryCode: "de",
      name: "Clara",
      email: "Clara@Beta.example",
      password: "long-enough-pw",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, include: { company: true } });
    expect(user).toMatchObject({ email: "clara@beta.example", role: "BUYER_ADMIN", companyId });
    expect(user.company).toMatchObject({ kind: "BUYER", status: "ACTIVE", countryCode: "DE" });
    expect(user.passwordHash).not.toContain("long-enough-pw");
    expect(
      await db.auditLogEntry.count({ where: { entityId: companyId, action: "company.registered" } }),
    ).toBe(1);
  });

  it("refuses a second account for the same e-mail and leaves no company behind", async () => {
    const before = await db.company.count();
    await expect(
      registerBuyer(db, {
        companyName: "Dup",
        countryCode: "DE",
        name: "Dup",
        email: "clara@beta.example",
        password: "long-enough-pw",
      }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("already exists") });
    expect(await db.company.count()).toBe(before);
  });

  it("rejects invalid input with a message per field", async () => {
    const error = await registerBuyer(db, {
      companyName: "",
      countryCode: "Germany",
      name: "",
      email: "x",
      password: "short",
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ZodError);
    expect((error as ZodError).issues.map((issue) => issue.path[0]).sort()).toEqual(
      ["companyName", "countryCode", "email", "name", "password"].sort(),
    );
  });

  it("turns a manufacturer's application into a supplier awaiting audit with an open audit", async () => {
    const { companyId } = await applyAsSupplier(db, {
      companyName: "Drehteile Ost",
      countryCode: "DE",
      city: "Dresden",
      processes: ["CNC_TURNING", "CNC_MILLING"],
      // As people type them: tidied, then checked.
      vatNumber: "de 812 345 673",
      website: "drehteile-ost.example",
      references: "Shafts for Kirow cranes since 2021; housings for Zeiss Jena.",
      name: "Ole",
      email: "ole@drehteile.example",
      password: "long-enough-pw",
    });
    const company = await db.company.findUniqueOrThrow({
      where: { id: companyId },
      include: { supplierProcesses: true, audits: true, users: true },
    });
    expect(company.status).toBe("PENDING_AUDIT");
    expect(company.supplierProcesses.map((row) => row.process).sort()).toEqual([
      "CNC_MILLING",
      "CNC_TURNING",
    ]);
    expect(company.audits).toHaveLength(1);
    expect(company.audits[0]?.status).toBe("PENDING");
    expect(company.audits[0]?.purpose).toBe("Application");
    expect(company.applicationReferences).toBe(
      "Shafts for Kirow cranes since 2021; housings for Zeiss Jena.",
    );
    expect(company.website).toBe("https://drehteile-ost.example");
    expect(company.vatNumber).toBe("DE812345673");
    expect(company.users[0]?.role).toBe("SUPPLIER_ADMIN");
  });

  it("e-mails a manufacturer a link to send its application, not one to keep uploaded parts", async () => {
    const start = (kind: "BUYER" | "SUPPLIER", email: string) =>
      startRegistration(db, {
        kind,
        input: {
          companyName: kind === "BUYER" ? "Käufer KG" : "Blechwerk Śląsk",
          countryCode: kind === "BUYER" ? "DE" : "PL",
          ...(kind === "SUPPLIER" && {
            city: "Gliwice",
            processes: ["SHEET_METAL"],
            references: "Brackets, 2025",
          }),
          name: "Agnieszka",
          email,
          password: "long-enough-pw",
        },
        ipAddress: "192.0.2.77",
        returnTo: "/",
      });
    await start("SUPPLIER", "agnieszka@blechwerk.example");
    await start("BUYER", "kim@kaeufer.example");
    const text = async (to: string) =>
      (await db.outboxEmail.findFirstOrThrow({ where: { toAddress: to } })).text;
    const supplierMail = await text("agnieszka@blechwerk.example");
    expect(supplierMail).toContain("to send Blechwerk Śląsk's application as a manufacturing partner");
    expect(supplierMail).toContain("If you did not apply");
    expect(supplierMail).not.toContain("parts you uploaded");
    expect(await text("kim@kaeufer.example")).toContain(
      "in the browser you signed up in to keep the parts you uploaded there",
    );
  });
});
