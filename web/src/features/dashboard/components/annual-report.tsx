import { App, Button, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ZAnnualReportIssued } from '../../../../../common/dashboard.schema';
import type { Response } from '../../../../../common/zod';
import { YearSelect } from '../../../components/year-select';
import { DownloadButton } from '../../../components/download-button';
import { apiPost } from '../../../lib/api';
import { currentPeriod, formatDate } from '../../../lib/format';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';

type Issued = Response<typeof ZAnnualReportIssued>;

/**
 * 年度工作报告: the year's report as .docx (a 草稿 until issued) for 委领导 and 监督室, and 签发 for 委领导 — numbered
 * and dated once, its figures frozen; a second 签发 answers the same number.
 */
export function AnnualReportActions() {
  const mayRead = usePermission('patrol:manage');
  const mayIssue = usePermission('reports:issue');
  const { modal } = App.useApp();
  const thisYear = currentPeriod().year;
  const [year, setYear] = useState(thisYear);
  const issue = useMutation({ mutationFn: (y: number) => apiPost<Issued>('/reports/annual/issue', { year: y }) });
  if (!mayRead) return null;
  return (
    <Space wrap>
      <YearSelect value={year} onChange={setYear} label="报告年度" />
      <DownloadButton path="/reports/annual.docx" query={{ year }}>
        年度工作报告（.docx）
      </DownloadButton>
      {mayIssue ? (
        <Button
          loading={issue.isPending}
          onClick={() =>
            modal.confirm({
              title: `签发${year}年度工作报告`,
              content: '签发后报告编号、成文日期和其中的数据即固定，以后下载均为签发时的文本。',
              onOk: () =>
                quietly(
                  issue
                    .mutateAsync(year)
                    .then((r) =>
                      notifySuccess(
                        r.alreadyIssued ? `已于${formatDate(r.issuedOn)}签发：${r.number}` : `已签发：${r.number}`,
                      ),
                    ),
                ),
            })
          }
        >
          签发
        </Button>
      ) : null}
      {issue.data && issue.variables === year ? (
        <Typography.Text type="success" data-testid="annual-report-issued">
          已签发：{issue.data.number}
        </Typography.Text>
      ) : null}
    </Space>
  );
}
