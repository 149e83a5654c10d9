/**
 * A site text an administrator wrote, as HTML without trusting it: a blank line starts a
 * paragraph, "## " a heading (one level below the page's), "- " a list item. Nothing else is markup.
 */
export function SiteTextBody({ body, headingLevel = 2 }: { body: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const blocks = body.replace(/\r\n/g, "\n").split(/\n\s*\n/);
  return (
    <>
      {blocks.flatMap((block, b) => {
        const lines = block.split("\n").filter((l) => l.trim() !== "");
        const out: JSX.Element[] = [];
        let para: string[] = [];
        let items: string[] = [];
        const flush = () => {
          if (para.length) out.push(<p key={`${b}-p${out.length}`}>{para.join(" ")}</p>);
          if (items.length)
            out.push(
              <ul key={`${b}-u${out.length}`}>
                {items.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>,
            );
          para = [];
          items = [];
        };
        for (const line of lines) {
          if (line.startsWith("## ")) {
            flush();
            out.push(<Heading key={`${b}-h${out.length}`}>{line.slice(3).trim()}</Heading>);
          } else if (line.startsWith("- ")) {
            if (para.length) flush();
            items.push(line.slice(2).trim());
          } else {
            if (items.length) flush();
            para.push(line.trim());
          }
        }
        flush();
        return out;
      })}
    </>
  );
}

/** Contact details as written, one line each (phone, e-mail, opening hours). */
export function ContactLines({ body }: { body: string }) {
  const lines = body.split(/\r?\n/).filter((l) => l.trim() !== "");
  return (
    <p className="contact-lines">
      {lines.map((line, i) => (
        <span key={i} style={{ display: "block" }}>
          {line}
        </span>
      ))}
    </p>
  );
}
