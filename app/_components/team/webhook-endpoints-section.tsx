import type { CompanyKind } from "@/lib/db/generated/enums";
import { getPrisma } from "@/lib/db/prisma";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { loadWebhookEndpoints } from "@/lib/webhooks/load-webhook-endpoints";
import { webhookSignatureHeader } from "@/lib/webhooks/sign-webhook-payload";
import { webhookEventTypes, webhookEventTypesFor } from "@/lib/webhooks/webhook-event-types";
import {
  createWebhookEndpointAction,
  replayWebhookDeliveryAction,
  revokeWebhookEndpointAction,
} from "@/app/team/webhook-actions";
import {
  AddWebhookEndpointForm,
  DeleteWebhookEndpointForm,
  ReplayWebhookDeliveryForm,
} from "./webhook-endpoint-forms";
import { labelledChoices } from "./choice-checklist";
import styles from "./webhooks.module.css";

const statusWords = { PENDING: "waiting to retry", DELIVERED: "delivered", FAILED: "failed" } as const;

/**
 * The team pages' webhook card (issue 24, decision 0061), for admins (webhooks.manage): the company's
 * endpoints, each with its latest deliveries and every attempt (status, duration, what the receiver
 * answered), a button that sends a delivery again, and the form that adds one.
 */
export async function WebhookEndpointsSection({
  companyId,
  companyKind,
}: {
  companyId: string;
  companyKind: CompanyKind;
}) {
  const endpoints = await loadWebhookEndpoints(getPrisma(), companyId);
  const eventChoices = labelledChoices(webhookEventTypesFor(companyKind), webhookEventTypes);
  return (
    <section className={`card ${styles.section}`} aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p className="muted">
        Your systems hear of orders, jobs and invoices as they happen: we POST each event as JSON to your
        endpoints, signed with the endpoint&apos;s secret (HMAC-SHA256 over <code>timestamp.body</code> in the{" "}
        <code>{webhookSignatureHeader}</code> header, <code>t=…,v1=…</code>), and retry with growing waits
        until your endpoint answers 2xx. Every event has one id, the same on retries and when you send it
        again.
      </p>
      {endpoints.length === 0 && <p>No endpoints yet.</p>}
      {endpoints.map((endpoint) => (
        <article key={endpoint.id} className={styles.endpoint} aria-label={`Endpoint ${endpoint.url}`}>
          <div className={styles.endpointHead}>
            <span className={styles.url}>{endpoint.url}</span>
            <DeleteWebhookEndpointForm action={revokeWebhookEndpointAction} endpoint={endpoint} />
          </div>
          {endpoint.description && <p>{endpoint.description}</p>}
          <p className="muted">
            Events: {endpoint.events.join(", ")} · secret <code>{endpoint.secretStart}</code> · added{" "}
            {formatDeadline(endpoint.createdAt)}
          </p>
          {endpoint.deliveries.length === 0 ? (
            <p className="muted">No events sent yet.</p>
          ) : (
            <table className={styles.deliveries}>
              <caption className="visually-hidden">Latest deliveries to {endpoint.url}</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Status</th>
                  <th scope="col">Attempts</th>
                  <th scope="col">
                    <span className="visually-hidden">Send again</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {endpoint.deliveries.map((delivery) => (
                  <tr key={delivery.id}>
                    <td>
                      <code>{delivery.event.type}</code>
                      <span className={styles.excerpt}>
                        {delivery.event.id} · {formatDeadline(delivery.event.createdAt)}
                      </span>
                    </td>
                    <td>
                      {statusWords[delivery.status]}
                      {delivery.status === "PENDING" && delivery.nextAttemptAt && (
                        <span className={styles.excerpt}>next {formatDeadline(delivery.nextAttemptAt)}</span>
                      )}
                    </td>
                    <td>
                      <ul className={styles.attempts}>
                        {delivery.attempts.map((attempt) => (
                          <li key={attempt.id}>
                            {formatDeadline(attempt.startedAt)}: {attempt.responseStatus ?? "no answer"} in{" "}
                            {attempt.durationMs} ms{attempt.replay ? " (sent again)" : ""}
                            {(attempt.error ?? attempt.responseExcerpt) && (
                              <span className={styles.excerpt}>
                                {attempt.error && attempt.error !== `answered HTTP ${attempt.responseStatus}`
                                  ? attempt.error
                                  : attempt.responseExcerpt}
                              </span>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <ReplayWebhookDeliveryForm
                        action={replayWebhookDeliveryAction}
                        delivery={{ id: delivery.id, eventType: delivery.event.type }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      ))}
      <h3>Add an endpoint</h3>
      <AddWebhookEndpointForm action={createWebhookEndpointAction} eventChoices={eventChoices} />
    </section>
  );
}
