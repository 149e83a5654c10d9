import { useEffect, useRef } from "react";

/**
 * The confirmation of what was just done, on the page the action led to. Focus moves to it, so a
 * screen reader says it and the keyboard starts from it: with JavaScript by focusing it, without by
 * the redirect's `#melding` fragment (the browser moves the focus starting point there).
 */
export function Confirmation({ message }: { message: string | null | undefined }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <p id="melding" ref={ref} className="notice ok" role="status" tabIndex={-1}>
      {message}
    </p>
  );
}
