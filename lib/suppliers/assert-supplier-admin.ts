import type { UserRole } from "../db/generated/enums";
import { AppError } from "../errors/app-error";

/** Who changes a supplier's profile: always within the user's own company. */
export interface SupplierEditor {
  userId: string;
  companyId: string;
  role: UserRole;
}

/**
 * Only a supplier's admin changes what the matcher relies on; staff see the profile read-only.
 * `what` completes "Only an admin of your company can …".
 */
export function assertSupplierAdmin(editor: SupplierEditor, what: string): void {
  if (editor.role !== "SUPPLIER_ADMIN")
    throw new AppError(
      "forbidden",
      `Only an admin of your company can ${what}. Ask your admin to make the change.`,
    );
}
