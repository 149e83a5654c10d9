import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ContactLines, SiteTextBody } from "~/components/site-text";
import { t } from "~/domain/texts";
import { siteTexts } from "~/domain/texts/site";
import { siteText } from "~/server/site-texts.server";

/** The accessibility statement (tilgjengelighetserklæring), open to everyone, as the regulation requires. */

const T = siteTexts.accessibility;

export const meta: MetaFunction = () => [{ title: `${T.title} – ${t.app.name}` }];

export async function loader() {
  const [body, contact] = await Promise.all([siteText("tilgjengelighet"), siteText("kundeservice")]);
  return { body, contact };
}

export default function AccessibilityStatement() {
  const { body, contact } = useLoaderData<typeof loader>();
  return (
    <article className="site-text">
      <h1>{T.title}</h1>
      <SiteTextBody body={body} />
      <h2>{T.contactHeading}</h2>
      <ContactLines body={contact} />
    </article>
  );
}
