import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { homePathForRole } from "@/lib/auth/roles";

/** Where sign-in lands without a callback: each role's own home. */
export default async function AfterSignInPage() {
  const user = await getCurrentUser();
  redirect(user ? homePathForRole(user.role) : "/sign-in");
}
