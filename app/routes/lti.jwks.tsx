import { json } from "@remix-run/node";
import { jwks } from "~/lti/keys.server";

// Frontline's public keys, which platforms fetch to check what Frontline signs (deep linking answers, token requests).
// Short caching: a rotation reaches platforms within minutes, and a retired key stays listed for a week anyway.
export async function loader() {
  return json(await jwks(), { headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" } });
}
