import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ContactLines, SiteTextBody } from "~/components/site-text";
import { t } from "~/domain/texts";
import { siteTexts } from "~/domain/texts/site";
import { siteText } from "~/server/site-texts.server";

/** What is stored about whom, why, for how long and whom to ask: open to everyone. */

const P = siteTexts.privacy;

export const meta: MetaFunction = () => [{ title: `${P.title} – ${t.app.name}` }];

export async function loader() {
  const [body, contact] = await Promise.all([siteText("personvern"), siteText("kundeservice")]);
  return { body, contact };
}

export default function PrivacyPage() {
  const { body, contact } = useLoaderData<typeof loader>();
  return (
    <article className="site-text">
      <h1>{P.title}</h1>
      <SiteTextBody body={body} />
      <h2>{siteTexts.customerService.title}</h2>
      <ContactLines body={contact} />
    </article>
  );
}
