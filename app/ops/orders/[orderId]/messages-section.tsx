import { MessageForm } from "@/app/_components/message-form";
import { MessageThread } from "@/app/_components/message-thread";
import { formatDeadline } from "@/lib/dates/format-deadline";
import { getPrisma } from "@/lib/db/prisma";
import { loadJobMessages } from "@/lib/messages/load-job-messages";
import { postOpsBuyerMessageAction, postOpsSupplierMessageAction } from "./message-actions";

type Line = { id: string; part: { originalFileName: string }; supplierCompany: { name: string } | null };

/**
 * Issue 21 on the operations order page: the buyer's thread (questions about the whole order) and one
 * thread per line with its partner. A buyer's question reaches a partner only as operations' own message
 * in that line's thread, marked as passing it on (docs/decisions/0042).
 */
export async function MessagesSection({ orderId, lines }: { orderId: string; lines: Line[] }) {
  const db = getPrisma();
  const buyerMessages = await loadJobMessages(db, { thread: "BUYER", orderId }, { withNames: true });
  const lineThreads = await Promise.all(
    lines
      .filter((line) => line.supplierCompany)
      .map(async (line) => ({
        line,
        messages: await loadJobMessages(db, { thread: "PARTNER", orderLineId: line.id }, { withNames: true }),
      })),
  );
  const questions = buyerMessages.filter((message) => message.authorSide === "BUYER");
  return (
    <section aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages</h2>
      <article className="card" aria-labelledby="buyer-thread-heading">
        <h3 id="buyer-thread-heading">With the buyer</h3>
        <MessageThread
          messages={buyerMessages}
          ourSide="OPERATIONS"
          empty="The buyer has not written."
          labelledBy="buyer-thread-heading"
        />
        <MessageForm
          action={postOpsBuyerMessageAction}
          hidden={{ orderId }}
          id={`ops-buyer-message-${orderId}`}
          label="Write to the buyer"
          hint="E-mailed to the person who placed the order, with a link. Partners' names and contact details are refused."
          submit="Send to the buyer"
        />
      </article>
      {lineThreads.map(({ line, messages }) => (
        <article key={line.id} className="card" aria-labelledby={`partner-thread-${line.id}`}>
          <h3 id={`partner-thread-${line.id}`}>
            With the partner {line.supplierCompany!.name} about{" "}
            <span className="file-name">{line.part.originalFileName}</span>
          </h3>
          <MessageThread
            messages={messages}
            ourSide="OPERATIONS"
            empty="No messages with this partner."
            labelledBy={`partner-thread-${line.id}`}
          />
          <MessageForm
            action={postOpsSupplierMessageAction}
            hidden={{ orderId, orderLineId: line.id }}
            id={`ops-partner-message-${line.id}`}
            label={`Write to the partner about ${line.part.originalFileName}`}
            hint="E-mailed to the partner with a link to its job. The buyer's names and contact details are refused."
            submit="Send to the partner"
          >
            {questions.length > 0 && (
              <div className="field">
                <label htmlFor={`forward-${line.id}`}>Passes on the buyer&apos;s question (optional)</label>
                <select id={`forward-${line.id}`} name="forwardedFromId" defaultValue="">
                  <option value="">None</option>
                  {questions.map((question) => (
                    <option key={question.id} value={question.id}>
                      {formatDeadline(question.createdAt)}: {question.text.slice(0, 60)}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </MessageForm>
        </article>
      ))}
    </section>
  );
}
