import { ComplaintPhotos, MessageThread } from "@/app/_components/message-thread";
import { MessageForm } from "@/app/_components/message-form";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { getPrisma } from "@/lib/db/prisma";
import { loadJobMessages } from "@/lib/messages/load-job-messages";
import { ComplaintAnswerForm } from "./job-talk-forms";
import { postSupplierMessageAction } from "./talk-actions";
import styles from "./job-talk.module.css";

const outcome: Record<string, string> = { UPHELD: "Upheld", REJECTED: "Rejected", OPEN: "Open" };

/**
 * Issue 21 on the partner's job page: the buyer's complaints with their photos, the partner's answer
 * (a form until it answers) and operations' decision; and the job's messages with operations.
 */
export async function JobTalkSection({ orderLineId, companyId }: { orderLineId: string; companyId: string }) {
  const db = getPrisma();
  const [complaints, messages] = await Promise.all([
    db.complaint.findMany({
      where: { orderLineId, orderLine: { supplierCompanyId: companyId } },
      orderBy: { createdAt: "asc" },
    }),
    loadJobMessages(db, { thread: "PARTNER", orderLineId }),
  ]);
  return (
    <div className={styles.talk}>
      {complaints.length > 0 && (
        <section className="card" aria-labelledby="complaint-heading">
          <h2 id="complaint-heading">Complaint</h2>
          {complaints.map((complaint) => (
            <article key={complaint.id} className={styles.complaint} data-testid="job-complaint">
              <p className="hint">
                Filed {formatDeadline(complaint.createdAt)} · {outcome[complaint.status]}
              </p>
              <blockquote className={styles.quote}>{complaint.text}</blockquote>
              <ComplaintPhotos
                complaintId={complaint.id}
                count={complaint.photoStorageKeys.length}
                prefix="b"
                label="The buyer's photos"
              />
              {complaint.supplierAnsweredAt ? (
                <>
                  <h3>Your answer, {formatDeadline(complaint.supplierAnsweredAt)}</h3>
                  <blockquote className={styles.quote}>{complaint.supplierAnswer}</blockquote>
                  <ComplaintPhotos
                    complaintId={complaint.id}
                    count={complaint.supplierAnswerPhotoKeys.length}
                    prefix="p"
                    label="Your photos"
                  />
                </>
              ) : complaint.status === "OPEN" ? (
                <ComplaintAnswerForm
                  orderLineId={orderLineId}
                  complaintId={complaint.id}
                  until={
                    complaint.supplierAnswerDueAt ? formatDeadline(complaint.supplierAnswerDueAt) : "soon"
                  }
                />
              ) : null}
              {complaint.status !== "OPEN" && (
                <p data-testid="complaint-decision">
                  <strong>
                    Operations decided: {outcome[complaint.status]?.toLowerCase()}
                    {complaint.decidedAt ? `, ${formatDeadline(complaint.decidedAt)}` : ""}.
                  </strong>{" "}
                  {complaint.resolution}
                </p>
              )}
            </article>
          ))}
        </section>
      )}
      <section className="card" aria-labelledby="messages-heading">
        <h2 id="messages-heading">Messages with operations</h2>
        <MessageThread
          messages={messages}
          ourSide="SUPPLIER"
          empty="No messages yet. Questions about the drawing, material or dates go to operations here."
          labelledBy="messages-heading"
        />
        <MessageForm
          action={postSupplierMessageAction}
          hidden={{ orderLineId }}
          id={`partner-message-${orderLineId}`}
          label="Write to operations"
          hint="Operations answer here and pass on what the buyer needs to know. Contact details and names do not pass between companies."
          submit="Send to operations"
        />
      </section>
    </div>
  );
}
