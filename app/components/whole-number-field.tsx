import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { FieldError } from "~/components/form-errors";

/**
 * A labelled field for a whole number with its hint and error (the admin's settings pages). Text, not number: a
 * browser sends an unreadable number as empty, losing what was typed, and the server's message should name it.
 */
export function WholeNumberField({ field, label, hint }: { field: FieldMetadata<string>; label: string; hint: string }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <p className="hint" id={`${field.id}-hint`}>
        {hint}
      </p>
      <input
        {...getInputProps(field, { type: "text" })}
        inputMode="numeric"
        autoComplete="off"
        className="whole-number"
        aria-describedby={`${field.id}-hint ${field.errorId}`}
      />
      <FieldError id={field.errorId} errors={field.errors} />
    </div>
  );
}
