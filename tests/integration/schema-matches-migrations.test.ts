import { readFileSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareSchemaShapes } from "../../lib/db/schema-drift/compare-schema-shapes";
import { expectedSchemaShape } from "../../lib/db/schema-drift/expected-schema-shape";
import { readDatabaseSchemaShape } from "../../lib/db/schema-drift/read-database-schema-shape";
import { createTestDatabase } from "./setup/test-database";

describe("the migrated database and schema.prisma", () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: await createTestDatabase() });
    await client.connect();
  });
  afterAll(() => client.end());

  it("agree on every model, field, type, nullability, default, unique constraint, index and foreign key", async () => {
    const expected = expectedSchemaShape(readFileSync("prisma/schema.prisma", "utf8"));
    const actual = await readDatabaseSchemaShape(client);
    expect(compareSchemaShapes(expected, actual)).toEqual([]);
  });

  it("covers the whole data model, so an empty comparison is not an empty schema", async () => {
    const actual = await readDatabaseSchemaShape(client);
    expect(Object.keys(actual.tables).length).toBeGreaterThanOrEqual(30);
    expect(actual.tables.Offer?.indexes["Offer_orderLineId_supplierCompanyId_idx"]).toEqual([
      "orderLineId",
      "supplierCompanyId",
    ]);
    expect(actual.tables.Payout?.foreignKeys["Payout_orderLineId_fkey"]?.onDelete).toBe("RESTRICT");
  });
});

describe("the schema comparison", () => {
  const schema = readFileSync("prisma/schema.prisma", "utf8");

  it("reports a field added to schema.prisma without a migration", () => {
    const base = expectedSchemaShape(schema);
    const changed = expectedSchemaShape(
      schema.replace("model Offer {\n", "model Offer {\n  priorityLevel Int @default(0)\n"),
    );
    expect(compareSchemaShapes(changed, base)).toEqual([
      "column of Offer priorityLevel is in schema.prisma but not in the database",
    ]);
  });

  it("reports changed nullability, defaults, indexes and referential actions", () => {
    const base = expectedSchemaShape(schema);
    const changed = expectedSchemaShape(
      schema
        .replace("  rejectNote         String?\n", '  rejectNote         String @default("none")\n')
        .replace("  @@index([status, expiresAt])\n", "")
        .replace(
          "orderLine            OrderLine             @relation(fields: [orderLineId], references: [id], onDelete: Cascade)",
          "orderLine            OrderLine             @relation(fields: [orderLineId], references: [id], onDelete: Restrict)",
        ),
    );
    expect(compareSchemaShapes(changed, base)).toEqual([
      "Offer.rejectNote nullable: schema.prisma expects false, database has true",
      "Offer.rejectNote default: schema.prisma expects \"'none'::text\", database has null",
      "index on Offer Offer_status_expiresAt_idx is in the database but not in schema.prisma",
      'foreign key Offer_orderLineId_fkey: schema.prisma expects {"columns":["orderLineId"],"referencedTable":"OrderLine","referencedColumns":["id"],"onDelete":"RESTRICT","onUpdate":"CASCADE"}, database has {"columns":["orderLineId"],"referencedTable":"OrderLine","referencedColumns":["id"],"onDelete":"CASCADE","onUpdate":"CASCADE"}',
    ]);
  });
});
