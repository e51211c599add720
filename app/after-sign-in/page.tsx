import { redirect } from "next/navigation";
import { requirePermission } from "@/lib/auth/require-permission";
import { homePathForRole } from "@/lib/auth/roles";

/** Where sign-in lands without a callback: each role's own home. */
export default async function AfterSignInPage() {
  const user = await requirePermission("account.signedIn", "/after-sign-in");
  redirect(homePathForRole(user.role));
}
