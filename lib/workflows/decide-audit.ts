import { requestMatching } from "../matching/request-matching";
import { moveAudit } from "../audits/move-audit";
import { z } from "zod";
import { isIsoDate, shift } from "../../quoting-engine/pricing/working-days";
import type { Database } from "../db/prisma";
import { recordAuditLog } from "../audit-log/record-audit-log";
import { revokeCompanySessions } from "../auth/revoke-sessions";
import { appUrl } from "../env";
import { AppError, isAppError } from "../errors/app-error";
import { queueCompanyEmail } from "../notifications/queue-company-email";
import { quoteDay } from "../quotes/quote-day";
import { checklistOf, itemsNotPassed } from "../audits/audit-checklist";
import { auditDecisions } from "../audits/audit-decisions";
import { lockUndecidedAudit } from "../audits/lock-undecided-audit";
import { reopenUnmatchedLines } from "../audits/reopen-unmatched-lines";
import type { AuditActor } from "../audits/save-audit-checklist";
import { undeclaredCapabilities } from "../audits/undeclared-capabilities";
import { withdrawOpenOffers } from "../audits/withdraw-open-offers";
import { withTransactionRetry } from "../db/with-transaction-retry";
import { endProbations } from "../probation/end-probations";
import { parseProbationTerms, type ProbationTerms } from "../probation/probation-input";
import { startProbation } from "../probation/start-probation";
import { formatEuros } from "../money/format-euros";
import { formatIsoDay } from "@/lib/dates/format-day";

interface FieldRefusal {
  path: string;
  message: string;
}

/**
 * Nothing when nothing is refused. One refusal as before: a field's next to it, the audit's state for the
 * whole form. Several as one error whose `details.fields` puts each field's next to it and the state's
 * together above the form (lib/errors/form-state-from-error.ts).
 */
function throwRefusals(fieldRefusals: FieldRefusal[], stateRefusals: string[]): void {
  const state = stateRefusals.join(" ");
  if (fieldRefusals.length === 0) {
    if (state) throw new AppError("invalid_state_transition", state);
    return;
  }
  const [only] = fieldRefusals;
  if (only && fieldRefusals.length === 1 && !state)
    throw new AppError("validation_failed", only.message, { field: only.path });
  const fields = state ? [{ path: "", message: state }, ...fieldRefusals] : fieldRefusals;
  throw new AppError("validation_failed", fields.map((refusal) => refusal.message).join(" "), { fields });
}

const decisionSchema = z.object({
  decision: z.enum(Object.keys(auditDecisions) as [keyof typeof auditDecisions], {
    error: "Choose approve, approve with conditions or reject.",
  }),
  expiresOn: z.string().trim().default(""),
  conditions: z.string().trim().max(4000, "Keep the conditions under 4000 characters.").default(""),
  note: z.string().trim().max(4000, "Keep the note under 4000 characters.").default(""),
});

/** How long an approval may last at most: audits are repeated at least every three years. */
const maxValidityDays = 3 * 366;

/**
 * Decides an audit. Approving needs every checklist item passed and at least one evidence file;
 * approving with conditions needs every item checked and the conditions written down; rejecting needs
 * the reasons. Approvals need an expiry date in the future (at most three years ahead).
 *
 * In one transaction: the audit is decided with its auditor; an approved supplier becomes ACTIVE (a
 * suspended one is reinstated) and lines nobody could take go back to matching, since it may take them;
 * a rejected applicant becomes REJECTED, and a rejected active supplier is SUSPENDED with its pending
 * offers withdrawn. The supplier is told by e-mail. Returns the orders to match once committed.
 */
export async function decideAudit(
  db: Database,
  actor: AuditActor,
  auditId: string,
  input: unknown,
  now = new Date(),
): Promise<{ status: string; orderIdsToMatch: string[] }> {
  const { decision, expiresOn, conditions, note } = decisionSchema.parse(input);
  const today = quoteDay(now);
  const approving = decision !== "reject";
  // Walk 10: every refusal in one round. An auditor approving a new partner met them one at a time
  // (the checks, then the evidence, then the profile, then the conditions' text), a round trip each.
  const fieldRefusals: FieldRefusal[] = [];
  if (approving) {
    const expiryRefusal = !isIsoDate(expiresOn)
      ? "Enter the day the approval expires."
      : expiresOn <= today
        ? "The approval must expire after today."
        : expiresOn > shift(today, maxValidityDays)
          ? "An approval lasts at most three years; choose an earlier day."
          : null;
    if (expiryRefusal) fieldRefusals.push({ path: "expiresOn", message: expiryRefusal });
  }
  if (decision === "approve-with-conditions" && conditions.length < 10)
    fieldRefusals.push({
      path: "conditions",
      message: "Write down the conditions the partner must meet, and by when.",
    });
  if (decision === "reject" && note.length < 10)
    fieldRefusals.push({
      path: "note",
      message: "Write down why the partner is rejected; it is told the reasons.",
    });

  // Issue 21: an approval with conditions puts the supplier on probation (lib/probation).
  let probation: ProbationTerms | null = null;
  if (decision === "approve-with-conditions" && isIsoDate(expiresOn))
    try {
      probation = parseProbationTerms(input, today, expiresOn);
    } catch (error) {
      const field = isAppError(error) ? error.details?.field : undefined;
      if (!isAppError(error) || typeof field !== "string") throw error;
      fieldRefusals.push({ path: field, message: error.message });
    }

  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const audit = await lockUndecidedAudit(tx, auditId);
      const checklist = checklistOf(audit.checklist);
      const stateRefusals: string[] = [];
      if (approving) {
        const notPassed = itemsNotPassed(checklist);
        if (decision === "approve" && notPassed.length > 0)
          stateRefusals.push(
            `Not every check has passed in the saved checklist (${notPassed.join("; ")}). Mark them and save the checklist, or approve with conditions, or reject.`,
          );
        const open = Object.values(checklist).some((item) => item.result === "open");
        if (decision === "approve-with-conditions" && open)
          stateRefusals.push(
            "Check every item first and save the checklist; conditions cover what failed, not what nobody looked at.",
          );
        if ((await tx.auditEvidence.count({ where: { auditId: audit.id } })) === 0)
          stateRefusals.push(
            "Attach the evidence first (the sample part's measurement report, photos, the call's protocol).",
          );
        const missing = await undeclaredCapabilities(tx, audit.supplierCompany.id);
        if (missing.length > 0)
          stateRefusals.push(
            `${audit.supplierCompany.name} has declared ${missing.join(", ")}: the matcher could never offer it a job. Ask it to complete its profile (processes, machines, materials, weekly hours), then decide.`,
          );
      }
      throwRefusals(fieldRefusals, stateRefusals);
      const status =
        decision === "approve"
          ? "APPROVED"
          : decision === "approve-with-conditions"
            ? "APPROVED_WITH_CONDITIONS"
            : "REJECTED";
      await moveAudit(tx, {
        auditId: audit.id,
        from: audit.status,
        to: status,
        set: {
          auditorId: actor.userId,
          decidedAt: now,
          expiresAt: approving ? new Date(`${expiresOn}T00:00:00Z`) : null,
          conditions: decision === "approve-with-conditions" ? conditions : null,
          decisionNote: note || null,
        },
      });

      const company = audit.supplierCompany;
      const orderIdsToMatch = new Set<string>();
      let companyStatus = company.status;
      if (approving) {
        companyStatus = "ACTIVE";
        await tx.company.update({
          where: { id: company.id },
          data: { status: "ACTIVE", suspendedReason: null },
        });
        if (probation)
          await startProbation(tx, {
            companyId: company.id,
            auditId: audit.id,
            actorUserId: actor.userId,
            terms: probation,
            now,
          });
        else
          await endProbations(tx, {
            companyId: company.id,
            actorUserId: actor.userId,
            reason: "Approved without conditions",
            now,
          });
        for (const orderId of await reopenUnmatchedLines(tx, company, actor.userId, "was approved"))
          orderIdsToMatch.add(orderId);
      } else if (company.status === "PENDING_AUDIT") {
        companyStatus = "REJECTED";
        await tx.company.update({ where: { id: company.id }, data: { status: "REJECTED" } });
        await revokeCompanySessions(tx, company.id, "rejected", now);
      } else if (company.status === "ACTIVE") {
        companyStatus = "SUSPENDED";
        const reason = `Audit rejected: ${note}`;
        await tx.company.update({
          where: { id: company.id },
          data: { status: "SUSPENDED", suspendedReason: reason },
        });
        await revokeCompanySessions(tx, company.id, "suspended", now);
        const withdrawn = await withdrawOpenOffers(tx, company.id, reason, actor.userId, now);
        for (const orderId of withdrawn.orderIds) orderIdsToMatch.add(orderId);
      }

      await recordAuditLog(tx, {
        actorUserId: actor.userId,
        companyId: company.id,
        action: "audit.decide",
        entityType: "SupplierAudit",
        entityId: audit.id,
        data: {
          decision: status,
          expiresOn: approving ? expiresOn : null,
          conditions: decision === "approve-with-conditions" ? conditions : null,
          note: note || null,
          companyStatus: `${company.status} → ${companyStatus}`,
        },
      });
      await queueCompanyEmail(tx, company.id, {
        subject: approving ? "Your audit is approved" : "Your audit was not approved",
        text: approving
          ? [
              `${company.name} is approved as a manufacturing partner until ${formatIsoDay(expiresOn)}.`,
              decision === "approve-with-conditions" ? `Conditions:\n${conditions}` : "",
              probation
                ? `Until we confirm the conditions are met (due by ${formatIsoDay(probation.conditionsDueOn)}) you are on probation: ${[
                    probation.maxOrderValueCents !== null
                      ? `jobs up to ${formatEuros(probation.maxOrderValueCents)} each`
                      : "",
                    probation.maxOpenJobs !== null
                      ? `at most ${probation.maxOpenJobs} open jobs at a time`
                      : "",
                  ]
                    .filter(Boolean)
                    .join(", ")}.`
                : "",
              `From now on we offer you jobs that fit your processes, machines and capacity: ${appUrl()}/supplier`,
            ]
              .filter(Boolean)
              .join("\n\n")
          : `We cannot approve ${company.name} as a manufacturing partner at this time.\n\nReasons:\n${note}\n\nReply to this e-mail if you would like to be audited again.\n\nYour profile: ${appUrl()}/supplier/profile`,
      });
      for (const orderId of orderIdsToMatch) await requestMatching(tx, orderId, "operations");
      return { status, orderIdsToMatch: [...orderIdsToMatch] };
    }),
  );
}
