import { useEffect, useState } from "react";
import { meetingTexts } from "~/domain/texts/meetings";

/** A print button where JavaScript runs; without it, the browser's own print command is named instead. */
export function PrintButton() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  if (!hydrated) return <span>{meetingTexts.printHint}</span>;
  return (
    <button type="button" className="link-button" onClick={() => window.print()}>
      {meetingTexts.print}
    </button>
  );
}
