/** Strings of LTI launches and the "Learning platforms" admin page. */
import { registerCopy } from "~/i18n/feature-copy";

export const lti = {
  problemTitle: "This launch could not sign you in",
  problemFooter: "Nobody was signed in. Ask your course's administrator to check how Frontline is connected to the learning platform (Administration › Learning platforms in Frontline).",
  tryAgain: "Go back to your course and open the activity again.",
  problems: {
    "missing-parameter": "The launch request lacks “{{name}}”, which LTI 1.3 requires.",
    "unknown-issuer": "The platform “{{issuer}}” is not registered in Frontline.",
    "unknown-client": "Frontline has no registration for client id “{{clientId}}” of “{{issuer}}”.",
    "bad-login-url": "“{{name}}” in the login request is not a web address Frontline can use.",
    "not-a-token": "The launch token is not a well-formed signed JSON Web Token.",
    "state-unknown": "This launch's state was not issued by Frontline, or it is more than 10 minutes old.",
    "state-used": "This launch was already used: each launch works once (its nonce has been seen before).",
    "state-expired": "This launch took too long: its state expired. Open the activity again.",
    "state-platform": "This launch's state was issued for another platform than the one that signed the token.",
    "bad-signature": "The launch token's signature does not match the platform's keys.",
    "unknown-key": "The launch token was signed with a key (“{{kid}}”) that the platform's key set does not list.",
    "keys-unreachable": "Frontline could not fetch the platform's keys from {{url}}. Try again in a minute.",
    "bad-algorithm": "The launch token is signed with {{alg}}; LTI 1.3 requires RS256.",
    expired: "The launch token has expired.",
    "bad-issuer": "The launch token's issuer does not match the registered platform.",
    "bad-audience": "The launch token is not addressed to Frontline: its audience does not include the client id “{{clientId}}”.",
    "bad-azp": "The launch token's authorized party (azp) is not Frontline's client id “{{clientId}}”.",
    "bad-iat": "The launch token's issue time (iat) is missing, in the future or too old.",
    "bad-claim": "The launch token's claim “{{claim}}” is missing or not valid.",
    "bad-nonce": "The launch token's nonce does not match the one Frontline sent for this launch.",
    "unknown-deployment": "The deployment “{{deploymentId}}” is not registered for this platform in Frontline.",
    "bad-message-type": "Frontline accepts resource link and deep linking launches, not “{{messageType}}”.",
    "bad-version": "The launch is LTI version “{{version}}”; Frontline speaks LTI 1.3.0.",
    "no-role": "The launch gives you no role Frontline knows, so it cannot tell what you may do.",
    "not-instructor": "Only an instructor can choose what this link opens.",
  },
} as const;

registerCopy({ lti });
