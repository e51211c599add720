import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { shift } from "@/quoting-engine/pricing/working-days";
import { formatDay, formatMoment } from "@/app/_components/format-dates";
import { requirePermission } from "@/lib/auth/require-permission";
import { getPrisma } from "@/lib/db/prisma";
import { orNotFoundPage } from "@/lib/errors/or-not-found-page";
import { formatEuros } from "@/lib/money/format-euros";
import { loadManualQuoteRequest } from "@/lib/quotes/load-manual-quote-request";
import { manualQuoteStatusLabels } from "@/lib/quotes/manual-quote-status-labels";
import { quoteDay } from "@/lib/quotes/quote-day";
import { AnswerManualQuoteForm, DeclineManualQuoteForm } from "./manual-quote-forms";
import { RequestPartView } from "./request-part-view";
import requestNotesStyles from "@/app/_components/request-notes.module.css";
import priceStyles from "@/app/_components/price.module.css";
import workspaceStyles from "@/app/_components/workspace.module.css";
import factsStyles from "@/app/_components/facts.module.css";
import pageHeadStyles from "@/app/_components/page-head.module.css";
import styles from "./quote-request.module.css";
import { badgeClass } from "@/app/_components/status-badge";
import { formatDeadline } from "@/lib/dates/format-deadline";

export const metadata: Metadata = { title: "Quote request · operations" };

const doneSchema = z.enum(["answered", "declined"]);
const notices: Record<z.infer<typeof doneSchema>, string> = {
  answered: "The quote is sent: the buyer got an e-mail and finds it on the part's page, ready for the cart.",
  declined: "The request is declined; the buyer got an e-mail with the reason.",
};
const searchSchema = z.object({ done: doneSchema.optional().catch(undefined) });

const euros = (cents: number) => (cents / 100).toFixed(2);

export default async function OpsQuoteRequestPage({
  params,
  searchParams,
}: {
  params: Promise<{ requestId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { requestId } = await params;
  await requirePermission("ops.console", `/ops/quotes/${requestId}`);
  const { done } = searchSchema.parse(await searchParams);
  const today = quoteDay();
  const request = await orNotFoundPage(loadManualQuoteRequest(getPrisma(), requestId, today));
  const { part, optionsInWords: wanted, suggestion, engine } = request;
  const fileUrl = (file: string) => `/api/v1/ops/manual-quotes/${request.id}/${file}`;
  const quote = request.answeredQuote;
  return (
    <>
      {done && (
        <div className="alert ok confirmation" role="status">
          {notices[done]}
        </div>
      )}
      <p className="muted">
        <Link href="/ops/quotes">← Quote requests</Link>
      </p>
      <div className={pageHeadStyles.pageHead}>
        <h1 className="file-name">{part.originalFileName}</h1>
        <span className={badgeClass(request.status)} data-testid="request-status">
          {manualQuoteStatusLabels[request.status]}
        </span>
      </div>
      <div className={`${workspaceStyles.workspace} ${styles.manualQuote}`}>
        <div className={workspaceStyles.workspaceModel}>
          <RequestPartView
            meshUrl={part.hasDisplayMesh ? fileUrl("display-mesh") : null}
            fileName={part.originalFileName}
            processName={wanted.process}
            unreadable={part.status === "FAILED"}
            findings={request.findings.map(({ id, code, severity, message, faces }) => ({
              id,
              code,
              severity,
              message,
              faces,
            }))}
          />
          <section className="card" aria-labelledby="part-heading">
            <h2 id="part-heading">The part</h2>
            <dl className={factsStyles.facts}>
              {part.sizeMm && (
                <>
                  <dt>Size</dt>
                  <dd data-testid="request-part-size">
                    {part.sizeMm.map((mm) => mm.toFixed(1)).join(" × ")} mm
                  </dd>
                </>
              )}
              {part.volumeCm3 !== null && (
                <>
                  <dt>Volume</dt>
                  <dd>{part.volumeCm3.toFixed(2)} cm³</dd>
                </>
              )}
              <dt>Files</dt>
              <dd className={styles.fileLinks}>
                <a href={fileUrl("cad")}>CAD file ({part.format})</a>
                {request.drawingFileName ? (
                  <a href={fileUrl("drawing")}>Drawing: {request.drawingFileName}</a>
                ) : (
                  <span className="muted">no drawing attached</span>
                )}
              </dd>
            </dl>
            {request.notices.length > 0 && (
              <ul className={priceStyles.warnings}>
                {request.notices.map((notice) => (
                  <li key={notice.code}>{notice.message}</li>
                ))}
              </ul>
            )}
            <p className="hint">Every download is recorded in the audit log.</p>
          </section>
        </div>

        <div className={workspaceStyles.workspaceQuote}>
          <section className="card" aria-labelledby="wanted-heading">
            <h2 id="wanted-heading">What the buyer asks for</h2>
            <dl className={factsStyles.facts}>
              <dt>From</dt>
              <dd>
                {request.requestedBy ? (
                  <>
                    {request.requestedBy.name}, {request.requestedBy.company.name}
                    <br />
                  </>
                ) : (
                  <>
                    A visitor without an account
                    <br />
                  </>
                )}
                <a href={`mailto:${request.contactEmail}`}>{request.contactEmail}</a>
              </dd>
              <dt>Asked</dt>
              <dd>{formatMoment(request.createdAt)}</dd>
              <dt>Process</dt>
              <dd>{wanted.process}</dd>
              <dt>Material</dt>
              <dd>{wanted.material}</dd>
              <dt>Finish</dt>
              <dd>{wanted.finish}</dd>
              <dt>Tolerance</dt>
              <dd>{wanted.tolerance}</dd>
              <dt>Quantity</dt>
              <dd>{wanted.quantity} pcs</dd>
              <dt>Wanted by</dt>
              <dd>{wanted.deliveryDate ?? "no date given"}</dd>
            </dl>
            <h3>Notes</h3>
            <p className={requestNotesStyles.requestNotes}>{request.notes}</p>
          </section>

          <section className="card" aria-labelledby="engine-heading">
            <h2 id="engine-heading">Why the engine did not price it</h2>
            {engine.pricedNow ? (
              <p className="alert ok">The engine prices these options today (the settings changed since).</p>
            ) : engine.reasons.length > 0 ? (
              <ul className={priceStyles.warnings} data-testid="engine-reasons">
                {engine.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">The part has no analysis.</p>
            )}
            <h3>Suggested price</h3>
            {suggestion.ok ? (
              <>
                <dl className={factsStyles.facts} data-testid="suggestion">
                  <dt>Buyer</dt>
                  <dd>
                    {formatEuros(suggestion.unitPriceCents)} per part ·{" "}
                    {formatEuros(suggestion.totalPriceCents)} for {wanted.quantity}
                  </dd>
                  <dt>Partner</dt>
                  <dd>
                    {formatEuros(suggestion.supplierUnitCostCents)} per part ·{" "}
                    {formatEuros(suggestion.supplierTotalCostCents)}
                  </dd>
                  <dt>Machine hours</dt>
                  <dd>{suggestion.estimatedMachineHours} h</dd>
                  <dt>Delivery</dt>
                  <dd>
                    {suggestion.deliveryDate} (earliest {suggestion.earliestDate})
                  </dd>
                </dl>
                {suggestion.assumptions.length > 0 && (
                  <>
                    <p className="hint">The engine priced it only by overlooking:</p>
                    <ul className={priceStyles.warnings}>
                      {suggestion.assumptions.map((assumption) => (
                        <li key={assumption}>{assumption}</li>
                      ))}
                    </ul>
                  </>
                )}
              </>
            ) : (
              <p className="muted">No suggestion: {suggestion.message}</p>
            )}
            <p className="hint">Pricing settings version {request.settingsVersion}.</p>
          </section>

          {request.status === "OPEN" && (
            <section className="card">
              {request.quoteCompany ? (
                <AnswerManualQuoteForm
                  requestId={request.id}
                  quantity={wanted.quantity}
                  tomorrow={shift(today, 1)}
                  defaults={{
                    unitPriceEuros: suggestion.ok ? euros(suggestion.unitPriceCents) : "",
                    supplierUnitCostEuros: suggestion.ok ? euros(suggestion.supplierUnitCostCents) : "",
                    deliveryDate: suggestion.ok ? suggestion.deliveryDate : (wanted.deliveryDate ?? ""),
                    validityDays: request.defaultValidityDays,
                    estimatedMachineHours: suggestion.ok ? String(suggestion.estimatedMachineHours) : "",
                  }}
                />
              ) : (
                <div className="alert warn" role="note">
                  This request came from a visitor without an account, so a quote cannot be put in a cart.
                  E-mail the price to <a href={`mailto:${request.contactEmail}`}>{request.contactEmail}</a>{" "}
                  and ask them to sign up, or decline the request.
                </div>
              )}
              <DeclineManualQuoteForm requestId={request.id} open={!request.quoteCompany} />
            </section>
          )}

          {request.status === "ANSWERED" && quote && (
            <section className="card" aria-labelledby="answer-heading">
              <h2 id="answer-heading">Our quote</h2>
              <dl className={factsStyles.facts} data-testid="answered-quote">
                <dt>Buyer</dt>
                <dd>
                  {formatEuros(quote.unitPriceCents)} per part · {formatEuros(quote.totalPriceCents)} for{" "}
                  {quote.quantity}
                </dd>
                <dt>Partner</dt>
                <dd>{formatEuros(quote.supplierTotalCostCents)}</dd>
                <dt>Delivery</dt>
                <dd>{formatDay(quote.deliveryDate)}</dd>
                <dt>Valid until</dt>
                <dd>{formatDeadline(quote.validUntil)}</dd>
                <dt>Status</dt>
                <dd>
                  {quote.status === "ORDERED"
                    ? "Ordered"
                    : quote.status === "ACTIVE" && quote.validUntil >= new Date()
                      ? "Not ordered yet"
                      : "Expired"}
                </dd>
                <dt>Sent</dt>
                <dd>
                  {request.answeredAt && formatMoment(request.answeredAt)} by{" "}
                  {request.answeredBy?.name ?? "–"}
                </dd>
              </dl>
              {request.answerNote && <p className={requestNotesStyles.requestNotes}>{request.answerNote}</p>}
            </section>
          )}

          {request.status === "DECLINED" && (
            <section className="card" aria-labelledby="decline-heading">
              <h2 id="decline-heading">Declined</h2>
              <p className={requestNotesStyles.requestNotes}>{request.declineReason}</p>
              <p className="hint">
                {request.answeredAt && formatMoment(request.answeredAt)} by {request.answeredBy?.name ?? "–"}
              </p>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
