import { randomBytes } from "node:crypto";
import * as z from "zod";
import { startLaunchedSession } from "~/auth/session.server";
import { homePathFor } from "~/auth/roles";
import { PLAYER_ROLES } from "~/attempts/players.server";
import { insertDeepLinkRequest } from "~/models/lti-deep-link.server";
import { recordLaunchedPerson, upsertResourceLink } from "~/models/lti-launch.server";
import { findUserById } from "~/models/user.server";
import { LaunchProblem } from "./claims";
import { makeHandoff } from "./handoff.server";
import { landingFor, type LinkTarget } from "./landing.server";
import { mapLtiRoles } from "./roles";
import { verifyLaunch } from "./verify.server";

/** The launch itself: verify, find or make the person, remember the course and link, start a session, say where to go. */

const DEEP_LINK_MINUTES = 60;
const Form = z.object({ id_token: z.string().min(1).max(60_000), state: z.string().min(1).max(512) });

export async function completeLaunch(form: FormData): Promise<{ setCookie: string; location: string }> {
  const parsed = Form.safeParse({ id_token: form.get("id_token") ?? undefined, state: form.get("state") ?? undefined });
  if (!parsed.success) throw new LaunchProblem("missing-parameter", 400, { name: String(parsed.error.issues[0]?.path[0] ?? "id_token") });
  const { platform, launch } = await verifyLaunch({ idToken: parsed.data.id_token, state: parsed.data.state });

  const mapped = mapLtiRoles(launch.roles, { mapAdministrators: platform.mapAdministrators });
  if (!mapped) throw new LaunchProblem("no-role", 403);
  if (launch.messageType === "LtiDeepLinkingRequest" && mapped.role === "trainee") throw new LaunchProblem("not-instructor", 403);

  const person = await recordLaunchedPerson({
    issuer: platform.issuer,
    subject: launch.subject,
    displayName: launch.name ?? `Learner ${launch.subject.slice(0, 24)}`,
    email: launch.email,
    role: mapped.role,
    course: launch.context ? { deploymentId: launch.deploymentId, contextId: launch.context.id, title: launch.context.title } : null,
    courseRoles: launch.roles,
    managesCourse: mapped.instructor,
  });
  const user = await findUserById(person.userId);
  // An account an admin disabled in Frontline stays shut, whatever the platform says.
  if (!user?.active) throw new LaunchProblem("no-role", 403);

  let location: string;
  if (launch.messageType === "LtiDeepLinkingRequest" && launch.deepLinking) {
    const id = randomBytes(18).toString("base64url");
    await insertDeepLinkRequest(
      { id, platformId: platform.id, deploymentId: launch.deploymentId, userId: user.id, returnUrl: launch.deepLinking.returnUrl, data: launch.deepLinking.data },
      new Date(Date.now() + DEEP_LINK_MINUTES * 60 * 1000),
    );
    location = `/lti/deep-link/${id}`;
  } else {
    let opens: LinkTarget = { scenarioId: launch.scenarioId, pathwayId: launch.scenarioId ? null : launch.pathwayId };
    if (launch.resourceLink) {
      const stored = await upsertResourceLink({
        platformId: platform.id,
        deploymentId: launch.deploymentId,
        resourceLinkId: launch.resourceLink.id,
        contextRowId: person.contextRowId,
        title: launch.resourceLink.title,
        ...opens,
        lineItemUrl: launch.ags?.lineItemUrl ?? null,
        lineItemsUrl: launch.ags?.lineItemsUrl ?? null,
        agsScopes: launch.ags?.scopes ?? [],
        learner: { userId: user.id, subject: launch.subject },
      });
      // A launch without the custom parameter (a copied course, a platform that drops it) opens what the link was made for.
      opens = { scenarioId: stored.scenarioId, pathwayId: stored.pathwayId };
    }
    const plays = (PLAYER_ROLES as readonly string[]).includes(user.role);
    location = plays ? await landingFor(user.id, opens) : homePathFor(user.role);
  }
  return { setCookie: await startLaunchedSession(user.id), location: await makeHandoff(user.id, location) };
}
