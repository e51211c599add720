import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { combinedDoors, findStatusWrites, statefulRelationFields, statusDoors } from "./find-status-writes";

const root = path.resolve(import.meta.dirname, "../..");
const relationFields = statefulRelationFields(readFileSync(path.join(root, "prisma/schema.prisma"), "utf8"));

/**
 * Application code: app/, lib/ and scripts/. The demo seed and the tests are left out on purpose: they lay
 * down a state to start from (a decided audit, a shipped line), they do not move anything.
 */
function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, folder))) {
    const relative = `${folder}/${entry}`;
    if (entry === "node_modules" || entry === "generated") continue;
    if (statSync(path.join(root, relative)).isDirectory()) files.push(...sourceFiles(relative));
    else if (/\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry)) files.push(relative);
  }
  return files;
}

describe("every status write goes through its door", () => {
  it("finds no status write of an order, line, offer, payout or audit outside its door module", () => {
    const files = ["app", "lib", "scripts"].flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(300);
    const writes = files.flatMap((file) =>
      findStatusWrites(file, readFileSync(path.join(root, file), "utf8"), relationFields),
    );
    expect(writes.map((write) => `${write.file}:${write.line} ${write.what}`)).toEqual([]);
  });

  it("lets a combined door write only after checking each move against its model's table", () => {
    for (const [file, door] of Object.entries(combinedDoors)) {
      const source = readFileSync(path.join(root, file), "utf8");
      for (const table of door.tables)
        expect(source, `${file} uses ${table}`).toMatch(new RegExp(`${table}\\.(enter|assertMove)\\(`));
    }
    expect(
      findStatusWrites(
        "lib/somewhere/else.ts",
        'const q = sql`UPDATE "Offer" SET "status" = 1`;',
        relationFields,
      ),
    ).toHaveLength(1);
  });

  it("knows the relation fields that lead to the stateful models", () => {
    expect(relationFields.get("lines")).toBe("orderLine");
    expect(relationFields.get("offers")).toBe("offer");
    expect(relationFields.get("audits")).toBe("supplierAudit");
  });

  it("each door exists and writes its model's status", () => {
    for (const [model, { door }] of Object.entries(statusDoors))
      expect(readFileSync(path.join(root, door), "utf8"), door).toMatch(
        new RegExp(`tx\\.${model}\\.updateMany`),
      );
  });
});

describe("the status-write check on fixtures", () => {
  const check = (source: string, file = "lib/somewhere/use-case.ts") =>
    findStatusWrites(file, source, relationFields).map((write) => write.what);

  it.each([
    ["an update", `await tx.offer.update({ where: { id }, data: { status: "WITHDRAWN" } });`, "offer"],
    [
      "an updateMany",
      `await tx.order.updateMany({ where: { id }, data: { status: "IN_PROGRESS" } });`,
      "order",
    ],
    ["a shorthand", `await tx.payout.update({ where: { id }, data: { status, heldReason } });`, "payout"],
    [
      "a create with a bare status",
      `await tx.offer.create({ data: { status: "ACCEPTED", rank: 1 } });`,
      "offer",
    ],
    [
      "an upsert",
      `await db.supplierAudit.upsert({ where: { id }, create: { id }, update: { status: "APPROVED" } });`,
      "supplierAudit",
    ],
    [
      "a nested create through a relation field",
      `await tx.company.create({ data: { name, audits: { create: { status: "APPROVED" } } } });`,
      "supplierAudit",
    ],
    [
      "a nested createMany of lines",
      `await tx.order.create({ data: { number, lines: { createMany: { data: [{ status: "SHIPPED" }] } } } });`,
      "orderLine",
    ],
    [
      "a nested create built for a helper",
      `await createCompanyWithAdmin(db, { kind, audits: { create: { status: "PENDING" } } }, admin);`,
      "supplierAudit",
    ],
    [
      "a status in one branch of a conditional",
      `await tx.payout.update({ where, data: method ? { status: "PENDING", method } : { heldReason } });`,
      "payout",
    ],
  ])("refuses %s", (_what, source, model) => {
    expect(check(source)).toEqual([`${model}.status written outside its door`]);
  });

  it("refuses raw SQL that sets a status", () => {
    expect(
      check('await tx.$executeRaw`UPDATE "Payout" SET "status" = \'PAID\' WHERE "id" = ${id}`;'),
    ).toEqual(['raw SQL writes "Payout".status']);
  });

  it("lets the door write, a create start through the table, reads and other models pass", () => {
    expect(
      check(
        `await tx.offer.updateMany({ where, data: { ...move.set, status: move.to } });`,
        statusDoors.offer.door,
      ),
    ).toEqual([]);
    expect(check(`await tx.offer.create({ data: { status: offerTransitions.enter("PENDING") } });`)).toEqual(
      [],
    );
    expect(check(`await tx.offer.findMany({ where: { status: "PENDING" } });`)).toEqual([]);
    expect(check(`await tx.quote.updateMany({ where, data: { status: "ORDERED" } });`)).toEqual([]);
    expect(check('await tx.$queryRaw`SELECT "status" FROM "Payout" WHERE "id" = ${id} FOR UPDATE`;')).toEqual(
      [],
    );
  });

  it("refuses `enter` in an update: a move is not a start", () => {
    expect(
      check(`await tx.offer.update({ where, data: { status: offerTransitions.enter("PENDING") } });`),
    ).toEqual(["offer.status written outside its door"]);
  });
});
