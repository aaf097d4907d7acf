import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { LaunchProblem } from "~/lti/claims";
import { completeLaunch } from "~/lti/launch.server";
import { answerProblems, problemResponse } from "~/lti/problem-page.server";
import { readForm } from "~/utils/form.server";

// The platform posts the id_token and state here (form_post, cross-site: exempt from the cross-origin refusal).

export async function loader({ request }: LoaderFunctionArgs) {
  return problemResponse(request, new LaunchProblem("missing-parameter", 400, { name: "id_token" }));
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  return answerProblems(request, async () => {
    const { setCookie, location } = await completeLaunch(form);
    return redirect(location, { status: 303, headers: { "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  });
}
