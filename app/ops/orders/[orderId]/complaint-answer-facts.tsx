import { ComplaintPhotos } from "@/app/_components/message-thread";
import { formatDeadline } from "@/lib/dates/format-deadline";
import styles from "./ops-order.module.css";

type ComplaintWithAnswer = {
  id: string;
  status: string;
  photoStorageKeys: string[];
  supplierAnswer: string | null;
  supplierAnswerPhotoKeys: string[];
  supplierAnsweredAt: Date | null;
  supplierAnswerDueAt: Date | null;
  earlyDecisionReason: string | null;
};

/**
 * What operations read before deciding a complaint: the buyer's photos, then the partner's answer with
 * its photos, or until when the partner may still answer (docs/decisions/0042).
 */
export function ComplaintAnswerFacts({ complaint }: { complaint: ComplaintWithAnswer }) {
  const due = complaint.supplierAnswerDueAt;
  return (
    <>
      <ComplaintPhotos
        complaintId={complaint.id}
        count={complaint.photoStorageKeys.length}
        prefix="b"
        label="The buyer's photos"
      />
      {complaint.supplierAnsweredAt ? (
        <div data-testid="supplier-answer">
          <h4>The partner&apos;s answer, {formatDeadline(complaint.supplierAnsweredAt)}</h4>
          <blockquote className={styles.complaintText}>{complaint.supplierAnswer}</blockquote>
          <ComplaintPhotos
            complaintId={complaint.id}
            count={complaint.supplierAnswerPhotoKeys.length}
            prefix="p"
            label="The partner's photos"
          />
        </div>
      ) : complaint.status === "OPEN" ? (
        <p className="hint" data-testid="supplier-answer">
          {due && due > new Date()
            ? `The partner has not answered yet; it may answer until ${formatDeadline(due)}.`
            : `The partner did not answer${due ? ` by ${formatDeadline(due)}` : ""}; you may decide.`}
        </p>
      ) : null}
      {complaint.earlyDecisionReason && (
        <p className="hint">Decided before the partner&apos;s answer: {complaint.earlyDecisionReason}</p>
      )}
    </>
  );
}
