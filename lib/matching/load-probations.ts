import type { IsoDate } from "../../quoting-engine/pricing/working-days";
import { Prisma } from "../db/generated/client";
import type { Database, TransactionClient } from "../db/prisma";

/** A supplier's open probation (lib/probation) as the matcher's rules read it. */
export interface ProbationLimits {
  maxOrderValueCents: number | null;
  maxOpenJobs: number | null;
  conditionsDueOn: IsoDate;
  /** Its offers waiting for an answer and its accepted jobs not yet shipped, now. */
  openJobs: number;
}

/**
 * Every supplier on probation, with its limits and how many jobs it holds open. One query for all
 * suppliers; the open jobs are counted only for those on probation (a handful), not for everyone. With
 * `companyId`, only that supplier's (counted again after its row is locked, lock-candidate.ts).
 */
export async function loadProbations(
  db: Database | TransactionClient,
  companyId?: string,
): Promise<ReadonlyMap<string, ProbationLimits>> {
  const onlyCompany = companyId ? Prisma.sql`AND "companyId" = ${companyId}` : Prisma.empty;
  const rows = await db.$queryRaw<({ companyId: string } & ProbationLimits)[]>`
    SELECT p."companyId", p."maxOrderValueCents", p."maxOpenJobs",
           to_char(p."conditionsDueOn", 'YYYY-MM-DD') AS "conditionsDueOn",
           ((SELECT count(*) FROM "Offer" o WHERE o."supplierCompanyId" = p."companyId" AND o."status" = 'PENDING')
          + (SELECT count(*) FROM "OrderLine" l WHERE l."supplierCompanyId" = p."companyId"
                AND l."status" IN ('ACCEPTED', 'IN_PRODUCTION', 'QUALITY_CHECK')))::int AS "openJobs"
      FROM (SELECT DISTINCT ON ("companyId") * FROM "SupplierProbation" WHERE "liftedAt" IS NULL ${onlyCompany}
             ORDER BY "companyId", "startedAt" DESC) p`;
  return new Map(rows.map(({ companyId, ...limits }) => [companyId, limits]));
}
