import type { UserRole } from "../db/generated/enums";

declare module "next-auth" {
  interface User {
    companyId?: string;
    role?: UserRole;
  }
  interface Session {
    user: {
      id: string;
      userId: string;
      companyId: string;
      role: UserRole;
      name?: string | null;
      email?: string | null;
    };
  }
}
