import { TextArea } from "~/components/form";
import { meetingTexts as T } from "~/domain/texts/meetings";
import type { MeetingPageData } from "~/server/meetings/page.server";
import { PageForm, usePageForm, type MeetingReply } from "./page-form";

/** A dated correction to an approved protocol. */
export function AddendumForm({ page, reply }: { page: MeetingPageData; reply: MeetingReply }) {
  const [form, fields] = usePageForm<{ text: string }>("addendum", reply);
  return (
    <PageForm
      form={form}
      hidden={{ intent: "addendum", version: page.version }}
      labels={{ text: T.fields.addendum }}
      className="stack"
      label="addendum-heading"
    >
      <h3 id="addendum-heading">{T.addAddendum}</h3>
      <TextArea field={fields.text} label={T.fields.addendum} rows={3} />
      <button type="submit" className="secondary">
        {T.addAddendum}
      </button>
    </PageForm>
  );
}
