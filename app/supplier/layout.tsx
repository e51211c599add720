import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/require-permission";

export default async function SupplierLayout({ children }: { children: ReactNode }) {
  await requirePermission("supplier.portal", "/supplier");
  return children;
}
