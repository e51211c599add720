import type { Database, TransactionClient } from "../db/prisma";
import { AppError } from "../errors/app-error";
import { findContactDetails } from "./find-contact-details";

/**
 * Refuses a text that would carry contact details to the other side (findContactDetails), naming what it
 * found, so the writer takes it out and sends again; nothing is silently changed (docs/decisions/0042).
 * `otherCompanyIds`: the companies whose people's names may not pass.
 */
export async function checkNoContactDetails(
  db: Database | TransactionClient,
  text: string,
  { otherCompanyIds, field }: { otherCompanyIds: (string | null)[]; field: string },
): Promise<void> {
  const companyIds = otherCompanyIds.filter((id): id is string => Boolean(id));
  const people = companyIds.length
    ? await db.user.findMany({ where: { companyId: { in: companyIds } }, select: { name: true } })
    : [];
  const found = findContactDetails(
    text,
    people.map((person) => person.name),
  );
  if (found)
    throw new AppError(
      "validation_failed",
      `Your text contains ${found}. Contact details and names of the other company's people do not pass through the platform; take it out and send again.`,
      { field },
    );
}
