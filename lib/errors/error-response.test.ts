import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./app-error";
import { errorResponseFor } from "./error-response";

describe("errorResponseFor", () => {
  it("maps each coded error to its status with the code and message in the body", () => {
    expect(errorResponseFor(new AppError("not_found", "No part with id p1."))).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "No part with id p1." } },
    });
    expect(errorResponseFor(new AppError("rate_limited", "Wait.")).status).toBe(429);
    expect(errorResponseFor(new AppError("forbidden", "No.")).status).toBe(403);
  });

  it("turns validation errors into 422 naming each bad field", () => {
    const parsed = z.object({ quantity: z.number().int().positive() }).safeParse({ quantity: -2 });
    const { status, body } = errorResponseFor(parsed.error);
    expect(status).toBe(422);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toContain("quantity");
  });

  it("hides the text of unexpected errors behind a generic 500", () => {
    const { status, body } = errorResponseFor(new Error("password=hunter2 in connection string"));
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal_error");
    expect(body.error.message).not.toContain("hunter2");
  });

  it("answers 503 with when to retry when the database pool stayed busy past a transaction's maxWait", () => {
    // The shape Prisma 7 throws (PrismaClientKnownRequestError, code P2028), found by the load benchmark.
    const busy = Object.assign(
      new Error("Transaction API error: Unable to start a transaction in the given time."),
      { code: "P2028", name: "PrismaClientKnownRequestError" },
    );
    const { status, body } = errorResponseFor(busy);
    expect(status).toBe(503);
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.message).toMatch(/Nothing was saved; send it again in 5 seconds/);
    expect(body.error.details).toEqual({ retryAfterSeconds: 5 });
    // Another transaction error (e.g. an expired one) stays a generic 500.
    const expired = Object.assign(new Error("Transaction API error: Transaction already closed"), {
      code: "P2028",
    });
    expect(errorResponseFor(expired).status).toBe(500);
  });
});
