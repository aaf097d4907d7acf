import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/auth/session.server";

export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error-boundary";

// Signing out changes state, so it is a POST; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/sign-in?reason=signed-out", { headers: { "Set-Cookie": await endSession(request) } });
}
