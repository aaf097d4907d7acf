/**
 * The words every layer shares: skills, personas, channels, outcomes and roles. Defined once
 * here, at the bottom, with no imports, so the engine, the server and the browser all agree
 * and any of them may import it (zod schemas over these lists live beside their boundaries).
 */

export const SKILLS = ["listening", "empathy", "calm", "persuasion", "expectations"] as const;
export type Skill = (typeof SKILLS)[number];

export const PERSONAS = ["angry", "confused", "patient"] as const;
export type Persona = (typeof PERSONAS)[number];

export const CHANNELS = ["phone", "chat", "email", "in-person", "social"] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOMES = ["delighted", "satisfied", "neutral", "escalated", "lost"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ROLES = ["trainee", "trainer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];
