"use server";

import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { homePathForRole } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/prisma";
import { formAction } from "@/lib/forms/form-action";
import { formText } from "@/lib/forms/form-fields";
import { acceptInvitation } from "@/lib/team/accept-invitation";

export const acceptInvitationAction = formAction(
  "public",
  z.object({ token: formText, name: formText, password: formText }),
  async ({ token, name, password }) => {
    const { email, role } = await acceptInvitation(getPrisma(), token, { name, password });
    await signIn("credentials", { email, password, redirectTo: homePathForRole(role) });
  },
  { failure: "create your account" },
);
