import type { InvoiceTermsApplicationStatus } from "@/lib/db/generated/enums";

export const applicationStatusLabels: Record<InvoiceTermsApplicationStatus, string> = {
  PENDING: "Pending",
  APPROVED: "Approved",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};
