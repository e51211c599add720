import { redirect } from "next/navigation";
import { requireArea } from "@/lib/auth/current-user";

export default async function OpsHomePage() {
  await requireArea("ops", "/ops");
  redirect("/ops/exceptions");
}
