import { AppstoreOutlined, CameraOutlined, CheckCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  List,
  Result,
  Row,
  Skeleton,
  Statistic,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { Link, useNavigate } from 'react-router';
import { HOME_GROUPS, type HomeGroup } from '../../../../../common/home.schema';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { disabledReason, hasPermission, type ModuleEntry, useMe } from '../../../lib/session';
import { type HomeSection, useHome } from '../api/home';

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

/** One entry: its title and count open the filtered list; its first rows open the objects. */
function SectionCard({ section }: { section: HomeSection }) {
  const more = section.count - section.items.length;
  return (
    <Card
      size="small"
      title={<Link to={section.path}>{section.title}</Link>}
      extra={
        <Link to={section.path} aria-label={`${section.title}，共 ${section.count} 项`}>
          <Badge count={section.count} overflowCount={9999} color={section.group === 'due' ? '#cf1322' : '#b71c1c'} />
        </Link>
      }
      style={{ height: '100%' }}
    >
      <List
        size="small"
        dataSource={section.items}
        renderItem={(item) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Link to={item.path}>{item.label}</Link>
          </List.Item>
        )}
      />
      {more > 0 ? (
        <Link to={section.path}>
          查看全部 {section.count} 项 <Typography.Text type="secondary">（还有 {more} 项）</Typography.Text>
        </Link>
      ) : null}
    </Card>
  );
}

function Figures({ sections }: { sections: HomeSection[] }) {
  const navigate = useNavigate();
  return (
    <Row gutter={[16, 16]}>
      {sections.map((s) => (
        <Col key={s.key} xs={12} md={8} xl={6}>
          <Card hoverable size="small" onClick={() => void navigate(s.path)}>
            <Link to={s.path}>
              <Statistic title={s.title} value={s.count} suffix="项" />
            </Link>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function Group({ group, sections }: { group: HomeGroup; sections: HomeSection[] }) {
  const mine = sections.filter((s) => s.group === group);
  if (group === 'todo' && mine.length === 0) {
    return (
      <Result
        icon={<CheckCircleOutlined style={{ color: '#389e0d' }} />}
        title="今天没有需要您处理的事项"
        subTitle="有新的交办、审批或提醒时会显示在这里。"
        style={{ padding: 16 }}
      />
    );
  }
  if (mine.length === 0) return null;
  return (
    <section aria-label={HOME_GROUPS[group]} style={{ marginBottom: 24 }}>
      <Typography.Title level={5}>{HOME_GROUPS[group]}</Typography.Title>
      {group === 'figures' ? (
        <Figures sections={mine} />
      ) : (
        <Row gutter={[16, 16]}>
          {mine.map((s) => (
            <Col key={s.key} xs={24} md={12} xl={8}>
              <SectionCard section={s} />
            </Col>
          ))}
        </Row>
      )}
    </section>
  );
}

/** Sections whose rows are tasks a patrol group records visits for: open, nearest deadline first. */
const FIELD_SECTIONS = ['tasks.in_progress', 'tasks.issued'];

/**
 * 现场督导: a patrol group member in the field reaches the visit form of a task in one tap (and saves it with the
 * second), from the first thing the home page shows.
 */
function FieldWork({ sections }: { sections: HomeSection[] }) {
  const navigate = useNavigate();
  const tasks = FIELD_SECTIONS.flatMap((key) => sections.find((s) => s.key === key)?.items ?? []);
  return (
    <Card size="small" title="现场督导" style={{ marginBottom: 24 }} data-testid="field-work">
      <Flex vertical gap={8}>
        {tasks.map((t) => (
          <Button
            key={t.id}
            block
            size="large"
            icon={<CameraOutlined />}
            style={{ justifyContent: 'flex-start', overflow: 'hidden' }}
            onClick={() => void navigate(`/supervision/record?taskId=${t.id}`)}
          >
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>记录督导 · {t.label}</span>
          </Button>
        ))}
        <Button
          block
          size="large"
          type={tasks.length ? 'default' : 'primary'}
          icon={<CameraOutlined />}
          onClick={() => void navigate('/supervision/record')}
        >
          {tasks.length ? '记录其他督导情况' : '记录督导情况'}
        </Button>
      </Flex>
    </Card>
  );
}

function Modules({ modules }: { modules: ModuleEntry[] }) {
  const navigate = useNavigate();
  if (modules.length === 0) return <Empty description="暂无可用模块" />;
  return (
    <Row gutter={[12, 12]}>
      {modules.map((m) => {
        const card = (
          <Card
            size="small"
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
              avatar={<AppstoreOutlined style={{ fontSize: 20, color: m.enabled ? '#b71c1c' : '#bfbfbf' }} />}
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
  );
}

export function HomePage() {
  const { data: me } = useMe();
  const home = useHome();
  if (!me) return null;
  const sections = home.data?.sections ?? [];
  return (
    <>
      <PageHeader
        title={`您好，${me.user.displayName}`}
        subTitle={home.data ? `今日工作 · ${formatDate(home.data.today)}` : '今日工作'}
      />
      {home.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {home.isError ? <Alert type="error" showIcon message="今日工作加载失败，请稍后刷新页面。" /> : null}
      {home.data ? (
        <>
          {hasPermission(me, 'patrol:record') ? <FieldWork sections={sections} /> : null}
          <Group group="todo" sections={sections} />
          <Group group="due" sections={sections} />
          <Group group="copies" sections={sections} />
          <Group group="figures" sections={sections} />
        </>
      ) : null}
      <section aria-label="全部模块" style={{ marginTop: 8 }}>
        <Typography.Title level={5}>全部模块</Typography.Title>
        <Modules modules={me.modules} />
      </section>
    </>
  );
}
