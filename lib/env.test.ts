import { describe, expect, it } from "vitest";
import { EnvironmentError, parseEnvironment } from "./env";

const validSecret = "x".repeat(32);

describe("parseEnvironment", () => {
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
