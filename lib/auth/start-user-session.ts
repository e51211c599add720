import type { Database } from "../db/prisma";

/** A session row for one sign-in; its id goes into the session cookie (lib/auth/auth.ts). */
export async function startUserSession(
  db: Database,
  userId: string,
  ipAddress: string,
  now = new Date(),
): Promise<string> {
  const session = await db.userSession.create({
    data: { userId, ipAddress, createdAt: now },
    select: { id: true },
  });
  return session.id;
}
