import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod";
import { deletePlatform, findPlatformById, insertPlatform, listPlatforms, PlatformTakenError, updatePlatform, type Platform, type PlatformInput } from "~/models/lti-platform.server";
import { outboxView, parseRetryForm, retryFailedDeliveries } from "~/outbox/admin.server";
import { LTI_SCORE_KIND } from "./grades.server";
import { forgetPlatformOrigins } from "./platform-origins.server";
import { isServiceAddress } from "./web-address";

/** The "Learning platforms" admin page's use cases: registrations and the values Frontline gives platforms. */

export type PlatformMessages = { required: string; url: string; tooLong: string; deployments: string };

/** https, or http on this computer only (a test platform): an id_token's keys must not travel in the clear. */
function webAddress(messages: PlatformMessages) {
  return z
    .string({ error: messages.required })
    .trim()
    .min(1, messages.required)
    .max(2048, messages.tooLong)
    .refine(isServiceAddress, messages.url);
}

export function parsePlatformForm(formData: FormData, messages: PlatformMessages) {
  const text = (max: number) => z.string({ error: messages.required }).trim().min(1, messages.required).max(max, messages.tooLong);
  const schema = z.object({
    name: text(100),
    issuer: text(2048),
    clientId: text(255),
    deploymentIds: z
      .string({ error: messages.deployments })
      .transform((value) => [...new Set(value.split(/[\r\n,]+/).map((id) => id.trim()).filter(Boolean))])
      .pipe(z.array(z.string().max(255, messages.tooLong)).min(1, messages.deployments)),
    authUrl: webAddress(messages),
    tokenUrl: webAddress(messages),
    jwksUrl: webAddress(messages),
    mapAdministrators: z.literal("on").optional().transform((value) => value === "on"),
  });
  return parseWithZod(formData, { schema });
}

/** Saves a new or changed registration; false when another one has the same issuer and client id. */
export async function savePlatform(id: number | null, input: PlatformInput): Promise<{ id: number } | { taken: true }> {
  try {
    const saved = id === null ? await insertPlatform(input) : (await updatePlatform(id, input), id);
    return { id: saved };
  } catch (error) {
    if (error instanceof PlatformTakenError) return { taken: true };
    throw error;
  } finally {
    forgetPlatformOrigins();
  }
}

export async function removePlatform(id: number): Promise<void> {
  await deletePlatform(id);
  forgetPlatformOrigins();
}

export const platforms = listPlatforms;
export const platform = findPlatformById;
export type { Platform };

/** What an admin pastes into the platform. */
export function toolValues(origin: string) {
  return { loginUrl: `${origin}/lti/login`, launchUrl: `${origin}/lti/launch`, jwksUrl: `${origin}/lti/jwks`, deepLinkUrl: `${origin}/lti/launch` };
}

/** Grades on their way to platforms: the outbox's rows of that kind, which the page lists with their retry forms. */
export const gradeQueue = () => outboxView(LTI_SCORE_KIND, { withSent: false });

/** A retry form of the grade list; null when the form is not one. Retrying "all" retries only grades. */
export async function retryGrades(form: FormData, now: Date = new Date()): Promise<number | null> {
  const which = parseRetryForm(form);
  return which === null ? null : retryFailedDeliveries(which, now, LTI_SCORE_KIND);
}
