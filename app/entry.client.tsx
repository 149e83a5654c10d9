import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DemoProvider } from "./components/document-context";

// The server marked the demo on <html> (see root.tsx): the same banner after hydration.
const demo = document.documentElement.hasAttribute("data-demo");

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <DemoProvider value={demo}>
        <RemixBrowser />
      </DemoProvider>
    </StrictMode>,
  );
});
