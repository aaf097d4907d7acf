import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { homePathFor } from "~/auth/roles";
import { getUser } from "~/auth/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  return redirect(user ? homePathFor(user.role) : "/sign-in");
}
