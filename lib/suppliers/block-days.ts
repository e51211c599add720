import { z } from "zod";
import {
  calendarDaysBetween,
  type IsoDate,
  isWeekend,
  shift,
} from "../../quoting-engine/pricing/working-days";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { AppError } from "../errors/app-error";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { formatIsoDay } from "../dates/format-day";
import { quoteDay } from "../quotes/quote-day";
import type { SupplierEditor } from "./assert-supplier-admin";
import { assertSupplierMay } from "./assert-supplier-may";
import { isoDayField, optionalIsoDayField } from "./profile-fields";
import { whenFieldsParsed } from "../forms/when-fields-parsed";

export const maxBlockedRangeDays = 366;

/** Days in the period from `from` to `to`, both included. */
const daysBetween = (from: IsoDate, to: IsoDate) => calendarDaysBetween(from, to) + 1;

const blockSchema = z
  .object({
    from: isoDayField("Enter the day to block, or the first day of the period."),
    /** The last day of a period, both included; empty for a single day. */
    to: optionalIsoDayField("Enter the last day of the period, or leave it empty for a single day."),
    reason: z
      .string({ error: "Enter a reason, e.g. Company holiday or Machine maintenance." })
      .trim()
      .min(2, "Enter a reason, e.g. Company holiday or Machine maintenance.")
      .max(120, "Keep the reason under 120 characters."),
  })
  .superRefine(
    (block, ctx) => {
      if (block.to === null) return;
      if (block.to < block.from)
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: "The last day must be on or after the first day.",
        });
      else if (daysBetween(block.from, block.to) > maxBlockedRangeDays)
        ctx.addIssue({
          code: "custom",
          path: ["to"],
          message: `Block at most ${maxBlockedRangeDays} days at once; add a longer closure in parts.`,
        });
    },
    whenFieldsParsed("from", "to"),
  );

export type BlockDaysInput = z.input<typeof blockSchema>;

/**
 * Blocks a day or a period (at most 366 days) for holidays or maintenance: the matcher plans no
 * machine hours on blocked days. Capacity counts Monday to Friday, so weekends in a period are left
 * out, and days already blocked are skipped and keep their reason. Days before today are refused.
 * Admins and production staff. Returns how many days were blocked and how many were skipped.
 */
export async function blockDays(db: Database, editor: SupplierEditor, input: unknown, now = new Date()) {
  assertSupplierMay(editor, "supplier.capacity.edit", "block days");
  const today = quoteDay(now);
  // A day before today is refused with the form's other errors, in one round.
  const block = blockSchema
    .superRefine((fields, ctx) => {
      if (fields.from < today)
        ctx.addIssue({
          code: "custom",
          path: ["from"],
          message: `Choose today (${formatIsoDay(today)}) or a later day.`,
        });
    }, whenFieldsParsed("from"))
    .parse(input);
  const allDays: IsoDate[] = [];
  for (let day = block.from; day <= (block.to ?? block.from); day = shift(day, 1)) allDays.push(day);
  const workingDays = allDays.filter((day) => !isWeekend(day));
  if (workingDays.length === 0)
    throw new AppError(
      "validation_failed",
      allDays.length === 1
        ? `${block.from} is a weekend day; capacity counts Monday to Friday only, so it needs no blocking.`
        : "This period has only weekend days; capacity counts Monday to Friday only, so it needs no blocking.",
      { field: "from" },
    );
  const companyId = editor.companyId;
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      // The matcher locks a supplier's capacity row before it reads the blocked days and books hours;
      // taking the same rows here makes a booking either finish first or see these days.
      await tx.$queryRaw`SELECT 1 FROM "WeeklyCapacity" WHERE "companyId" = ${companyId} ORDER BY "process" FOR UPDATE`;
      const created = await tx.blockedDay.createMany({
        data: workingDays.map((day) => ({
          companyId,
          day: new Date(`${day}T00:00:00Z`),
          reason: block.reason,
        })),
        skipDuplicates: true,
      });
      const result = {
        blocked: created.count,
        alreadyBlocked: workingDays.length - created.count,
        weekendDays: allDays.length - workingDays.length,
      };
      await recordAuditLog(tx, {
        actorUserId: editor.userId,
        companyId,
        action: "supplier.blocked-days.add",
        entityType: "Company",
        entityId: companyId,
        data: { from: block.from, to: block.to ?? block.from, reason: block.reason, ...result },
      });
      return result;
    }),
  );
}
