import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "./app-error";

/** For pages: a `not_found` AppError becomes Next's 404 page; anything else goes on to the error page. */
export async function orNotFoundPage<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}
