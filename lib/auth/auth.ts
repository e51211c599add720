import "server-only";
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { z } from "zod";
import { userRoles } from "./permissions";
import { completeRegistration } from "../companies/complete-registration";
import { getPrisma } from "../db/prisma";
import { isAppError } from "../errors/app-error";
import { getEnv } from "../env";
import { getLogger } from "../logging/logger";
import { claimVisitorParts } from "../parts/claim-visitor-parts";
import { visitorTokenFrom } from "../parts/visitor-token";
import { clientAddressFrom } from "./client-address";
import {
  deviceCookieMaxAgeSeconds,
  deviceCookieName,
  deviceIdFromCookie,
  newDeviceCookie,
} from "./device-cookie";
import { revokeSession } from "./revoke-sessions";
import { authCookieSecurity } from "./auth-cookie-security";
import { areaForRole } from "./roles";
import { startUserSession } from "./start-user-session";
import { credentialsSchema, verifyCredentials, type SessionIdentity } from "./verify-credentials";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}

class UnusableRegistrationLink extends CredentialsSignin {
  code = "registration_link";
}

class TooManyAttempts extends CredentialsSignin {
  constructor(readonly retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

const tokenIdentitySchema = z.object({
  userId: z.string(),
  sessionId: z.string(),
  companyId: z.string(),
  role: z.enum(userRoles),
});

/**
 * What a verified sign-in leads to: a session row (its id in the cookie), the device cookie that keeps
 * this browser out of the account's shared rate-limit bucket, and, for a buyer, this browser's visitor
 * uploads handed to the company.
 */
async function signedInUser(identity: SessionIdentity, request: Request, ipAddress: string) {
  const cookieJar = await cookies();
  const name = deviceCookieName(identity.email);
  if (!deviceIdFromCookie(identity.email, cookieJar.get(name)?.value, getEnv().AUTH_SECRET)) {
    cookieJar.set(name, newDeviceCookie(identity.email, getEnv().AUTH_SECRET).value, {
      httpOnly: true,
      sameSite: "lax",
      secure: getEnv().APP_URL?.startsWith("https://") ?? false,
      path: "/",
      maxAge: deviceCookieMaxAgeSeconds,
    });
  }
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
    sessionId: await startUserSession(getPrisma(), identity.userId, ipAddress),
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: getEnv().AUTH_SECRET,
  trustHost: getEnv().AUTH_TRUST_HOST,
  ...authCookieSecurity(getEnv().APP_URL),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an expected outcome, answered on the form and counted for rate limiting.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      // A post without Auth.js's CSRF token is refused by Auth.js: a client's mistake or a probe, not ours.
      if (error instanceof AuthError && error.type === "MissingCSRF") {
        getLogger().info({ code: "missing_csrf" }, "auth request refused");
        return;
      }
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
        const ipAddress = clientAddressFrom(request.headers);
        const email = credentialsSchema.shape.email.safeParse(credentials.email);
        const deviceId = email.success
          ? deviceIdFromCookie(
              email.data,
              (await cookies()).get(deviceCookieName(email.data))?.value,
              getEnv().AUTH_SECRET,
            )
          : undefined;
        const verdict = await verifyCredentials(getPrisma(), credentials, ipAddress, { deviceId });
        if (verdict.ok) return signedInUser(verdict.identity, request, ipAddress);
        if (verdict.reason === "rate_limited") {
          throw new TooManyAttempts(verdict.retryAfterSeconds);
        }
        throw new InvalidCredentials();
      },
    }),
    Credentials({
      // The link from the sign-up e-mail: it creates the account and signs its owner in, once.
      id: "registration",
      credentials: { token: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const link = z
          .object({ token: z.string().min(1).max(200), password: z.string().min(1).max(200) })
          .safeParse(credentials);
        if (!link.success) throw new UnusableRegistrationLink();
        const { token, password } = link.data;
        const created = await completeRegistration(getPrisma(), token, password).catch((error: unknown) => {
          if (isAppError(error)) throw new UnusableRegistrationLink();
          throw error;
        });
        const user = await getPrisma().user.update({
          where: { id: created.userId },
          data: { lastSignInAt: new Date() },
        });
        return signedInUser(
          { userId: user.id, email: user.email, name: user.name, companyId: user.companyId, role: user.role },
          request,
          clientAddressFrom(request.headers),
        );
      },
    }),
  ],
  events: {
    // Only this browser's session ends; the cookie, even if copied, is refused from the next request on.
    async signOut(message) {
      const sessionId = "token" in message ? message.token?.sessionId : undefined;
      if (typeof sessionId === "string") await revokeSession(getPrisma(), sessionId, "sign_out");
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const identity = tokenIdentitySchema.parse({
          userId: user.id,
          sessionId: user.sessionId,
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
