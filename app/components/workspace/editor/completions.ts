/**
 * The completion source: component names after `<`, each component's attributes, their values
 * (ids and flags from the document itself, outcomes, skill values), front matter keys and values,
 * and the snippets. Which of these applies is decided by contextAt; this turns it into options.
 */
import { pickedCompletion, snippetCompletion } from "@codemirror/autocomplete";
import type { Completion, CompletionResult, CompletionSource } from "@codemirror/autocomplete";
import type { EditorView } from "@codemirror/view";
import { contextAt } from "./context";
import type { EditorContext } from "./context";
import { scanNames } from "./scan";
import { snippets } from "./snippets";
import type { Snippet } from "./snippets";
import { ATTRIBUTES, COMPONENT_NAMES, FIXED_VALUES, FRONT_MATTER, INSIDE_STEP } from "./vocabulary";
import type { AttributeSpec } from "./vocabulary";
import type { EditorWords } from "./words";

/** Completions after which the list opens again at once (a tag name, then its attributes, then a value). */
const reopening = new WeakSet<Completion>();

export function reopensCompletion(completion: Completion): boolean {
  return reopening.has(completion);
}

const order = (index: number) => String(index).padStart(3, "0");
const WORD = /^[A-Za-z]*$/;
const NAME = /^[a-z0-9-]*$/;
const NUMBER = /^-?\d*$/;

/** Replace the completed range with `text`, put the cursor `cursor` characters in, and step over a closing `skip` character. */
function insert(text: string, cursor = text.length, skip?: string) {
  return (view: EditorView, completion: Completion, from: number, to: number) => {
    const past = skip !== undefined && view.state.sliceDoc(to, to + 1) === skip;
    const anchor = from + cursor + (past ? 1 : 0);
    view.dispatch({ changes: { from, to, insert: text }, selection: { anchor }, annotations: pickedCompletion.of(completion), userEvent: "input.complete" });
  };
}

function option(completion: Completion, reopen = false): Completion {
  if (reopen) reopening.add(completion);
  return completion;
}

export function scenarioCompletions(words: EditorWords): CompletionSource {
  const snippetList = snippets(words.snippets);
  return (context) => {
    const source = context.state.doc.toString();
    const where = contextAt(source, context.pos);
    if (!where) return null;
    if (where.kind === "text") {
      // Plain text is for writing: snippets only when asked for (Ctrl+Space).
      if (!context.explicit) return null;
      return { from: where.from, options: snippetOptions(snippetList, where.insideStep, "<"), validFor: WORD };
    }
    if (where.kind === "component") return componentResult(where, snippetList, words);
    if (where.kind === "attribute") return attributeResult(where, words);
    if (where.kind === "frontMatterKey") return frontMatterKeyResult(where, words);
    return valueResult(where, source, words);
  };
}

function snippetOptions(list: readonly Snippet[], insideStep: boolean, prefix: string): Completion[] {
  return list.map((snippet, index) =>
    snippetCompletion(prefix + snippet.template, {
      label: snippet.label,
      detail: snippet.detail,
      type: "snippet",
      sortText: order(index),
      boost: snippet.insideStep === insideStep ? 1 : -1,
    }),
  );
}

function componentResult(where: Extract<EditorContext, { kind: "component" }>, list: readonly Snippet[], words: EditorWords): CompletionResult {
  const names = COMPONENT_NAMES.map((name, index) => {
    const belongs = INSIDE_STEP.includes(name) === where.insideStep;
    if (where.closing) return option({ label: name, detail: words.closes, apply: `${name}>`, sortText: order(index), boost: belongs ? 1 : 0 });
    const takesAttributes = ATTRIBUTES[name].length > 0;
    return option(
      { label: name, detail: words.components[name], apply: takesAttributes ? `${name} ` : `${name}>`, type: "component", sortText: order(index), boost: belongs ? 2 : 0 },
      takesAttributes,
    );
  });
  return { from: where.from, options: where.closing ? names : [...names, ...snippetOptions(list, where.insideStep, "")], validFor: WORD };
}

function attributeResult(where: Extract<EditorContext, { kind: "attribute" }>, words: EditorWords): CompletionResult | null {
  const options = ATTRIBUTES[where.component]
    .filter((attribute) => !where.written.includes(attribute.name))
    .map((attribute, index) => {
      const [text, cursor, reopen] = attributeInsert(attribute);
      const info = words.attributes[`${where.component}.${attribute.name}`] ?? (attribute.kind === "int" && attribute.min === -3 ? words.skill : undefined);
      return option(
        {
          label: attribute.name,
          detail: attribute.required ? words.required : undefined,
          info,
          type: "attribute",
          sortText: order(index),
          boost: attribute.required ? 1 : 0,
          apply: (view: EditorView, completion: Completion, from: number, to: number) =>
            // Renaming an attribute that already has its `=…` keeps the value.
            view.state.sliceDoc(to, to + 1) === "=" ? insert(attribute.name)(view, completion, from, to) : insert(text, cursor)(view, completion, from, to),
        },
        reopen,
      );
    });
  return options.length ? { from: where.from, options, validFor: WORD } : null;
}

/** What choosing an attribute inserts, where the cursor goes, and whether its values are offered next. */
function attributeInsert(attribute: AttributeSpec): [string, number, boolean] {
  const name = attribute.name;
  if (attribute.kind === "boolean") return [name, name.length, false];
  if (attribute.kind === "int") return [`${name}={}`, name.length + 2, isDelta(attribute)];
  return [`${name}=""`, name.length + 2, attribute.kind === "ref" || attribute.kind === "flags" || attribute.kind === "outcome"];
}

function isDelta(attribute: AttributeSpec): boolean {
  return attribute.kind === "int" && attribute.min !== undefined && attribute.max !== undefined && attribute.max - attribute.min <= 10;
}

function valueResult(where: Extract<EditorContext, { kind: "value" | "frontMatterValue" }>, source: string, words: EditorWords): CompletionResult | null {
  const names = scanNames(source);
  const values: Array<{ value: string; detail?: string }> = [];
  if (where.kind === "frontMatterValue") {
    const spec = FRONT_MATTER.find((entry) => entry.key === where.key);
    if (!spec || spec.values === "free") return null;
    if (spec.values === "step") values.push(...names.steps.map((value) => ({ value, detail: words.step })));
    else if (spec.values === "ending") values.push(...names.endings.map((value) => ({ value, detail: words.ending })));
    else values.push(...FIXED_VALUES[spec.values].map((value) => ({ value })));
    return list(where.from, values, (value) => value, NAME);
  }
  const { attribute, quote } = where;
  if (attribute.kind === "int") {
    if (!isDelta(attribute) || quote === '"') return null;
    for (let n = attribute.max ?? 0; n >= (attribute.min ?? 0); n--) values.push({ value: String(n) });
    return list(where.from, values, (value) => (quote ? value : `{${value}}`), NUMBER, "}");
  }
  if (attribute.kind === "ref") {
    values.push(...names.steps.map((value) => ({ value, detail: words.step })), ...names.endings.map((value) => ({ value, detail: words.ending })));
  } else if (attribute.kind === "outcome") {
    values.push(...FIXED_VALUES.outcome.map((value) => ({ value, detail: words.outcome })));
  } else if (attribute.kind === "flags") {
    const offered = attribute.name === "set" ? names.flags : [...names.setFlags, ...names.flags.filter((flag) => !names.setFlags.includes(flag))];
    for (const flag of offered) {
      if (!where.written.includes(flag)) values.push({ value: flag, detail: attribute.name === "set" || names.setFlags.includes(flag) ? words.flag : words.flagUnset });
    }
  } else return null;
  if (quote === "{") return null;
  // A list of flags goes on after a space; a single name is done, so the cursor steps past its quote.
  const skip = attribute.kind === "flags" ? undefined : '"';
  return list(where.from, values, (value) => (quote ? value : `"${value}"`), NAME, skip);
}

function list(from: number, values: ReadonlyArray<{ value: string; detail?: string }>, text: (value: string) => string, validFor: RegExp, skip?: string): CompletionResult | null {
  if (!values.length) return null;
  const options = values.map(({ value, detail }, index) => ({ label: value, detail, type: "value", sortText: order(index), apply: insert(text(value), undefined, skip) }));
  return { from, options, validFor };
}

function frontMatterKeyResult(where: Extract<EditorContext, { kind: "frontMatterKey" }>, words: EditorWords): CompletionResult | null {
  const options = FRONT_MATTER.filter((entry) => !where.written.includes(entry.key)).map((entry, index) =>
    option(
      { label: entry.key, detail: entry.required ? words.required : words.header, type: "property", sortText: order(index), boost: entry.required ? 1 : 0, apply: `${entry.key}: ` },
      entry.values !== "free",
    ),
  );
  return options.length ? { from: where.from, options, validFor: WORD } : null;
}
