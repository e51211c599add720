import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import playwrightConfig from "../playwright.config";
import { demoRegisterNumber, EnvironmentError, parseEnvironment } from "./env";

const validSecret = "x".repeat(32);

describe("parseEnvironment", () => {
  it("refuses the AUTH_SECRET of .env.example, which anyone can read, and says how to get a secret", () => {
    // A newcomer who copies .env.example to .env by hand keeps its placeholder (45 characters, long
    // enough): every session cookie would be signed with a secret published in the repository.
    const exampleSecret = /^AUTH_SECRET=(.*)$/m.exec(readFileSync(".env.example", "utf8"))?.[1];
    expect(exampleSecret).toBeDefined();
    expect(() => parseEnvironment({ AUTH_SECRET: exampleSecret })).toThrow(
      /AUTH_SECRET is still the placeholder from \.env\.example.*openssl rand -base64 32/,
    );
  });

  it("fills working defaults for a local start", () => {
    const env = parseEnvironment({ AUTH_SECRET: validSecret });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.EMBEDDED_POSTGRES_DIR).toBe(".data/postgres");
    expect(env.STORAGE_DRIVER).toBe("local");
    expect(env.RUN_WORKER_IN_PROCESS).toBe(true);
    expect(env.UPLOAD_MAX_BYTES).toBe(100 * 1024 * 1024);
    expect(env.PLATFORM_VAT_NUMBER).toBe("DE000000000");
  });

  it("limits sign-ups to 10 per address and hour unless told otherwise", () => {
    expect(parseEnvironment({ AUTH_SECRET: validSecret }).SIGN_UPS_PER_ADDRESS_PER_HOUR).toBe(10);
    expect(
      parseEnvironment({ AUTH_SECRET: validSecret, SIGN_UPS_PER_ADDRESS_PER_HOUR: "50" })
        .SIGN_UPS_PER_ADDRESS_PER_HOUR,
    ).toBe(50);
    expect(() => parseEnvironment({ AUTH_SECRET: validSecret, SIGN_UPS_PER_ADDRESS_PER_HOUR: "0" })).toThrow(
      /SIGN_UPS_PER_ADDRESS_PER_HOUR/,
    );
  });

  it("gives the end-to-end server a valid environment whose sign-up limit a failing journey's retries cannot reach", () => {
    // Every journey signs up from localhost: with the default 10, one retry cascaded into 429s.
    const servers = [playwrightConfig.webServer ?? []].flat();
    const app = servers.find((server) => server.command.includes("scripts/start.ts"));
    const env = parseEnvironment(app!.env!);
    expect(env.SIGN_UPS_PER_ADDRESS_PER_HOUR).toBeGreaterThanOrEqual(500);
  });

  it("takes the seller's details for invoices and refuses a VAT number that is not one", () => {
    const env = parseEnvironment({
      AUTH_SECRET: validSecret,
      PLATFORM_LEGAL_NAME: "Teilefabrik Online GmbH",
      PLATFORM_ADDRESS: "Hafenstraße 12 | 20457 Hamburg | Germany",
      PLATFORM_VAT_NUMBER: "DE812345678",
    });
    expect(env).toMatchObject({
      PLATFORM_LEGAL_NAME: "Teilefabrik Online GmbH",
      PLATFORM_VAT_NUMBER: "DE812345678",
    });
    expect(() => parseEnvironment({ AUTH_SECRET: validSecret, PLATFORM_VAT_NUMBER: "812345678" })).toThrow(
      /PLATFORM_VAT_NUMBER must be a VAT number such as DE123456789/,
    );
  });

  it("has demo imprint details by default, takes real ones, and refuses a contact that is not one", () => {
    const demo = parseEnvironment({ AUTH_SECRET: validSecret });
    expect(demo.PLATFORM_REGISTER_NUMBER).toBe(demoRegisterNumber);
    expect(demo.PLATFORM_CONTACT_EMAIL).toBe("info@instant-quote.example");
    const real = parseEnvironment({
      AUTH_SECRET: validSecret,
      PLATFORM_MANAGING_DIRECTORS: "Jana Fischer",
      PLATFORM_REGISTER_COURT: "Amtsgericht Hamburg",
      PLATFORM_REGISTER_NUMBER: "HRB 123456",
      PLATFORM_CONTACT_EMAIL: "kontakt@teilefabrik.example",
      PLATFORM_CONTACT_PHONE: "+49 40 1234567-0",
    });
    expect(real).toMatchObject({
      PLATFORM_REGISTER_NUMBER: "HRB 123456",
      PLATFORM_CONTACT_PHONE: "+49 40 1234567-0",
    });
    expect(() => parseEnvironment({ AUTH_SECRET: validSecret, PLATFORM_CONTACT_EMAIL: "kontakt" })).toThrow(
      /PLATFORM_CONTACT_EMAIL/,
    );
    expect(() => parseEnvironment({ AUTH_SECRET: validSecret, PLATFORM_CONTACT_PHONE: "call us" })).toThrow(
      /PLATFORM_CONTACT_PHONE must be a phone number/,
    );
  });

  it("requires the Connect endpoint's secret with a Stripe key, because Stripe payouts to partners are then on", () => {
    const stripe = {
      AUTH_SECRET: validSecret,
      STRIPE_SECRET_KEY: "sk_test_x",
      STRIPE_WEBHOOK_SECRET: "whsec_a",
    };
    expect(() => parseEnvironment(stripe)).toThrow(
      /STRIPE_CONNECT_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY \(Stripe payouts to partners are on\)/,
    );
    expect(parseEnvironment({ ...stripe, STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_b" })).toMatchObject({
      STRIPE_WEBHOOK_SECRET: "whsec_a",
      STRIPE_CONNECT_WEBHOOK_SECRET: "whsec_b",
    });
    expect(parseEnvironment({ AUTH_SECRET: validSecret }).STRIPE_CONNECT_WEBHOOK_SECRET).toBeUndefined();
  });

  it("treats empty optional variables as unset, as .env.example leaves them", () => {
    const env = parseEnvironment({
      AUTH_SECRET: validSecret,
      DATABASE_URL: "",
      STRIPE_SECRET_KEY: "",
      S3_ENDPOINT: "",
    });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("names every bad or missing variable in one error", () => {
    let thrown: unknown;
    try {
      parseEnvironment({ PORT: "eighty", DATABASE_URL: "mysql://localhost/db" });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvironmentError);
    const message = (thrown as Error).message;
    expect(message).toContain("AUTH_SECRET is required");
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL must be a postgres:// or postgresql:// connection URL");
  });

  it("requires the bucket and region when S3 storage is chosen", () => {
    expect(() => parseEnvironment({ AUTH_SECRET: validSecret, STORAGE_DRIVER: "s3" })).toThrow(
      /S3_BUCKET is required when STORAGE_DRIVER=s3[\s\S]*S3_REGION is required when STORAGE_DRIVER=s3/,
    );
  });

  it("refuses a short AUTH_SECRET and says how to make one", () => {
    expect(() => parseEnvironment({ AUTH_SECRET: "short" })).toThrow(
      /AUTH_SECRET must be at least 32 characters.*openssl/,
    );
  });
});
