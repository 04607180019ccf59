import { Breadcrumb, Flex, Typography } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { MODULES } from '../../../common/modules';

const APP_NAME = '责链';

/** The section a page belongs to, by the first segment of its path: the modules of the menu and a few more (each a page). */
const SECTIONS: Record<string, string> = {
  ...Object.fromEntries(MODULES.map((m) => [m.path, m.label])),
  '/meetings': '联席会议',
  '/calendar': '工作日历',
  '/campaigns': '关键节点提醒',
  '/webhooks': 'Webhook 订阅',
};

/** 首页 / the section, on every page below a section's first page; nothing on the first pages themselves. */
export function Trail() {
  const { pathname } = useLocation();
  const segments = pathname.split('/').filter(Boolean);
  if (segments.length < 2) return null;
  const root = `/${segments[0]}`;
  const section = SECTIONS[root];
  if (!section) return null;
  return (
    <Breadcrumb
      style={{ marginBottom: 4 }}
      items={[{ title: <Link to="/">首页</Link> }, { title: <Link to={root}>{section}</Link> }]}
    />
  );
}

/**
 * The browser tab's title: the page's heading as it reads (`text` is asked after every render: a heading may be
 * built of elements whose text arrives with the data), then the product's name; back to the name on leaving.
 */
export function useDocumentTitle(text: () => string | null | undefined) {
  useEffect(() => {
    const heading = text()?.replace(/\s+/g, ' ').trim();
    const next = heading ? `${heading} · ${APP_NAME}` : APP_NAME;
    if (document.title !== next) document.title = next;
  });
  useEffect(
    () => () => {
      document.title = APP_NAME;
    },
    [],
  );
}

/**
 * The heading of a page: its title (also the browser tab's title, as the heading reads), the trail back to its
 * section, a line below and the page's actions on the right.
 */
export function PageHeader({ title, extra, subTitle }: { title: ReactNode; extra?: ReactNode; subTitle?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/performance/useDomNodeTextContent: the text as shown, with the gaps between a code and a title
  useDocumentTitle(() => heading.current?.innerText);
  return (
    <>
      <Trail />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} ref={heading}>
            {title}
          </Typography.Title>
          {subTitle ? <Typography.Text type="secondary">{subTitle}</Typography.Text> : null}
        </div>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
    </>
  );
}
