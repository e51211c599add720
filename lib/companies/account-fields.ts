import { z } from "zod";
import { controlCharacterRefusal, isSingleLineText } from "../input/is-single-line-text";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address.").max(254));
export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters for the password.")
  .max(200, "Use at most 200 characters for the password.");
export const personNameSchema = z
  .string()
  .trim()
  .min(1, "Enter your name.")
  .max(120)
  .refine(isSingleLineText, controlCharacterRefusal("A name"));
export const companyNameSchema = z
  .string()
  .trim()
  .min(2, "Enter the company name.")
  .max(160)
  .refine(isSingleLineText, controlCharacterRefusal("The company name"));
export const countryCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, "Choose a country.");
