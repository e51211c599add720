import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getPrisma } from "../db/prisma";
import { getEnv } from "../env";
import { getLogger } from "../logging/logger";
import { claimVisitorParts } from "../parts/claim-visitor-parts";
import { visitorTokenFrom } from "../parts/visitor-token";
import { clientAddressFrom } from "./client-address";
import { areaForRole } from "./roles";
import { verifyCredentials } from "./verify-credentials";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

class TooManyAttempts extends CredentialsSignin {
  constructor(readonly retryAfterMinutes: number) {
    super();
    this.code = `rate_limited:${retryAfterMinutes}`;
  }
}

const tokenIdentitySchema = z.object({
  userId: z.string(),
  companyId: z.string(),
  role: z.enum([
    "BUYER_ADMIN",
    "BUYER_PURCHASER",
    "BUYER_ENGINEER",
    "SUPPLIER_ADMIN",
    "SUPPLIER_MEMBER",
    "OPERATIONS",
  ]),
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getEnv().AUTH_SECRET,
  trustHost: getEnv().AUTH_TRUST_HOST,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome, answered on the form and counted for rate limiting.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      getLogger().error({ err: error }, "auth error");
    },
    warn(code) {
      getLogger().warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const verdict = await verifyCredentials(getPrisma(), credentials, clientAddressFrom(request.headers));
        if (verdict.ok) {
          const { identity } = verdict;
          // A buyer who signs up or in keeps the parts this browser uploaded as a visitor.
          if (areaForRole(identity.role) === "buyer")
            await claimVisitorParts(getPrisma(), visitorTokenFrom(request), {
              companyId: identity.companyId,
              userId: identity.userId,
            });
          return {
            id: identity.userId,
            email: identity.email,
            name: identity.name,
            companyId: identity.companyId,
            role: identity.role,
          };
        }
        if (verdict.reason === "rate_limited") throw new TooManyAttempts(verdict.retryAfterMinutes);
        throw new InvalidCredentials();
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const identity = tokenIdentitySchema.parse({
          userId: user.id,
          companyId: user.companyId,
          role: user.role,
        });
        return { ...token, ...identity };
      }
      return token;
    },
    session({ session, token }) {
      const identity = tokenIdentitySchema.safeParse(token);
      if (identity.success) {
        Object.assign(session.user, { id: identity.data.userId, ...identity.data });
      }
      return session;
    },
  },
}));
