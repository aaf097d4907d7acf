import { useTranslation } from "react-i18next";
import { errorText } from "~/accounts/validation-messages";

/** Schema messages arrive as translation keys; messages the server wrote are already in words. */
function useErrorText(): (error: string) => string {
  const { t } = useTranslation();
  return (error) => errorText(t, error);
}

/** Form-level errors, announced when they appear. */
export function FormErrors({ id, errors }: { id: string; errors?: string[] }) {
  const text = useErrorText();
  if (!errors?.length) return null;
  return (
    <div id={id} className="form-errors" role="alert">
      {errors.map((error) => (
        <p key={error}>{text(error)}</p>
      ))}
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  const text = useErrorText();
  const first = errors?.[0];
  return (
    <p id={id} className="field-error" aria-live="polite">
      {first === undefined ? null : text(first)}
    </p>
  );
}
