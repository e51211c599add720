import { z } from "zod";

/**
 * A text field the use-case checks itself: what was typed, "" when empty or missing (Conform's parse
 * turns an empty field into undefined). The use-case's own schema then names what is wrong.
 */
export const formText = z.string().default("");

/** A group of checkboxes or a multiple select: the ticked values, none when nothing is ticked. */
export const formList = z.array(z.string()).default([]);

/** A checkbox: ticked or not. */
export const formCheckbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined);
