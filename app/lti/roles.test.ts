import { describe, expect, it } from "vitest";
import { mapLtiRoles } from "./roles";

const M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
const INSTITUTION_ADMIN = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";

describe("mapLtiRoles", () => {
  const off = { mapAdministrators: false };
  it("maps Learner, ContentDeveloper and Instructor (with sub-roles and short names)", () => {
    expect(mapLtiRoles([`${M}#Learner`], off)).toEqual({ role: "trainee", instructor: false });
    expect(mapLtiRoles(["Learner"], off)).toEqual({ role: "trainee", instructor: false });
    expect(mapLtiRoles([`${M}#ContentDeveloper`], off)).toEqual({ role: "trainer", instructor: false });
    expect(mapLtiRoles([`${M}#Instructor`, `${M}#Learner`], off)).toEqual({ role: "manager", instructor: true });
    expect(mapLtiRoles([`${M}/Instructor#TeachingAssistant`], off)).toEqual({ role: "manager", instructor: true });
  });

  it("makes an admin of a platform Administrator only where the platform opted in", () => {
    expect(mapLtiRoles([INSTITUTION_ADMIN, `${M}#Learner`], off)).toEqual({ role: "trainee", instructor: false });
    expect(mapLtiRoles([INSTITUTION_ADMIN], off)).toBeNull();
    expect(mapLtiRoles([INSTITUTION_ADMIN], { mapAdministrators: true })).toEqual({ role: "admin", instructor: false });
    expect(mapLtiRoles([`${M}#Administrator`, `${M}#Instructor`], { mapAdministrators: true })).toEqual({ role: "admin", instructor: true });
  });

  it("knows no role from unrelated vocabularies", () => {
    expect(mapLtiRoles(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student"], off)).toBeNull();
    expect(mapLtiRoles([], off)).toBeNull();
  });
});
