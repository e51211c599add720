// The data set of the matcher bench: the line it places and the suppliers it is matched against.
import type pg from "pg";
import { countryCentroids } from "../lib/matching/distance-km";
import type { LineToMatch } from "../lib/matching/rank-candidates";
import { quoteDay } from "../lib/quotes/quote-day";
import { shift } from "../quoting-engine/pricing/working-days";

export const reservationsPerWeek = Number(process.env.BENCH_RESERVATIONS_PER_WEEK ?? 3);

// The line the bench places: 10 brackets in AL-6061-T6 for the seeded Munich buyer, 12 machine hours,
// ISO 9001 required, due four weeks from today.
export const lineId = "bench_line";
export const holderLineId = "bench_reservation_holder";
export const now = new Date();
export const today = quoteDay(now);
export const deliveryDate = shift(today, 28);
export const lineToMatch: LineToMatch = {
  materialCode: "AL-6061-T6",
  partSizeMm: [80, 40, 12],
  estimatedMachineHours: 12,
  deliveryDate,
  supplierTotalCents: 80_000,
  totalPriceCents: 120_000,
  requiredCertificates: ["ISO_9001"],
  requiredCountryCode: null,
  buyerLocation: { latitude: 48.14, longitude: 11.58 },
};

/** Order, line and the line that holds every bench reservation, as plain rows: no pricing needed. */
export async function insertOrderLines(sql: pg.Client): Promise<void> {
  await sql.query(`
    INSERT INTO "Part" ("id", "companyId", "originalFileName", "storageKey", "contentSha256", "sizeBytes",
                        "format", "status", "updatedAt")
    VALUES ('bench_part', 'seed_company_acme', 'bench-bracket.step', 'bench/none', repeat('0', 64), 1000,
            'STEP', 'ANALYZED', now())`);
  await sql.query(
    `INSERT INTO "Quote" ("id", "partId", "companyId", "status", "process", "materialId", "finish",
                          "toleranceClass", "quantity", "deliveryDate", "currency", "unitPriceCents",
                          "totalPriceCents", "supplierUnitCostCents", "supplierTotalCostCents",
                          "estimatedMachineHours", "breakdown", "priceBreaks", "settingsVersion", "validUntil")
     VALUES ('bench_quote', 'bench_part', 'seed_company_acme', 'ORDERED', 'CNC_MILLING',
             'seed_material_AL-6061-T6', 'as-machined', 'ISO2768_MEDIUM', 10, $1::date, 'EUR', 12000, 120000,
             8000, 80000, 12, '{}', '[]', 1, now() + interval '30 days')`,
    [deliveryDate],
  );
  const address = JSON.stringify({
    name: "Goods in",
    line: "Marienplatz 1",
    postalCode: "80331",
    city: "München",
    countryCode: "DE",
  });
  await sql.query(
    `INSERT INTO "Order" ("id", "number", "buyerCompanyId", "placedById", "status", "paymentMethod", "currency",
                          "subtotalCents", "vatCents", "totalCents", "billingAddress", "shippingAddress",
                          "requiredCertificates", "confirmedAt", "updatedAt")
     VALUES ('bench_order', 'BENCH-000001', 'seed_company_acme', 'seed_user_anna', 'CONFIRMED', 'INVOICE',
             'EUR', 120000, 22800, 142800, $1, $1, '{ISO_9001}', now(), now())`,
    [address],
  );
  await sql.query(
    `INSERT INTO "OrderLine" ("id", "orderId", "partId", "quoteId", "status", "process", "materialCode", "finish",
                              "toleranceClass", "quantity", "unitPriceCents", "totalPriceCents",
                              "supplierTotalCents", "currency", "estimatedMachineHours", "partSizeMm",
                              "deliveryDate", "updatedAt")
     SELECT id, 'bench_order', 'bench_part', 'bench_quote', status::"OrderLineStatus", 'CNC_MILLING',
            'AL-6061-T6', 'as-machined', 'ISO2768_MEDIUM', 10, 12000, 120000, 80000, 'EUR', 12, '{80,40,12}',
            $3::date, now()
       FROM (VALUES ($1, 'AWAITING_MATCH'), ($2, 'ACCEPTED')) AS line(id, status)`,
    [lineId, holderLineId, deliveryDate],
  );
}

/**
 * Adds suppliers `first`…`last` (numbered, so sizes build on each other) with everything the matcher
 * reads. Set-based INSERT … SELECT generate_series, so 10,000 suppliers and their 1.5 million
 * reservations load in one statement per table and batch.
 */
export async function insertSuppliers(sql: pg.Client, first: number, last: number): Promise<void> {
  const countries = Object.entries(countryCentroids);
  const params = [
    first,
    last,
    countries.map(([code]) => code),
    countries.map(([, point]) => point.latitude),
    countries.map(([, point]) => point.longitude),
  ];
  const suppliers = `generate_series($1::int, $2::int) AS i`;
  const id = `'bench_supplier_' || lpad(i::text, 5, '0')`;
  await sql.query(
    `WITH country AS (
       SELECT * FROM unnest($3::text[], $4::float8[], $5::float8[]) WITH ORDINALITY AS c(code, lat, lon, k))
     INSERT INTO "Company" ("id", "kind", "status", "name", "countryCode", "city", "latitude", "longitude",
                            "costIndex", "minOrderValueCents", "maxOrderValueCents", "updatedAt")
     SELECT ${id}, 'SUPPLIER', 'ACTIVE', 'Bench Partner ' || i, country.code, 'Bench',
            country.lat + (random() - 0.5) * 3, country.lon + (random() - 0.5) * 4, 0.8 + random() * 0.5,
            CASE WHEN random() < 0.5 THEN NULL ELSE 5000 END, 5000000, now()
       FROM ${suppliers} JOIN country ON country.k = 1 + i % cardinality($3::text[])`,
    params,
  );
  const perSupplier = (statement: string) => sql.query(statement, [first, last]);
  // Every real partner has people who are told of an offer: an owner and a colleague, each e-mailed.
  await perSupplier(`INSERT INTO "User" ("id", "companyId", "email", "name", "passwordHash", "role",
                                        "emailVerifiedAt", "updatedAt")
                    SELECT ${id} || '_user_' || u, ${id}, 'bench-' || i || '-' || u || '@bench-partner.example',
                           'Bench Person ' || u, 'not-a-password-hash',
                           (CASE WHEN u = 1 THEN 'SUPPLIER_ADMIN' ELSE 'SUPPLIER_MEMBER' END)::"UserRole",
                           now(), now()
                      FROM ${suppliers}, generate_series(1, 2) AS u`);
  await perSupplier(`INSERT INTO "SupplierProcess" ("companyId", "process")
                    SELECT ${id}, 'CNC_MILLING' FROM ${suppliers}`);
  await perSupplier(`INSERT INTO "SupplierMaterial" ("companyId", "materialId")
                    SELECT ${id}, 'seed_material_' || code FROM ${suppliers},
                           unnest(ARRAY['AL-6061-T6', 'AL-7075-T6', 'STEEL-C45']) AS code`);
  await perSupplier(`INSERT INTO "Machine" ("id", "companyId", "process", "name", "envelopeXMm", "envelopeYMm",
                                           "envelopeZMm")
                    SELECT ${id} || '_machine_' || m, ${id}, 'CNC_MILLING', 'Mill ' || m,
                           400 + random() * 800, 300 + random() * 500, 200 + random() * 400
                      FROM ${suppliers}, generate_series(1, 2) AS m`);
  await perSupplier(`INSERT INTO "WeeklyCapacity" ("companyId", "process", "machineHoursPerWeek")
                    SELECT ${id}, 'CNC_MILLING', 40 + floor(random() * 160) FROM ${suppliers}`);
  await perSupplier(`INSERT INTO "SupplierAudit" ("id", "supplierCompanyId", "status", "decidedAt", "expiresAt",
                                                 "updatedAt")
                    SELECT ${id} || '_audit', ${id}, 'APPROVED', now() - random() * interval '300 days',
                           current_date + 365, now() FROM ${suppliers}`);
  await perSupplier(`INSERT INTO "Certificate" ("id", "companyId", "kind", "number", "issuer", "validFrom",
                                               "validUntil")
                    SELECT ${id} || '_iso9001', ${id}, 'ISO_9001', 'QM-' || i, 'Bench Cert GmbH',
                           current_date - 300, current_date + 200 + floor(random() * 500)::int FROM ${suppliers}`);
  await perSupplier(`INSERT INTO "SupplierScore" ("companyId", "offersAnswered", "offersRejected", "offersExpired",
                                                 "linesShipped", "linesOnTime", "ratingsCount", "ratingsStarsSum",
                                                 "complaintsCount", "computedAt")
                    SELECT ${id}, answered, floor(answered * random() * 0.3), floor(random() * 5), shipped,
                           floor(shipped * (0.7 + random() * 0.3)), rated, floor(rated * (3 + random() * 2)),
                           floor(shipped * random() * 0.05), now()
                      FROM ${suppliers},
                           LATERAL (SELECT floor(random() * 100)::int AS answered, floor(random() * 200)::int AS shipped) AS t,
                           LATERAL (SELECT floor(t.shipped * random() * 0.5)::int AS rated) AS r`);
  // Five days off spread over the next half year, one per 30-day stretch so they never collide.
  await perSupplier(`INSERT INTO "BlockedDay" ("id", "companyId", "day", "reason")
                    SELECT ${id} || '_off_' || d, ${id}, current_date + d * 30 + floor(random() * 25)::int,
                           'Company holiday'
                      FROM ${suppliers}, generate_series(1, 5) AS d`);
  // Reservations of a few hours each, 10 % of them released (answered offers, cancelled lines).
  await sql.query(
    `INSERT INTO "CapacityReservation" ("id", "companyId", "process", "weekStart", "machineHours", "orderLineId",
                                        "releasedAt")
     SELECT ${id} || '_' || w || '_' || k, ${id}, 'CNC_MILLING',
            date_trunc('week', current_date)::date + 7 * w, 1 + floor(random() * 12), $3,
            CASE WHEN random() < 0.1 THEN now() END
       FROM ${suppliers}, generate_series(-26, 25) AS w, generate_series(1, $4::int) AS k`,
    [first, last, holderLineId, reservationsPerWeek],
  );
}

/** The tables a full match writes rows of the bench line into. */
const writtenTables = `"Offer", "CapacityReservation", "MatchDecision", "OrderLine", "OrderStatusChange", "AuditLogEntry"`;

/**
 * Empties what a full match wrote for the line, so every run places the same line against the same data.
 * No VACUUM between runs (decision 0123): a worker places line after line with its statements' plans
 * cached, and a VACUUM of a table makes every cached plan that reads it be planned again (it updates the
 * table's statistics), which a match after autovacuum pays once, not every time. The dead rows of ten
 * runs (an offer, its reservations, a decision, a history row each) are a few dozen among 156,000
 * reservations. `vacuum` true vacuums as the runs before that decision did (`matchAfterVacuumMs`).
 */
export async function resetLine(sql: pg.Client, options: { vacuum?: boolean } = {}): Promise<void> {
  await sql.query(`DELETE FROM "CapacityReservation" WHERE "orderLineId" = $1`, [lineId]);
  await sql.query(`DELETE FROM "Offer" WHERE "orderLineId" = $1`, [lineId]);
  await sql.query(`DELETE FROM "MatchDecision" WHERE "orderLineId" = $1`, [lineId]);
  await sql.query(`DELETE FROM "OrderStatusChange" WHERE "orderLineId" = $1`, [lineId]);
  await sql.query(`DELETE FROM "AuditLogEntry" WHERE "entityId" = $1`, [lineId]);
  await sql.query(`UPDATE "OrderLine" SET "status" = 'AWAITING_MATCH' WHERE "id" = $1`, [lineId]);
  // The offer's e-mails to the partner's people, and the jobs the match sent (delivery, expiry): each run
  // sends them anew, as a worker matching line after line does (the e-mail job is a singleton).
  await sql.query(`DELETE FROM "OutboxEmail" WHERE "toAddress" LIKE '%@bench-partner.example'`);
  await sql.query(`DELETE FROM pgboss.job WHERE "name" IN ('emails.deliver', 'offers.expire')`);
  if (options.vacuum) await sql.query(`VACUUM ${writtenTables}`);
}

/** Rows and size of each table the data set fills, at the largest size loaded. */
export async function describeDataSet(sql: pg.Client): Promise<void> {
  const tables = [
    "Company",
    "User",
    "SupplierProcess",
    "SupplierMaterial",
    "Machine",
    "WeeklyCapacity",
    "SupplierAudit",
    "Certificate",
    "SupplierScore",
    "BlockedDay",
    "CapacityReservation",
  ];
  console.log("\nData set at the largest size (rows per table, size with indexes):");
  for (const table of tables) {
    const { rows } = await sql.query<{ rows: string; size: string }>(
      `SELECT count(*)::text AS rows, pg_size_pretty(pg_total_relation_size('"${table}"')) AS size FROM "${table}"`,
    );
    console.log(`  ${table.padEnd(20)} ${rows[0]!.rows.padStart(10)}  ${rows[0]!.size}`);
  }
}
