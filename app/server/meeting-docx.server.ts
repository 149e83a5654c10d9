import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { meetingTexts } from "~/domain/texts/meetings";
import { recordTexts } from "~/domain/texts/records";
import type { DocumentCase, MeetingDocument } from "./meetings/record.server";

const D = meetingTexts.documents;

const para = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) =>
  text
    .split(/\n+/)
    .filter((line) => line.trim().length > 0)
    .map(
      (line) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text: line, ...opts })] }),
    );

const label = (text: string) =>
  new Paragraph({ spacing: { before: 160, after: 60 }, children: [new TextRun({ text, bold: true })] });

const none = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const noBorders = {
  top: none,
  bottom: none,
  left: none,
  right: none,
  insideHorizontal: none,
  insideVertical: none,
};

/** The head of a municipal meeting document: Utvalg, Møtested, Dato, Tidspunkt. */
function factsTable(doc: MeetingDocument): Table {
  const rows: [string, string][] = [
    [D.body, doc.bodyName],
    [D.place, [doc.place, doc.videoLink].filter(Boolean).join(" / ")],
    [D.date, doc.date],
    [D.time, doc.time],
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 25, type: WidthType.PERCENTAGE },
              children: [new Paragraph({ children: [new TextRun({ text: `${k}:`, bold: true })] })],
            }),
            new TableCell({ width: { size: 75, type: WidthType.PERCENTAGE }, children: [new Paragraph(v)] }),
          ],
        }),
    ),
  });
}

function grid(headers: string[], rows: string[][], widths: number[]): Table {
  const cell = (text: string, width: number, bold = false) =>
    new TableCell({
      width: { size: width, type: WidthType.PERCENTAGE },
      children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, widths[i]!, true)) }),
      ...(rows.length === 0
        ? [
            new TableRow({
              children: [cell(D.noMembers, widths[0]!), ...widths.slice(1).map((w) => cell("", w))],
            }),
          ]
        : rows.map((r) => new TableRow({ children: r.map((text, i) => cell(text, widths[i]!)) }))),
    ],
  });
}

function votingLines(decision: NonNullable<DocumentCase["decision"]>): Paragraph[] {
  if (decision.votes.length === 0) return para(meetingTexts.noVote);
  const t = decision.tally!;
  const summary = decision.unanimous
    ? D.unanimous
    : decision.result === "adopted"
      ? D.adoptedWith(t.for, t.against)
      : D.notAdoptedWith(t.for, t.against);
  const names = (choice: "for" | "against" | "abstain") =>
    decision.votes
      .filter((v) => v.choice === choice)
      .map((v) => `${v.name}${D.weight(v.weight)}`)
      .join(", ");
  const lines = [summary];
  if (names("for")) lines.push(`${D.votedFor}: ${names("for")}`);
  if (names("against")) lines.push(`${D.votedAgainst}: ${names("against")}`);
  if (names("abstain")) lines.push(`${D.abstained}: ${names("abstain")}`);
  return lines.flatMap((l) => para(l));
}

function caseBlock(
  doc: MeetingDocument,
  c: DocumentCase,
  kind: "notice" | "protocol",
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 360 },
      children: [new TextRun(`${c.label ? `${c.label} ` : ""}${c.title}`)],
    }),
  ];
  if (c.deferredFrom) out.push(...para(meetingTexts.deferredFrom(c.deferredFrom), { italics: true }));
  if (c.redacted && kind === "protocol" && c.participants.length > 0)
    out.push(label(recordTexts.exempt.participants), ...para(c.participants.join(", ")));
  if (!c.redacted) {
    if (c.exemptBasis) out.push(...para(meetingTexts.exemptShown(c.exemptBasis), { italics: true }));
    if (kind === "notice" && c.presentation) out.push(label(D.presentation), ...para(c.presentation));
    if (c.recommendation) out.push(label(D.proposedDecision), ...para(c.recommendation));
  }
  if (kind === "protocol" && c.decision) {
    out.push(label(D.treatmentIn(doc.bodyName, doc.date)));
    for (const x of c.conflicts) out.push(...para(`${meetingTexts.conflictLine(x.name)} ${x.reason}`.trim()));
    if (c.decision.motions) out.push(label(D.motions), ...para(c.decision.motions));
    out.push(label(D.voting), ...votingLines(c.decision));
    out.push(label(`${D.decision} (${c.decision.outcomeLabel.toLowerCase()})`));
    out.push(...para(c.decision.text));
  }
  return out;
}

/**
 * A notice (møteinnkalling) or protocol (møteprotokoll) as a Word file, in the layout Norwegian
 * municipalities use, from the same data as the print view (so exempt cases are withheld alike).
 */
export async function meetingDocx(doc: MeetingDocument, kind: "notice" | "protocol"): Promise<Buffer> {
  const protocol = kind === "protocol";
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(protocol ? D.protocol : D.notice)],
    }),
    factsTable(doc),
  ];
  if (doc.cancelled) children.push(...para(meetingTexts.cancelled(doc.cancelled.at, doc.cancelled.reason)));
  if (!protocol)
    children.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun(D.absenceNote)] }));
  if (protocol) {
    if (!doc.approval) children.push(...para(D.notApproved, { italics: true }));
    const people = (rows: MeetingDocument["present"]) => rows.map((r) => [r.name, r.role, r.represents]);
    children.push(
      label(D.presentMembers),
      grid([D.name, D.role, D.represents], people(doc.present), [40, 30, 30]),
      label(D.absentMembers),
      grid([D.name, D.role, D.represents], people(doc.absent), [40, 30, 30]),
      label(D.substitutes),
      grid(
        [D.name, D.metFor],
        doc.substitutes.map((s) => [s.name, s.forName]),
        [50, 50],
      ),
    );
    if (doc.secretary) children.push(...para(`${D.secretary}: ${doc.secretary}`));
  }
  children.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 360 },
      children: [new TextRun(D.caseList)],
    }),
    grid(
      [D.caseNo, D.caseTitle],
      doc.cases.map((c) => [c.caseNo ?? "", c.title]),
      [20, 80],
    ),
  );
  for (const c of doc.cases) children.push(...caseBlock(doc, c, kind));
  if (protocol) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 360 },
        children: [new TextRun(D.approval)],
      }),
      ...para(doc.approval ? meetingTexts.approvedBy(doc.approval.by, doc.approval.at) : D.notApproved),
      label(recordTexts.signing.heading),
      ...para(doc.signingRule),
    );
    if (doc.signatures.length > 0)
      children.push(
        grid(
          [
            recordTexts.signing.columns.name,
            recordTexts.signing.columns.role,
            recordTexts.signing.columns.signed,
          ],
          doc.signatures.map((s) => [
            s.name,
            s.role,
            s.signedAt ? recordTexts.signing.signed(s.signedAt) : recordTexts.signing.waiting,
          ]),
          [40, 20, 40],
        ),
        ...para(
          doc.final
            ? recordTexts.signing.finalNote
            : recordTexts.signing.pendingNote(doc.signatures.filter((s) => !s.signedAt).length),
          { italics: true },
        ),
      );
    if (doc.addenda.length > 0) {
      children.push(
        new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(meetingTexts.addenda)] }),
      );
      for (const a of doc.addenda)
        children.push(label(meetingTexts.addendumLine(a.at, a.by)), ...para(a.text));
    }
  }
  const document = new Document({
    creator: "Innspill",
    title: `${protocol ? D.protocol : D.notice} – ${doc.bodyName} ${doc.date}`,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${doc.bodyName} – ${doc.date}`, size: 18, color: "555555" })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [`${D.page} `, PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES],
                    size: 18,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A safe file name: "Moteprotokoll-Styret-2021-04-14.docx". */
export function docxFileName(doc: MeetingDocument, kind: "notice" | "protocol"): string {
  const base = `${kind === "protocol" ? "Moteprotokoll" : "Moteinnkalling"}-${doc.bodyName}-${doc.isoDate}`;
  return `${base.normalize("NFD").replace(/[^\w-]+/g, "")}.docx`;
}

export function docxResponse(buffer: Buffer, fileName: string): Response {
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
