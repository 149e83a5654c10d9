import { createContext, useContext } from "react";

/**
 * What the server knows of the response it renders, for the document shell: the
 * Content-Security-Policy nonce (undefined in the browser) and whether this is the demo. The demo
 * flag reaches the browser as `data-demo` on <html>, which entry.client reads back, so the shell
 * is the same on both sides — error pages included, where no loader data exists.
 */
const NonceContext = createContext<string | undefined>(undefined);
const DemoContext = createContext(false);

export const NonceProvider = NonceContext.Provider;
export const DemoProvider = DemoContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

export function useDemo(): boolean {
  return useContext(DemoContext);
}
