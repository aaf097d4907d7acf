import { findCertificateByCode } from "~/models/certificate.server";
import { certificateView, type CertificateView } from "./certification.server";
import { isCertificateCode } from "./code.server";

/** What the public verification page may show: the holder's name, the date and what it certifies. Nothing else. */
export type VerifiedCertificate = Pick<CertificateView, "holderName" | "earnedAt" | "scenarios" | "minScore" | "minMastery">;

/** The certificate with this code, or null (a malformed code is not looked up). */
export async function verifyCertificate(code: string | undefined): Promise<VerifiedCertificate | null> {
  if (code === undefined || !isCertificateCode(code)) return null;
  const record = await findCertificateByCode(code);
  if (!record) return null;
  const { holderName, earnedAt, scenarios, minScore, minMastery } = certificateView(record);
  return { holderName, earnedAt, scenarios, minScore, minMastery };
}
