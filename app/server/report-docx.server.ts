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
import { entryHeading, type ReportModel } from "~/domain/report-document";
import { formatDate } from "~/domain/texts";
import { recordTexts } from "~/domain/texts/records";
import { reportTexts as R } from "~/domain/texts/report";
import type { ReportApprovalLine } from "./report.server";

const NUMBERING = "report-headings";

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
 * A paragraph of one run of text, written exactly as docx writes
 * `new Paragraph({ keepNext, children: [new TextRun({ text, bold, italics })] })` (an option left
 * out is left out of the XML), without building docx's tree of components for it: a national
 * year's report has some 15,000 such paragraphs, and those components cost most of the file's time.
 */
class RunParagraph extends FileChild {
  constructor(private readonly xml: IXmlableObject) {
    super("w:p");
  }
  override prepForXml(): IXmlableObject {
    return this.xml;
  }
}

const onOff = (name: string, on: boolean): IXmlableObject =>
  on ? { [name]: {} } : { [name]: { _attr: { "w:val": false } } };

/**
 * The parts that are the same in every such paragraph, built once and shared: docx only reads the
 * objects it is given, and a national report's 15,000 paragraphs each allocating their own copies
 * made the garbage collector, under the server's bounded heap (decision 032), a third of the file's time.
 */
const PRESERVE_SPACE: IXmlableObject = { _attr: { "xml:space": "preserve" } };
const KEEP_NEXT: IXmlableObject = { "w:pPr": [{ "w:keepNext": {} }] };
const runPropertiesCache = new Map<string, IXmlableObject | undefined>();

/** `<w:rPr>` for a run's bold and italics, as docx writes it (undefined: no properties). */
function runProperties(bold: boolean | undefined, italics: boolean | undefined) {
  const key = `${bold}|${italics}`;
  if (runPropertiesCache.has(key)) return runPropertiesCache.get(key);
  const properties: IXmlableObject[] = [];
  if (bold !== undefined) properties.push(onOff("w:b", bold), onOff("w:bCs", bold));
  if (italics !== undefined) properties.push(onOff("w:i", italics), onOff("w:iCs", italics));
  const element = properties.length > 0 ? { "w:rPr": properties } : undefined;
  runPropertiesCache.set(key, element);
  return element;
}

function runParagraph(text: string, opts: { bold?: boolean; italics?: boolean; keepNext?: boolean } = {}) {
  const properties = runProperties(opts.bold, opts.italics);
  const textElement = { "w:t": [PRESERVE_SPACE, text] };
  const run = { "w:r": properties ? [properties, textElement] : [textElement] };
  return new RunParagraph({ "w:p": opts.keepNext ? [KEEP_NEXT, run] : [run] });
}

function tableOf(caption: string, head: string[], rows: string[][]): (Paragraph | Table)[] {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return [
    new Paragraph({ style: "Caption", children: [new TextRun(caption)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
        ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
      ],
    }),
    new Paragraph(""),
  ];
}

/**
 * The report as a Word document: Title, then Heading1–Heading4 with the report's numbering, so
 * the navigation pane, the table of contents and the numbering work when people edit it.
 */
export async function reportDocx(
  model: ReportModel,
  status: "draft" | "final",
  approvals: ReportApprovalLine[] = [],
): Promise<Buffer> {
  const children: FileChild[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [new TextRun(status === "final" ? R.finalTitle(model.year) : model.title)],
    }),
  ];
  if (status === "draft")
    children.push(
      new Paragraph({
        children: [new TextRun({ text: R.draftNotice(formatDate(model.generatedAt)), italics: true })],
      }),
    );
  for (const b of model.blocks) {
    switch (b.kind) {
      case "heading":
        children.push(
          new Paragraph({
            heading: headingLevels[b.level],
            numbering: { reference: NUMBERING, level: b.level - 1 },
            children: [new TextRun(b.text)],
          }),
        );
        break;
      case "paragraph":
        children.push(runParagraph(b.text, { italics: b.placeholder === true }));
        break;
      case "entry":
        children.push(
          runParagraph(entryHeading(b), { bold: true, keepNext: true }),
          runParagraph(b.state, { italics: true, keepNext: true }),
          ...b.text.split(/\n\s*\n/).map((para) => runParagraph(para.trim())),
        );
        break;
      case "list":
        children.push(
          ...b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(item)] })),
        );
        break;
      case "table":
        children.push(...tableOf(b.caption, b.head, b.rows));
        break;
    }
  }
  // Chapter 7 of the report: each member municipality's approval, with who and when.
  const A = recordTexts.reportApproval;
  children.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(A.heading)] }),
    new Paragraph({ children: [new TextRun(status === "final" ? A.intro : A.pendingIntro)] }),
    ...approvals.map(
      (a) => new Paragraph({ children: [new TextRun({ text: a.text, italics: !a.approved })] }),
    ),
  );
  const doc = new Document({
    creator: "Innspill",
    title: status === "final" ? R.finalTitle(model.year) : model.title,
    numbering: { config: [headingNumbering] },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
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
