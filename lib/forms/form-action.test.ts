import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { formText } from "./form-fields";

vi.mock("server-only", () => ({}));
const guard = vi.hoisted(() => ({ refusal: undefined as string | undefined }));
vi.mock("../auth/guard-action-call", () => ({
  guardActionCall: async (_permission: string, args: unknown[]) => ({
    user: { id: "u1" },
    formData: args.find((argument) => argument instanceof FormData),
    refusal: guard.refusal,
  }),
}));
vi.mock("../logging/logger", () => ({ getLogger: () => ({ error: () => undefined }) }));

const { formAction, plainFormAction } = await import("./form-action");

function formData(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const schema = z.object({ reason: z.string().min(5, "Say why in a few words."), note: formText });

describe("formAction", () => {
  it("hands the parsed input and the user to the handler and answers with its sentence", async () => {
    const handler = vi.fn(async (input: z.output<typeof schema>) => `Saved: ${input.reason}.`);
    const action = formAction("public", schema, handler);
    const reply = await action(null, formData([["reason", "late delivery"]]));
    expect(handler).toHaveBeenCalledWith(
      { reason: "late delivery", note: "" },
      expect.objectContaining({ user: { id: "u1" } }),
    );
    expect(reply).toMatchObject({ status: "success", success: "Saved: late delivery." });
  });

  it("refuses what the schema refuses next to its field, keeps what was typed and never the password", async () => {
    const handler = vi.fn(async () => undefined);
    const action = formAction("public", schema.extend({ password: formText }), handler);
    const reply = await action(
      null,
      formData([
        ["reason", "no"],
        ["note", "typed"],
        ["password", "secret-secret"],
      ]),
    );
    expect(handler).not.toHaveBeenCalled();
    expect(reply.status).toBe("error");
    expect(reply.error).toEqual({ reason: ["Say why in a few words."] });
    expect(reply.initialValue).toEqual({ reason: "no", note: "typed" });
  });

  it("shows a coded AppError next to the field it names, or above the form", async () => {
    const onField = formAction("public", schema, async () => {
      throw new AppError("conflict", "Taken.", { field: "note" });
    });
    expect((await onField(null, formData([["reason", "a reason"]]))).error).toEqual({ note: ["Taken."] });
    const onForm = formAction("public", schema, async () => {
      throw new AppError("conflict", "Someone answered this offer meanwhile.");
    });
    const reply = await onForm(
      null,
      formData([
        ["reason", "a reason"],
        ["note", "kept"],
      ]),
    );
    expect(reply.error).toEqual({ "": ["Someone answered this offer meanwhile."] });
    expect(reply.initialValue).toMatchObject({ note: "kept" });
  });

  it("maps a use-case's ZodError by field and hides an unexpected error's text", async () => {
    const fromUseCase = formAction("public", schema, async () => {
      z.object({ address: z.object({ city: z.string().min(1, "Enter the city.") }) }).parse({
        address: { city: "" },
      });
    });
    expect((await fromUseCase(null, formData([["reason", "a reason"]]))).error).toEqual({
      "address.city": ["Enter the city."],
    });
    const failing = formAction(
      "public",
      schema,
      async () => {
        throw new Error("password=hunter2");
      },
      { failure: "save the note" },
    );
    expect((await failing(null, formData([["reason", "a reason"]]))).error).toEqual({
      "": ["We could not save the note just now. Please try again in a moment."],
    });
  });

  it("lets adjustErrors move a message to the field the user sees", async () => {
    const action = formAction(
      "public",
      schema,
      async () => {
        throw new AppError("bad_request", "Enter the city.", { field: "shipping.city" });
      },
      {
        adjustErrors: ({ "shipping.city": city, ...rest }) => ({
          ...rest,
          ...(city ? { "billing.city": city } : {}),
        }),
      },
    );
    expect((await action(null, formData([["reason", "a reason"]]))).error).toEqual({
      "billing.city": ["Enter the city."],
    });
  });

  it("answers the guard's refusal above the form without running the handler", async () => {
    guard.refusal = "Your company's account is suspended.";
    try {
      const handler = vi.fn(async () => undefined);
      const reply = await formAction("public", schema, handler)(null, formData([["reason", "a reason"]]));
      expect(handler).not.toHaveBeenCalled();
      expect(reply).toEqual({ status: "error", error: { "": ["Your company's account is suspended."] } });
      const plain = vi.fn(async () => undefined);
      await plainFormAction("public", schema, plain)(formData([["reason", "a reason"]]));
      expect(plain).not.toHaveBeenCalled();
    } finally {
      guard.refusal = undefined;
    }
  });
});

describe("plainFormAction", () => {
  it("runs the handler with the parsed input, and does nothing for a form the schema refuses", async () => {
    const handler = vi.fn(async () => undefined);
    const action = plainFormAction("public", z.object({ cartItemId: z.string().min(1) }), handler);
    await action(formData([["cartItemId", "item_1"]]));
    expect(handler).toHaveBeenCalledWith({ cartItemId: "item_1" }, expect.anything());
    handler.mockClear();
    await action(formData([["cartItemId", ""]]));
    expect(handler).not.toHaveBeenCalled();
  });
});
