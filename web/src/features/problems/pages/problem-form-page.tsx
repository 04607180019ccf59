import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Result, Spin } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { ApiError, apiPost } from '../../../lib/api';
import { notifyError, notifySuccess, validValues } from '../../../lib/notify';
import { type ProblemDetail, problemKeys, useCreateProblem, useProblem, useUpdateProblem } from '../api/problems';
import {
  applyProblemErrors,
  inputOf,
  NEW_PROBLEM_VALUES,
  ProblemFormFields,
  type ProblemFormValues,
  valuesOf,
} from '../components/problem-form';

/** A UUID for Idempotency-Key (crypto.randomUUID needs a secure context; plain-HTTP intranets lack it). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function ProblemForm({ problem }: { problem?: ProblemDetail }) {
  const [form] = Form.useForm<ProblemFormValues>();
  const navigate = useNavigate();
  const create = useCreateProblem();
  const update = useUpdateProblem(problem?.id ?? '');
  const qc = useQueryClient();
  const [key, setKey] = useState(newKey);
  const [dispatching, setDispatching] = useState(false);
  const [pending, setPending] = useState<'draft' | 'dispatch' | null>(null);

  const fail = (err: unknown) => {
    if (!applyProblemErrors(form, err)) notifyError(err);
    // A stale draft: the message is shown above; reload it so the next save uses the new version.
    if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey: problemKeys.all });
  };

  const save = async (dispatch: boolean) => {
    const values = await validValues(form);
    if (!values) return;
    setPending(dispatch ? 'dispatch' : 'draft');
    try {
      const input = inputOf(values);
      if (!problem) {
        const created = await create.mutateAsync({ input, dispatch, key });
        notifySuccess(dispatch ? '问题已交办' : '草稿已保存');
        setKey(newKey());
        void navigate(`/problems/${created.id}`, { replace: true });
        return;
      }
      const saved = await update.mutateAsync({ ...input, version: problem.version });
      if (dispatch) {
        setDispatching(true);
        await apiPost(`/problems/${problem.id}/events`, { type: 'dispatch', version: saved.version });
      }
      notifySuccess(dispatch ? '问题已交办' : '草稿已保存');
      void navigate(`/problems/${problem.id}`, { replace: true });
    } catch (err) {
      fail(err);
    } finally {
      setPending(null);
      setDispatching(false);
    }
  };

  return (
    <Form<ProblemFormValues>
      form={form}
      layout="vertical"
      name="problem"
      initialValues={problem ? valuesOf(problem) : NEW_PROBLEM_VALUES}
      scrollToFirstError
      disabled={pending !== null}
    >
      <ProblemFormFields />
      <Flex gap={8} justify="flex-end">
        <Button onClick={() => void navigate(problem ? `/problems/${problem.id}` : '/problems')}>取消</Button>
        <Button loading={pending === 'draft'} onClick={() => void save(false)}>
          保存草稿
        </Button>
        <Button type="primary" loading={pending === 'dispatch' || dispatching} onClick={() => void save(true)}>
          保存并交办
        </Button>
      </Flex>
    </Form>
  );
}

/** 新建问题 (/problems/new) and editing a draft (/problems/:id/edit). */
export function ProblemFormPage() {
  const { id } = useParams();
  const { data, isLoading, error } = useProblem(id);
  if (id && isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (id && (error || !data)) return <Result status="404" title="问题不存在或无权查看" />;
  return (
    <>
      <PageHeader title={data ? `编辑问题 ${data.code}` : '新建问题'} subTitle="问题、措施、责任、时限四张清单" />
      {data && data.state !== 'draft' ? (
        <Alert type="warning" showIcon title="问题已交办，不能再修改。" style={{ marginBottom: 16 }} />
      ) : (
        <ProblemForm problem={data} />
      )}
    </>
  );
}
