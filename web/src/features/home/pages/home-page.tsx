import { AppstoreOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Tag, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { disabledReason, type ModuleEntry, useMe } from '../../../lib/session';

const DESCRIPTIONS: [string, string][] = [
  ['组织', '单位树、人员与职务、督导巡查组和派驻组，Excel 导入导出'],
  ['明责', '主体责任清单、年度交办、季度派单与报告'],
  ['督导', '督导巡查任务、四不两直检查、发现问题'],
  ['问题', '问题清单交办、整改台账、挂牌督办、逐项销号'],
  ['模拟问责', '问责情形预判、预警通知、联席会议'],
  ['考核', '指标体系、考核评分、述责述廉评议'],
  ['政治生态', '单位政治生态画像与研判'],
  ['问责', '问责案件、容错免责备案、约谈、案件评查'],
  ['信访', '群众信访举报受理、回执查询'],
  ['消息', '到期提醒、短信与站内消息'],
  ['文书', '文书生成、数据交换'],
  ['统计', '统计分析与大屏展示'],
  ['审计', '审计日志、安全策略、账号与运维'],
];

function describe(m: ModuleEntry): string {
  return DESCRIPTIONS.find(([k]) => m.label.includes(k))?.[1] ?? '';
}

export function HomePage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <>
      <PageHeader
        title={`您好，${me.user.displayName}`}
        subTitle="明责 → 督责 → 模拟问责 → 考责 → 问责，全链条闭环管理"
      />
      {me.modules.length === 0 ? <Empty description="暂无可用模块" /> : null}
      <Row gutter={[16, 16]}>
        {me.modules.map((m) => {
          const card = (
            <Card
              hoverable={m.enabled}
              onClick={m.enabled ? () => void navigate(m.path) : undefined}
              aria-disabled={!m.enabled}
              style={{
                height: '100%',
                opacity: m.enabled ? 1 : 0.5,
                cursor: m.enabled ? 'pointer' : 'not-allowed',
                background: m.enabled ? undefined : '#fafafa',
              }}
            >
              <Card.Meta
                avatar={<AppstoreOutlined style={{ fontSize: 24, color: m.enabled ? '#b71c1c' : '#bfbfbf' }} />}
                title={
                  <span>
                    {m.label} {m.enabled ? null : <Tag>{disabledReason(m)}</Tag>}
                  </span>
                }
                description={<Typography.Text type="secondary">{describe(m)}</Typography.Text>}
              />
            </Card>
          );
          return (
            <Col key={m.key} xs={24} sm={12} lg={8} xl={6}>
              {m.enabled ? card : <Tooltip title={disabledReason(m)}>{card}</Tooltip>}
            </Col>
          );
        })}
      </Row>
    </>
  );
}
