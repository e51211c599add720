import { may, type Permission } from "../auth/permissions";
import { AppError } from "../errors/app-error";
import type { SupplierEditor } from "./assert-supplier-admin";

const staffNames = { SUPPLIER_MEMBER: "production staff", SUPPLIER_FINANCE: "finance staff" } as const;

/**
 * For the changes a partner's admin shares with its production or finance staff (decision 0041): the
 * editor's role must hold the permission. `what` completes "Only an admin … of your company can …".
 */
export function assertSupplierMay(editor: SupplierEditor, permission: Permission, what: string): void {
  if (may(editor.role, permission)) return;
  const staff = (Object.keys(staffNames) as (keyof typeof staffNames)[])
    .filter((role) => may(role, permission))
    .map((role) => ` or ${staffNames[role]}`)
    .join("");
  throw new AppError(
    "forbidden",
    `Only an admin${staff} of your company can ${what}. Ask your admin to make the change.`,
  );
}
