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
});
