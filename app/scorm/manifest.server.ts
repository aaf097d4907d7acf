import type { ScormVersion } from "./versions";

/**
 * imsmanifest.xml for a package of one SCO per scenario. The namespaces and schema locations are the ones each
 * edition's content aggregation model names (IMS CP 1.1.2 with ADL's adlcp for 1.2; IMS CP 1.1 with the adlcp,
 * adlseq, adlnav v1p3 and imsss extensions for 2004 4th edition). The XSD files themselves are not shipped: LMSs read
 * the manifest without them, and they are not ours to redistribute.
 */

export type ManifestSco = { scenarioId: string; title: string; href: string };

export type ManifestInput = {
  version: ScormVersion;
  /** Stable across downloads, so that an LMS can recognise a re-uploaded package as the same course. */
  identifier: string;
  title: string;
  scos: readonly ManifestSco[];
  /** Files every SCO loads (the shared script and style sheet), declared once as an asset resource. */
  sharedFiles: readonly string[];
  passMark: number;
};

const SCHEMAS: Record<ScormVersion, { namespaces: Record<string, string>; locations: string; schemaversion: string }> = {
  "1.2": {
    namespaces: {
      xmlns: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
      "xmlns:adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    },
    locations: [
      "http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd",
      "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd",
      "http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd",
    ].join(" "),
    schemaversion: "1.2",
  },
  "2004": {
    namespaces: {
      xmlns: "http://www.imsglobal.org/xsd/imscp_v1p1",
      "xmlns:adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
      "xmlns:adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
      "xmlns:adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
      "xmlns:imsss": "http://www.imsglobal.org/xsd/imsss",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    },
    locations: [
      "http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd",
      "http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd",
      "http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd",
      "http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd",
      "http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd",
    ].join(" "),
    schemaversion: "2004 4th Edition",
  },
};

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

/** Scenario ids are lowercase words joined by hyphens; a prefix makes them valid XML IDs (which cannot start with a digit). */
export const itemId = (scenarioId: string) => `item-${scenarioId}`;
export const resourceId = (scenarioId: string) => `resource-${scenarioId}`;
const SHARED_RESOURCE = "resource-shared";

function item(version: ScormVersion, sco: ManifestSco, passMark: number): string {
  // 1.2's masteryscore lets the LMS judge passed/failed from the raw score as Frontline does; 2004 reads the
  // success status the SCO sets, so no sequencing objective is declared.
  const mastery = version === "1.2" ? `\n        <adlcp:masteryscore>${passMark}</adlcp:masteryscore>` : "";
  return [
    `      <item identifier="${itemId(sco.scenarioId)}" identifierref="${resourceId(sco.scenarioId)}" isvisible="true">`,
    `        <title>${escapeXml(sco.title)}</title>${mastery}`,
    `      </item>`,
  ].join("\n");
}

function resource(version: ScormVersion, sco: ManifestSco): string {
  const type = version === "1.2" ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"';
  return [
    `    <resource identifier="${resourceId(sco.scenarioId)}" type="webcontent" ${type} href="${escapeXml(sco.href)}">`,
    `      <file href="${escapeXml(sco.href)}"/>`,
    `      <dependency identifierref="${SHARED_RESOURCE}"/>`,
    `    </resource>`,
  ].join("\n");
}

function sharedResource(version: ScormVersion, files: readonly string[]): string {
  const type = version === "1.2" ? 'adlcp:scormtype="asset"' : 'adlcp:scormType="asset"';
  return [
    `    <resource identifier="${SHARED_RESOURCE}" type="webcontent" ${type}>`,
    ...files.map((file) => `      <file href="${escapeXml(file)}"/>`),
    `    </resource>`,
  ].join("\n");
}

export function buildManifest(input: ManifestInput): string {
  const schema = SCHEMAS[input.version];
  const attributes = Object.entries(schema.namespaces)
    .map(([name, uri]) => `\n    ${name}="${uri}"`)
    .join("");
  const organization = "organization-frontline";
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${escapeXml(input.identifier)}" version="1"${attributes}
    xsi:schemaLocation="${schema.locations}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${schema.schemaversion}</schemaversion>
  </metadata>
  <organizations default="${organization}">
    <organization identifier="${organization}">
      <title>${escapeXml(input.title)}</title>
${input.scos.map((sco) => item(input.version, sco, input.passMark)).join("\n")}
    </organization>
  </organizations>
  <resources>
${input.scos.map((sco) => resource(input.version, sco)).join("\n")}
${sharedResource(input.version, input.sharedFiles)}
  </resources>
</manifest>
`;
}
