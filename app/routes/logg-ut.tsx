import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { logout } from "~/server/auth.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/logg-inn", { headers: await logout(request) });
}
