import { userTurnLogs } from "~/models/turn-log.server";
import type { FastReplies } from "./reading";
import { rateLogs } from "./scenario-logs.server";

/** Per finished attempt of the trainee: how many replies came faster than reading (reading.ts). */
export async function fastRepliesOfTrainee(userId: number): Promise<Map<number, FastReplies>> {
  const logs = await rateLogs(await userTurnLogs(userId));
  return new Map(logs.map((log) => [log.attemptId, log.fast]));
}
