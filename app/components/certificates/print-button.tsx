import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import "~/locales/en/certificates";

/**
 * A Print button once JavaScript runs (it calls window.print); before that, and without
 * JavaScript, a sentence pointing to the browser's own Print command. The print stylesheet does
 * the rest either way.
 */
export function PrintButton() {
  const { t } = useTranslation();
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  return (
    <div className="actions no-print">
      {canPrint ? (
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t("certificates.certificate.print")}
        </button>
      ) : null}
      <p className="hint">{t("certificates.certificate.printHint")}</p>
    </div>
  );
}
