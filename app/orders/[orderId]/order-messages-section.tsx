import { MessageForm } from "@/app/_components/message-form";
import { MessageThread } from "@/app/_components/message-thread";
import { getPrisma } from "@/lib/db/prisma";
import { loadJobMessages } from "@/lib/messages/load-job-messages";
import { postBuyerMessageAction } from "./message-actions";

/**
 * Issue 21 on the buyer's order page: questions to operations about the order and their answers. The
 * buyer never writes to the partner; operations pass on what it needs (docs/decisions/0042).
 */
export async function OrderMessagesSection({ orderId }: { orderId: string }) {
  const messages = await loadJobMessages(getPrisma(), { thread: "BUYER", orderId });
  return (
    <section className="card" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Questions about this order</h2>
      <MessageThread
        messages={messages}
        ourSide="BUYER"
        empty="Ask our operations team anything about this order: they answer here and ask the manufacturer for you."
        labelledBy="messages-heading"
      />
      <MessageForm
        action={postBuyerMessageAction}
        hidden={{ orderId }}
        id={`buyer-message-${orderId}`}
        label="Write to operations"
        hint="We answer within one working day, here and by e-mail."
        submit="Send"
      />
    </section>
  );
}
