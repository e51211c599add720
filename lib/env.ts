import { z } from "zod";
import { platformBankVariables } from "./bank-transfers/platform-bank-variables";
import { datevVariables } from "./exports/datev/datev-variables";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const booleanText = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

/** `.env.example`'s AUTH_SECRET: a copied example must not sign sessions with a secret everyone knows. */
export const authSecretPlaceholder = "replace-me-with-at-least-32-random-characters";

/** The imprint's demo register number: while it is set, the imprint says its details are a demo's. */
export const demoRegisterNumber = "HRB 000000 B";

/** Every environment variable the application reads. `.env.example` lists them all with local values. */
export const environmentSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: z
      .url()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

    DATABASE_URL: optionalText.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// connection URL")
        .optional(),
    ),
    EMBEDDED_POSTGRES_DIR: z.string().min(1).default(".data/postgres"),
    EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),

    AUTH_SECRET: z
      .string({ error: "is required: a random string of at least 32 characters (openssl rand -base64 32)" })
      .min(32, "must be at least 32 characters long (openssl rand -base64 32)")
      // Anyone can read the example's placeholder, and with it sign a session cookie for any user.
      .refine(
        (value) => value !== authSecretPlaceholder,
        "is still the placeholder from .env.example, which anyone can read: put a random string in .env " +
          "(openssl rand -base64 32), or delete .env and `npm start` writes one",
      ),
    AUTH_TRUST_HOST: booleanText.default(true),
    /**
     * Encrypts webhook signing secrets at rest (decision 0069). Empty: a key derived from AUTH_SECRET, so
     * changing AUTH_SECRET then makes the stored secrets unreadable; set this to rotate the two apart.
     */
    WEBHOOK_SECRET_KEY: optionalText.pipe(
      z.string().min(32, "must be at least 32 characters long (openssl rand -base64 32)").optional(),
    ),

    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For. 0: the header is ignored
     * and the client address is the socket's (lib/auth/client-address.ts).
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Sign-up forms (buyers' and partners') accepted per client address and hour. One office behind one
     * address may need more; the end-to-end tests, which all sign up from localhost, raise it.
     */
    SIGN_UPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
    /**
     * Public API requests without a valid key (none, unknown, revoked, expired) per client address in any
     * 60 s; more answer 429 instead of 401 (decision 0075). Keyed requests count against their key instead.
     */
    API_UNKEYED_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),

    RUN_WORKER_IN_PROCESS: booleanText.default(true),
    /** Analysis refuses a file with more triangles than this before allocating its mesh. */
    ANALYSIS_MAX_TRIANGLES: z.coerce.number().int().positive().default(5_000_000),
    /** The heap limit of each analysis worker thread, in MB; a file that needs more fails alone. */
    ANALYSIS_WORKER_MEMORY_MB: z.coerce.number().int().min(128).default(1536),
    /** An analysis may take this base plus this much per MB of file, up to the maximum (decision 0046). */
    ANALYSIS_TIMEOUT_BASE_SECONDS: z.coerce.number().positive().default(20),
    ANALYSIS_TIMEOUT_SECONDS_PER_MB: z.coerce.number().min(0).default(10),
    ANALYSIS_TIMEOUT_MAX_SECONDS: z.coerce.number().positive().default(120),
    /**
     * Analysis worker threads (decisions 0049, 0071). Unset: one per core (at ANALYSIS_WORKER_NICE, below
     * the web server), at least 1, and no more than half the machine's memory allows at
     * ANALYSIS_WORKER_MEMORY_MB each.
     */
    ANALYSIS_WORKERS: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.coerce.number().int().min(1).max(64).optional(),
    ),
    /**
     * The analysis threads' CPU priority as a Unix nice value (Linux): above 0, the web server and the
     * database go first when every core is busy (decision 0071).
     */
    ANALYSIS_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
    /** A waiting file counts half as big for every this many seconds it waits: big files are not starved. */
    ANALYSIS_AGEING_HALF_LIFE_SECONDS: z.coerce.number().positive().default(5),
    /**
     * Files this big or bigger are "big": with two analysis workers or more, one worker is kept for smaller
     * files, so they never wait behind a big one (decision 0071).
     */
    ANALYSIS_BIG_FILE_BYTES: z.coerce.number().int().positive().default(524_288),
    /** Files of one buyer (company or visitor) analysed at the same time; the rest wait their turn. */
    ANALYSIS_MAX_CONCURRENT_PER_OWNER: z.coerce.number().int().positive().default(2),
    /** Stored files no row names are deleted by the daily check once they are this old. */
    STORAGE_ORPHAN_GRACE_HOURS: z.coerce.number().positive().default(24),

    STORAGE_DRIVER: z.enum(["local", "s3"]).default("local"),
    STORAGE_LOCAL_DIR: z.string().min(1).default(".data/files"),
    S3_BUCKET: optionalText,
    S3_REGION: optionalText,
    S3_ENDPOINT: optionalText.pipe(z.url().optional()),
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    S3_FORCE_PATH_STYLE: booleanText.default(false),
    UPLOAD_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(100 * 1024 * 1024),
    /** Visitors (no account) may upload this many files per hour, per visitor and per client address. */
    UPLOAD_VISITOR_FILES_PER_HOUR: z.coerce.number().int().positive().default(30),
    /** …and this many bytes per day, per visitor and per client address. */
    UPLOAD_VISITOR_BYTES_PER_DAY: z.coerce
      .number()
      .int()
      .positive()
      .default(500 * 1024 * 1024),
    /** Parts a visitor uploaded and never claimed by signing up or in are deleted (with their files) after this. */
    VISITOR_PART_RETENTION_DAYS: z.coerce.number().int().positive().default(30),

    STRIPE_SECRET_KEY: optionalText.pipe(
      z
        .string()
        .regex(/^(sk|rk)_(test|live)_/, "must be a Stripe secret key (sk_test_… or sk_live_…)")
        .optional(),
    ),
    STRIPE_WEBHOOK_SECRET: optionalText,
    /** The Connect endpoint's signing secret (/api/webhooks/stripe-connect): events about partners' accounts. */
    STRIPE_CONNECT_WEBHOOK_SECRET: optionalText,
    /** Another Stripe API endpoint than api.stripe.com, e.g. a local fake in tests: http://localhost:12111 */
    STRIPE_API_URL: optionalText.pipe(z.url().optional()),
    /**
     * What Stripe Checkout may offer (its allowed_payment_method_types, decision 0029), comma-separated:
     * "card" (the default, paid at once) and "sepa_debit" (confirmed by the bank days later; the order
     * waits as "payment processing"). Stripe offers only those also switched on in its Dashboard.
     */
    STRIPE_CHECKOUT_PAYMENT_METHODS: optionalText
      .transform((value) => [...new Set((value ?? "card").split(",").map((item) => item.trim()))])
      .pipe(
        z
          .array(
            z.enum(["card", "sepa_debit"], { error: "must list card and/or sepa_debit, comma-separated" }),
          )
          .min(1),
      ),

    /** VIES's REST endpoint that confirms EU VAT IDs (lib/vat/vies-client.ts); the tests point it at their fake. */
    VIES_URL: optionalText
      .pipe(z.url().optional())
      .transform((url) => url ?? "https://ec.europa.eu/taxation_customs/vies/rest-api/check-vat-number"),
    /** Longest wait for VIES; past it the VAT ID counts as unconfirmed (German VAT, re-checked later). */
    VIES_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4000),

    // Issue 24 (i24-hooks, decision 0061): webhook deliveries.
    /** Attempts of one webhook delivery before it counts as failed (a replay from the team page starts over). */
    WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
    /** The wait after the first failed attempt; each further one doubles it (30 s, 1 min, 2 min … ~1 h). */
    WEBHOOK_RETRY_BASE_SECONDS: z.coerce.number().positive().default(30),
    /** The longest wait between two attempts, whatever the doubling says. */
    WEBHOOK_RETRY_MAX_SECONDS: z.coerce
      .number()
      .positive()
      .default(6 * 3600),
    /** A receiver that has not answered after this counts as failed for this attempt. */
    WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    /** Lets endpoints on loopback or private addresses be registered and called outside development (tests). */
    WEBHOOK_ALLOW_PRIVATE_URLS: booleanText.default(false),

    SMTP_URL: optionalText,
    MAIL_FROM: z.string().default("Instant Quote <orders@localhost>"),
    /** Where complaints and manual quote requests are reported. */
    OPERATIONS_EMAIL: z.email().default("operations@instant-quote.example"),

    /** The platform as seller on invoices and credit notes, and as recipient on self-billing invoices. */
    PLATFORM_LEGAL_NAME: z.string().trim().min(1).default("Instant Quote GmbH"),
    /** Its postal address, lines separated by " | ": "Musterstrasse 1 | 10115 Berlin | Germany". */
    PLATFORM_ADDRESS: z.string().trim().min(1).default("Musterstrasse 1 | 10115 Berlin | Germany"),
    PLATFORM_VAT_NUMBER: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}[0-9A-Z]{2,13}$/, "must be a VAT number such as DE123456789")
      .default("DE000000000"),
    /** The platform's bank account for prepayments and invoices (lib/bank-transfers/). */
    ...platformBankVariables,
    /** Issue 24 (i24-exports): the header of the DATEV export (lib/exports/datev). */
    ...datevVariables,
    // The imprint (/imprint, § 5 DDG): who runs the platform. Demo defaults; set your own before going live.
    /** Managing directors (Geschäftsführer), comma-separated. */
    PLATFORM_MANAGING_DIRECTORS: z.string().trim().min(1).default("Erika Musterfrau, Max Mustermann"),
    /** The register court (Registergericht), e.g. "Amtsgericht Berlin-Charlottenburg". */
    PLATFORM_REGISTER_COURT: z.string().trim().min(1).default("Amtsgericht Berlin-Charlottenburg"),
    /** The commercial register entry (Handelsregister), e.g. "HRB 000000 B". */
    PLATFORM_REGISTER_NUMBER: z.string().trim().min(1).default(demoRegisterNumber),
    PLATFORM_CONTACT_EMAIL: z.email().default("info@instant-quote.example"),
    PLATFORM_CONTACT_PHONE: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()/-]{5,30}$/, "must be a phone number such as +49 30 1234567")
      .default("+49 30 0000000"),
  })
  .superRefine((value, context) => {
    if (value.STRIPE_SECRET_KEY && !value.STRIPE_WEBHOOK_SECRET)
      context.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message:
          "is required with STRIPE_SECRET_KEY: the webhook's signing secret (whsec_…), without which no payment is ever confirmed",
      });
    // A key switches Stripe payouts to partners on: their account events come only to the Connect endpoint.
    if (value.STRIPE_SECRET_KEY && !value.STRIPE_CONNECT_WEBHOOK_SECRET)
      context.addIssue({
        code: "custom",
        path: ["STRIPE_CONNECT_WEBHOOK_SECRET"],
        message:
          "is required with STRIPE_SECRET_KEY (Stripe payouts to partners are on): the signing secret (whsec_…) of the Connect webhook endpoint <APP_URL>/api/webhooks/stripe-connect, which receives account.updated for partners' accounts; STRIPE_WEBHOOK_SECRET cannot verify those events",
      });
    if (value.STORAGE_DRIVER === "s3") {
      for (const name of ["S3_BUCKET", "S3_REGION"] as const) {
        if (!value[name]) {
          context.addIssue({ code: "custom", path: [name], message: "is required when STORAGE_DRIVER=s3" });
        }
      }
    }
  });

export type Environment = z.infer<typeof environmentSchema>;

/** Thrown when the environment is invalid; the message names every bad variable and what it needs. */
export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvironmentError";
  }
}

export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const result = environmentSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join(".") || "(environment)";
    const message =
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    return `${name} ${message}`;
  });
  throw new EnvironmentError(problems);
}

let cachedEnvironment: Environment | undefined;

/** The parsed environment, read once per process. */
export function getEnv(): Environment {
  cachedEnvironment ??= parseEnvironment(process.env);
  return cachedEnvironment;
}

/** For tests and the start script, which change process.env after the first read. */
export function resetEnvCache(): void {
  cachedEnvironment = undefined;
}

/** The public base URL for links in e-mails and payment redirects, without a trailing slash. */
export function appUrl(): string {
  const env = getEnv();
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
}
