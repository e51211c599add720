import type { UserRole } from "../db/generated/enums";

declare module "next-auth" {
  interface User {
    companyId?: string;
    role?: UserRole;
    sessionId?: string;
  }
  interface Session {
    user: {
      id: string;
      userId: string;
      /** The UserSession row every request checks (lib/auth/load-session-user.ts). */
      sessionId: string;
      companyId: string;
      role: UserRole;
      name?: string | null;
      email?: string | null;
    };
  }
}
