import { createContext, useContext } from "react";

/** The Content-Security-Policy nonce of the response being rendered (undefined in the browser). */
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
