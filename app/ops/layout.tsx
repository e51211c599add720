import type { ReactNode } from "react";
import { requireArea } from "@/lib/auth/current-user";

export default async function OpsLayout({ children }: { children: ReactNode }) {
  await requireArea("ops", "/ops");
  return children;
}
