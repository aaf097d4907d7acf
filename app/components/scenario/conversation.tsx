import { useTranslation } from "react-i18next";
import type { MessageLine } from "~/attempts/play-view.server";
import type { Channel } from "~/engine/types";

// The same conversation, dressed for its medium: an email is one message with paragraphs, a chat
// or a public thread is a run of short messages, a call or a counter is a spoken script.

/** The strip above the conversation that sets the scene (a call in progress, a public thread…). */
export function ConversationBar({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <p className={`conversation__bar conversation__bar--${channel}`}>
      <span className="conversation__bar-dot" aria-hidden="true" />
      {t(`play.bar.${channel}`)}
    </p>
  );
}

type CustomerProps = { channel: Channel; customer: string; lines: readonly MessageLine[]; className?: string; as?: "li" | "div" };

/** What the customer said at one step: one email, or one message or spoken line per piece. */
export function CustomerMessages({ channel, customer, lines, className = "", as: Tag = "li" }: CustomerProps) {
  const { t } = useTranslation();
  const who = t(`play.who.${channel}`, { name: customer });
  const messages = channel === "email" ? [lines] : lines.map((line) => [line]);
  return (
    <>
      {messages.map((message) => (
        <Tag key={message[0]?.key} className={`bubble bubble--customer ${className}`.trim()}>
          <span className="bubble__who">{who}</span>
          {message.map((line) => (
            <div key={line.key} className="bubble__text" dangerouslySetInnerHTML={{ __html: line.html }} />
          ))}
        </Tag>
      ))}
    </>
  );
}

/** One of the trainee's replies, marked when it came too late. */
export function ReplyMessage({ channel, html, late }: { channel: Channel; html: string; late: boolean }) {
  const { t } = useTranslation();
  return (
    <li className="bubble bubble--reply">
      <span className="bubble__who">
        {t(`play.whoYou.${channel}`)}
        {late ? <span className="bubble__late"> · {t("play.lateReply")}</span> : null}
      </span>
      <div className="bubble__text" dangerouslySetInnerHTML={{ __html: html }} />
    </li>
  );
}
