import type { ReactNode } from "react";
import { requireArea } from "@/lib/auth/current-user";

export default async function SupplierLayout({ children }: { children: ReactNode }) {
  await requireArea("supplier", "/supplier");
  return children;
}
