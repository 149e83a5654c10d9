/**
 * `npm run dev:oidc`: the development server (as `npm run dev`) with the same OpenID provider the
 * tests use running beside it, so "Logg inn med testkontoen" can be tried on any machine. On the
 * provider's sign-in page, type `kari` (a new employee in Molde, by her e-mail's domain) or `ola`
 * (linked to the demo account ansatt@innspill.test); any password is accepted.
 */
import { spawn } from "node:child_process";
import { startTestProvider } from "../tests/support/oidc-provider";

const appPort = Number(process.env.PORT ?? 3000);
const providerPort = Number(process.env.OIDC_DEV_PROVIDER_PORT ?? 3001);
const appUrl = `http://localhost:${appPort}`;

const provider = await startTestProvider({ host: "localhost", port: providerPort, appUrls: [appUrl] });
console.log(
  `Test-OpenID-leverandør på ${provider.issuer} (logg inn som "kari" eller "ola", valgfritt passord)`,
);

const app = spawn(process.execPath, ["server/start.js"], {
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "development", PORT: String(appPort), ...provider.appEnv(appUrl) },
});

const stop = () => {
  app.kill("SIGTERM");
  void provider.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
app.on("exit", (code) => void provider.close().then(() => process.exit(code ?? 0)));
