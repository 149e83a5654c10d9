import { notFound } from "./auth.server";

/**
 * A positive id from a route parameter (`/innspill/:id`), or the 404 page: "12" is 12; "0",
 * "-1", "1e3", "12abc" and a missing parameter are not found. The one parser for ids in URLs.
 */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!/^\d{1,12}$/.test(value ?? "") || !Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
