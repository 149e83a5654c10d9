import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Confirmation } from "~/components/confirmation";
import { ErrorSummary, TextField, type FieldLike } from "~/components/form";
import { stepLimitsSchema } from "~/domain/notification.schema";
import { t } from "~/domain/texts";
import { adminTexts } from "~/domain/texts/admin";
import { notificationCenterTexts } from "~/domain/texts/notification-center";
import { requireAdmin } from "~/server/auth.server";
import { saveStepLimitsCommand } from "~/server/commands/notification-center.server";
import { db } from "~/server/db.server";
import { limitedStates, stepLimitsPage } from "~/server/notification-center.server";
import { invalid, replyTo } from "~/server/reply.server";

const S = notificationCenterTexts.stepLimits;

export const meta: MetaFunction = () => [{ title: `${S.title} – ${t.app.name}` }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return stepLimitsPage();
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const submission = parseWithZod(await request.formData(), { schema: stepLimitsSchema(limitedStates) });
  if (submission.status !== "success") return invalid(submission);
  const { fingerprint, ...limits } = submission.value;
  const result = await saveStepLimitsCommand(db(), { user: admin, fingerprint, limits });
  return replyTo(result, submission, () => redirect("/admin/frister?melding=lagret#melding"));
}

export default function StepLimitsPage() {
  const page = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const schema = stepLimitsSchema(page.states.map((s) => s.state));
  const [form, allFields] = useForm({
    id: "step-limits",
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  // One field per state, named by the state (the schema is built from the machine's states).
  const fields = allFields as unknown as Record<string, FieldLike>;
  return (
    <>
      <p className="small muted">
        <Link to="/admin">← {adminTexts.nav}</Link>
      </p>
      <Confirmation message={params.get("melding") === "lagret" ? S.saved : null} />
      <h1>{S.title}</h1>
      <p>{S.intro}</p>
      <div className="card" style={{ maxWidth: "40rem" }}>
        <ErrorSummary
          form={form}
          labels={Object.fromEntries(page.states.map((s) => [s.state, S.fieldLabel(s.label)]))}
        />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="fingerprint" value={page.fingerprint} />
          {page.states.map((s) => (
            <TextField
              key={`${s.state}-${page.fingerprint}`}
              field={{
                ...fields[s.state]!,
                initialValue: fields[s.state]!.initialValue ?? s.limitDays ?? undefined,
              }}
              label={S.fieldLabel(s.label)}
              type="number"
            />
          ))}
          <button type="submit" className="primary">
            {S.submit}
          </button>
        </Form>
      </div>
    </>
  );
}
