import { useTranslation } from "react-i18next";
import type { Channel } from "~/domain/vocabulary";

const ICONS: Record<Channel, string> = {
  phone: "M6 3h4l2 5-2.5 1.5a11 11 0 0 0 5 5L16 12l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z",
  chat: "M4 5h16v10H9l-5 4V5z",
  email: "M3 6h18v12H3zM3 6l9 7 9-7",
  "in-person": "M3 20h18M5 20V9h14v11M8 9V5h8v4M10 14h4",
  // Three linked people: a post shared in public (a loudspeaker read as sound, like a call).
  social: "M18 2a3 3 0 1 1 0 6a3 3 0 1 1 0-6zM6 9a3 3 0 1 1 0 6a3 3 0 1 1 0-6zM18 16a3 3 0 1 1 0 6a3 3 0 1 1 0-6zM8.6 10.5l6.8-4M8.6 13.5l6.8 4",
};

export function ChannelIcon({ channel }: { channel: Channel }) {
  return (
    <svg className="channel-icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
      <path d={ICONS[channel]} />
    </svg>
  );
}

export function ChannelLabel({ channel }: { channel: Channel }) {
  const { t } = useTranslation();
  return (
    <span className="channel-label">
      <ChannelIcon channel={channel} />
      {t(`channels.${channel}`)}
    </span>
  );
}
