import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { initiateLogin } from "~/lti/login.server";
import { answerProblems } from "~/lti/problem-page.server";
import { readForm } from "~/utils/form.server";

// OIDC third-party initiated login. Platforms send it by GET or by a cross-site POST (exempt from the cross-origin
// refusal: the state and nonce it hands out are what protect the launch).

function start(request: Request, params: URLSearchParams) {
  return answerProblems(request, async () => redirect(await initiateLogin(params, new URL(request.url).origin), { headers: { "Cache-Control": "no-store" } }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  return start(request, new URL(request.url).searchParams);
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const params = new URLSearchParams();
  for (const [name, value] of form) if (typeof value === "string") params.set(name, value);
  return start(request, params);
}
