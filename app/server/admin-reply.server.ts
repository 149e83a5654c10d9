import { notFound } from "./auth.server";

/** A positive id from a route parameter, or the 404 page. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!/^\d{1,12}$/.test(value ?? "") || !Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}
