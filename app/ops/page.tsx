import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/require-permission";

export default async function OpsHomePage() {
  await requirePermission("ops.console", "/ops");
  redirect("/ops/exceptions");
}
