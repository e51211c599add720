"use client";

import { FormMessages } from "@/app/_components/form-messages";
import { useFormAction } from "@/lib/forms/use-form-action";
import { decideCounterofferAction } from "./counteroffer-actions";
import styles from "./order.module.css";

/** Accept or decline buttons for one counteroffer; one action, the button says which. */
export function CounterofferDecisionForm({ counterofferId }: { counterofferId: string }) {
  const form = useFormAction(decideCounterofferAction);
  return (
    <form {...form.props} className={styles.counterofferDecision}>
      <FormMessages state={form.messages} />
      <input type="hidden" name="counterofferId" value={counterofferId} />
      <button type="submit" name="decision" value="accept" disabled={form.pending}>
        Accept the new date
      </button>
      <button type="submit" name="decision" value="decline" className="secondary" disabled={form.pending}>
        Decline
      </button>
    </form>
  );
}
