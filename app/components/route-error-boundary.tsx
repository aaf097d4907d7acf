import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import { ErrorPage } from "./error-page";

/**
 * The error page inside the layout: the root's boundary, and each action route's own. When an
 * action refuses a post, Remix runs only the loaders above the boundary that shows the error; with
 * the boundary on the route, that includes the root's, so the page still knows who is signed in.
 */
export function RouteErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} signedIn={Boolean(data?.user)} />;
}
