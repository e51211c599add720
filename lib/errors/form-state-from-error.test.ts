import { describe, expect, it } from "vitest";
import { AppError } from "./app-error";
import { formStateFromError } from "./form-state-from-error";

describe("formStateFromError", () => {
  it("puts an AppError next to the field it names, or above the form", () => {
    expect(
      formStateFromError(new AppError("validation_failed", "Too high.", { field: "price" }), "save"),
    ).toEqual({
      fieldErrors: { price: "Too high." },
    });
    expect(formStateFromError(new AppError("conflict", "Reload the page."), "save")).toEqual({
      error: "Reload the page.",
    });
  });

  it("puts each of several refusals of one AppError next to its own field, in one round", () => {
    const error = new AppError("validation_failed", "Too high. Too late.", {
      field: "price",
      fields: [
        { path: "price", message: "Too high." },
        { path: "deliveryDate", message: "Too late." },
      ],
    });
    expect(formStateFromError(error, "send the counteroffer")).toEqual({
      fieldErrors: { price: "Too high.", deliveryDate: "Too late." },
    });
  });
});
