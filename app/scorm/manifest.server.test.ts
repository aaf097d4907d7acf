import { describe, expect, it } from "vitest";
import { buildManifest, type ManifestInput } from "./manifest.server";

const base: Omit<ManifestInput, "version"> = {
  identifier: "frontline.library",
  title: 'Returns & "refunds" <basics>',
  scos: [
    { scenarioId: "parcel-third-call", title: "The parcel that never came", href: "sco/parcel-third-call/index.html" },
    { scenarioId: "2-returns", title: "No receipt, no problem?", href: "sco/2-returns/index.html" },
  ],
  sharedFiles: ["shared/launch.js", "shared/launch.css"],
  passMark: 70,
};

/** Every element closed in order, attributes quoted, nothing but entities after `&`: enough to catch a broken template. */
function expectWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, "");
  const stack: string[] = [];
  for (const match of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (selfClosing) continue;
    if (closing) expect(stack.pop(), `</${name}> closes the element that is open`).toBe(name);
    else stack.push(name ?? "");
  }
  expect(stack).toEqual([]);
  expect(body.replace(/<[^>]*>/g, "")).not.toMatch(/&(?!(?:amp|lt|gt|quot|apos);)|[<>]/);
  // Every tag was matched by the pattern above (so none has an unquoted or broken attribute).
  expect(body.match(/</g)?.length).toBe([...body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)].length);
}

function attribute(xml: string, element: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`, "g"))].map((match) => match[1] ?? "");
}

describe("buildManifest", () => {
  it("declares SCORM 1.2 with IMS CP 1.1.2 and ADL's adlcp_rootv1p2, lowercase scormtype and the mastery score", () => {
    const xml = buildManifest({ ...base, version: "1.2" });
    expectWellFormed(xml);
    expect(xml).toContain('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"');
    expect(xml).toContain('xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"');
    expect(xml).toContain("http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd");
    expect(xml).toContain("<schema>ADL SCORM</schema>");
    expect(xml).toContain("<schemaversion>1.2</schemaversion>");
    expect(attribute(xml, "resource", "adlcp:scormtype")).toEqual(["sco", "sco", "asset"]);
    expect(xml).not.toContain("scormType");
    expect(xml.match(/<adlcp:masteryscore>70<\/adlcp:masteryscore>/g)).toHaveLength(2);
    expect(xml).not.toContain("imsss");
  });

  it("declares SCORM 2004 4th edition with IMS CP 1.1 and the v1p3 extensions, camel-case scormType and no mastery score", () => {
    const xml = buildManifest({ ...base, version: "2004" });
    expectWellFormed(xml);
    for (const namespace of [
      'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
      'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
      'xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"',
      'xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"',
      'xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
    ])
      expect(xml).toContain(namespace);
    expect(xml).toContain("http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd");
    expect(xml).toContain("<schemaversion>2004 4th Edition</schemaversion>");
    expect(attribute(xml, "resource", "adlcp:scormType")).toEqual(["sco", "sco", "asset"]);
    expect(xml).not.toContain("scormtype");
    expect(xml).not.toContain("masteryscore");
  });

  for (const version of ["1.2", "2004"] as const) {
    it(`links every item to a resource and every SCO to the shared files (${version})`, () => {
      const xml = buildManifest({ ...base, version });
      const organizations = attribute(xml, "organization", "identifier");
      expect(attribute(xml, "organizations", "default")).toEqual(organizations);
      const resources = attribute(xml, "resource", "identifier");
      expect(attribute(xml, "item", "identifierref").every((ref) => resources.includes(ref))).toBe(true);
      expect(attribute(xml, "item", "identifier")).toEqual(["item-parcel-third-call", "item-2-returns"]);
      expect(attribute(xml, "dependency", "identifierref")).toEqual(["resource-shared", "resource-shared"]);
      expect(attribute(xml, "file", "href")).toEqual(["sco/parcel-third-call/index.html", "sco/2-returns/index.html", "shared/launch.js", "shared/launch.css"]);
      // XML IDs cannot start with a digit: the prefix keeps a scenario id such as "2-returns" valid.
      for (const id of [...resources, ...attribute(xml, "item", "identifier")]) expect(id).toMatch(/^[A-Za-z_][\w.-]*$/);
      expect(xml).toContain("<title>Returns &amp; &quot;refunds&quot; &lt;basics&gt;</title>");
    });
  }
});
