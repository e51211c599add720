import type { ReactNode } from "react";
import { requirePermission } from "@/lib/auth/require-permission";

export default async function OpsLayout({ children }: { children: ReactNode }) {
  await requirePermission("ops.console", "/ops");
  return children;
}
