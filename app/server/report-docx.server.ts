import {
  AlignmentType,
  Document,
  FileChild,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IXmlableObject,
} from "docx";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { entryHeading, type ReportModel } from "~/domain/report-document";
import { formatDate } from "~/domain/texts";
import { recordTexts } from "~/domain/texts/records";
import { reportTexts as R } from "~/domain/texts/report";
import type { ReportApprovalLine } from "./report.server";

const NUMBERING = "report-headings";
const DOCUMENT_XML = "word/document.xml";

const headingLevels = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
  4: HeadingLevel.HEADING_4,
} as const;

/**
 * Multi-level numbering on the heading styles, as in the annual report ("2", "2.1", "2.2.3.1"),
 * starting at chapter 2. Word renumbers by itself when people add or move sections.
 */
const headingNumbering = {
  reference: NUMBERING,
  levels: [0, 1, 2, 3].map((level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join("."),
    start: level === 0 ? 2 : 1,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: 0, hanging: 0 } } },
  })),
};

/**
 * Where XML written here goes in docx's document.xml: an element no text can write (docx escapes
 * every `<` of a text), replaced after docx has written the rest. `raw` stands for a stretch of
 * plain paragraphs; `rows` for a table's body rows, and follows the table docx wrote with its
 * header row only (its properties and grid are the same: every row has the header's columns).
 */
const MARKS = /<\/w:tbl><innspill:rows n="(\d+)"\/>|<innspill:raw n="(\d+)"\/>/g;

class Mark extends FileChild {
  constructor(
    private readonly kind: "raw" | "rows",
    private readonly index: number,
  ) {
    super("w:p");
  }
  override prepForXml(): IXmlableObject {
    return { [`innspill:${this.kind}`]: { _attr: { n: this.index } } };
  }
}

/** A text escaped as docx escapes it (the `xml` package's rules): five entities, control characters dropped. */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};
const escapeXml = (text: string) =>
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 does not allow
  text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESCAPES[c] ?? "");

const onOff = (name: string, on: boolean) => (on ? `<${name}/>` : `<${name} w:val="false"/>`);

/** `<w:rPr>` for a run's bold and italics, as docx writes it ("" for neither). */
function runProperties(bold: boolean | undefined, italics: boolean | undefined) {
  const properties =
    (bold === undefined ? "" : onOff("w:b", bold) + onOff("w:bCs", bold)) +
    (italics === undefined ? "" : onOff("w:i", italics) + onOff("w:iCs", italics));
  return properties && `<w:rPr>${properties}</w:rPr>`;
}
const RUN_PROPERTIES = new Map(
  [undefined, false, true].flatMap((bold) =>
    [undefined, false, true].map((italics) => [`${bold}|${italics}`, runProperties(bold, italics)] as const),
  ),
);

/**
 * The XML of a paragraph of one run of text, exactly as docx writes
 * `new Paragraph({ keepNext, children: [new TextRun({ text, bold, italics })] })` (an option left
 * out is left out of the XML). A national year's report has some 15,000 such paragraphs; built
 * through docx's components, and then its tree of XML objects, they were most of the file's time
 * and garbage.
 */
function runParagraph(text: string, opts: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) {
  return (
    (opts.keepNext ? "<w:p><w:pPr><w:keepNext/></w:pPr><w:r>" : "<w:p><w:r>") +
    RUN_PROPERTIES.get(`${opts.bold}|${opts.italics}`)! +
    `<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`
  );
}

/**
 * The document's body as docx's children, with the XML written here (each stretch of plain
 * paragraphs, each table's body rows) kept behind marks (see `MARKS`).
 */
class Body {
  readonly children: FileChild[] = [];
  readonly stretches: string[][] = [];
  private open: string[] | null = null;

  add(...children: FileChild[]) {
    this.children.push(...children);
    this.open = null;
  }

  plain(...paragraphs: string[]) {
    if (!this.open) {
      this.children.push(new Mark("raw", this.stretches.length));
      this.stretches.push((this.open = []));
    }
    this.open.push(...paragraphs);
  }

  /** A table with its caption: its header row through docx, its rows as docx writes them. */
  table(caption: string, head: string[], rows: string[][]) {
    const header = new TableRow({
      tableHeader: true,
      children: head.map(
        (text) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: true })] })] }),
      ),
    });
    this.add(
      new Paragraph({ style: "Caption", children: [new TextRun(caption)] }),
      new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header] }),
      new Mark("rows", this.stretches.length),
      new Paragraph(""),
    );
    this.stretches.push(
      rows.map(
        (row) =>
          `<w:tr>${row.map((c) => `<w:tc>${runParagraph(c, { bold: false })}</w:tc>`).join("")}</w:tr>`,
      ),
    );
  }
}

/**
 * docx's document.xml with the XML written here in the places of its marks. Every mark must be
 * found once: a docx that wrote them differently would otherwise leave an element Word refuses.
 */
function fillMarks(documentXml: string, stretches: readonly string[][]) {
  let filled = 0;
  const xml = documentXml.replace(MARKS, (_, rows?: string, raw?: string) => {
    filled += 1;
    return rows !== undefined
      ? `${stretches[Number(rows)]!.join("")}</w:tbl>`
      : stretches[Number(raw)]!.join("");
  });
  if (filled !== stretches.length)
    throw new Error(`report DOCX: ${filled} of ${stretches.length} marks found in docx's document.xml`);
  return xml;
}

/**
 * The report as a Word document: Title, then Heading1–Heading4 with the report's numbering, so
 * the navigation pane, the table of contents and the numbering work when people edit it.
 *
 * docx writes the package (styles, numbering, headings, lists, tables, section); the plain
 * paragraphs, most of a national year's file, are written here as the XML docx would write for
 * them and put in its document.xml in their places, and the package is zipped again.
 */
export async function reportDocx(
  model: ReportModel,
  status: "draft" | "final",
  approvals: ReportApprovalLine[] = [],
): Promise<Buffer> {
  const body = new Body();
  body.add(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun(status === "final" ? R.finalTitle(model.year) : model.title)],
    }),
  );
  if (status === "draft")
    body.plain(runParagraph(R.draftNotice(formatDate(model.generatedAt)), { italics: true }));
  for (const b of model.blocks) {
    switch (b.kind) {
      case "heading":
        body.add(
          new Paragraph({
            heading: headingLevels[b.level],
            numbering: { reference: NUMBERING, level: b.level - 1 },
            children: [new TextRun(b.text)],
          }),
        );
        break;
      case "paragraph":
        body.plain(runParagraph(b.text, { italics: b.placeholder === true }));
        break;
      case "entry":
        body.plain(
          runParagraph(entryHeading(b), { bold: true, keepNext: true }),
          runParagraph(b.state, { italics: true, keepNext: true }),
          ...b.text.split(/\n\s*\n/).map((para) => runParagraph(para.trim())),
        );
        break;
      case "list":
        body.add(
          ...b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] })),
        );
        break;
      case "table":
        body.table(b.caption, b.head, b.rows);
        break;
    }
  }
  // Chapter 7 of the report: each member municipality's approval, with who and when.
  const A = recordTexts.reportApproval;
  body.add(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(A.heading)] }));
  body.plain(
    runParagraph(status === "final" ? A.intro : A.pendingIntro),
    ...approvals.map((a) => runParagraph(a.text, { italics: !a.approved })),
  );
  const doc = new Document({
    creator: "Innspill",
    title: status === "final" ? R.finalTitle(model.year) : model.title,
    numbering: { config: [headingNumbering] },
    sections: [{ children: body.children }],
  });
  const files = unzipSync(await Packer.toBuffer(doc));
  files[DOCUMENT_XML] = Buffer.from(fillMarks(strFromU8(files[DOCUMENT_XML]!), body.stretches), "utf8");
  return Buffer.from(zipSync(files));
}

/** A download response for a Word file. */
export function docxResponse(buffer: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
