/** Small scenarios for the preview's start points and state inspector (start-at, inspect). */
import { valid } from "./helpers";

/** A late order: a loop back to "details", flags that hide and show replies, and an escalation ending. */
export const PREVIEW_BODY = `
<Step id="greet">
  <Customer>Hi, my order is late.</Customer>
  <Choice to="details" listening={2} empathy={1} mood={1}>I'm sorry to hear that. Can I have the order number?</Choice>
  <Choice to="details" listening={-1} mood={-1} set="rushed">Number?</Choice>
  <Choice to="lost" calm={-2} mood={-2}>We're about to close, sorry.</Choice>
</Step>

<Step id="details">
  <Customer>It's 1234. It was due on Monday.</Customer>
  <Choice to="promise" expectations={-2} empathy={1} mood={2} set="promised">It'll be there tomorrow, I promise.</Choice>
  <Choice to="check" listening={1} expectations={2} mood={1}>Let me check where it is.</Choice>
  <Choice to="details" listening={-2} mood={-1}>Sorry, could you repeat that?</Choice>
</Step>

<Step id="check">
  <Customer>Well?</Customer>
  <Choice to="resolved" requires="promised" expectations={-1} calm={1} mood={-1}>As I promised, tomorrow.</Choice>
  <Choice to="resolved" unless="promised" expectations={2} calm={1} mood={1}>It's at the depot: Thursday.</Choice>
  <Choice to="greet" unless="rushed" calm={-1} mood={-2}>Let's start again from the top.</Choice>
  <Choice to="lost" calm={-3} mood={-3}>Nothing I can do.</Choice>
</Step>

<Step id="promise">
  <Customer>Really? Tomorrow?</Customer>
  <Choice to="check" expectations={2} persuasion={1} mood={-1}>Actually, let me check first.</Choice>
  <Choice to="lost" expectations={-3} mood={-2}>Definitely.</Choice>
</Step>

<Ending id="resolved" outcome="satisfied" resolved>
Thanks.
</Ending>

<Ending id="lost" outcome="lost">
Bye.
</Ending>

<Ending id="manager" outcome="escalated">
I want the manager.
</Ending>
`;

export const previewScenario = () => valid(PREVIEW_BODY, { mood: 0, escalation: "manager", channel: "chat" });

/**
 * Never stuck from its own start, but stuck from some start points: "b" needs the flag x or the
 * absence of y (which no reply sets), and "c" only leads back to steps.
 */
export const STUCK_BODY = `
<Step id="a">
  <Customer>Hello.</Customer>
  <Choice to="b" set="x" listening={1}>Hi.</Choice>
  <Choice to="b" listening={-1}>What?</Choice>
  <Choice to="c" unless="been">Let me take you round the back.</Choice>
</Step>

<Step id="b">
  <Customer>Well?</Customer>
  <Choice to="good" requires="x">Here it is.</Choice>
  <Choice to="bad" unless="y">Goodbye.</Choice>
</Step>

<Step id="c">
  <Customer>Round the back?</Customer>
  <Choice to="a" set="been">Sorry, back to the front.</Choice>
  <Choice to="b" set="been">This way.</Choice>
</Step>

<Ending id="good" outcome="satisfied" resolved>
Thanks.
</Ending>

<Ending id="bad" outcome="lost">
Bye.
</Ending>
`;

export const stuckScenario = () => valid(STUCK_BODY);
