import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { countOf, isTooLong, tooLongMessage } from '../lib/schema-limits';
import { useMe } from '../lib/session';

/** A named set of filters and order of a list: the query string it stands for (no `?`, no page). */
export interface ListView {
  label: string;
  search: string;
}

const NAME_MAX = 20;
const VIEWS_MAX = 12;

/** The same filters in any order, on any page, are the same view. */
function normalise(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('page');
  return [...params.entries()]
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

function storageKey(userId: string, list: string) {
  return `zelian:views:${userId}:${list}`;
}

function readViews(key: string): ListView[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((v): v is ListView => typeof v?.label === 'string' && typeof v?.search === 'string')
      : [];
  } catch {
    return [];
  }
}

/**
 * The views of a list: the product's own (`presets`, the first being the list's default) and the ones the user
 * saved from the filters on screen, kept in this browser for this user. A view is a link: its filters go to the
 * URL like any filter, so back, bookmarks and sharing work as usual.
 */
export function SavedViews({ list, presets }: { list: string; presets: ListView[] }) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const key = storageKey(me?.user.id ?? 'anonymous', list);
  // Keyed by user and list: read again when the key changes (the user known after the first render, another list).
  const [stored, setStored] = useState(() => ({ key, views: readViews(key) }));
  const mine = stored.key === key ? stored.views : readViews(key);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  // The router applies a navigation in a React transition: the address bar changes at once, `location` only
  // when that render commits (seconds later on a busy machine, never while the new render is suspended). The
  // view just clicked is pressed at once, until the location moves on from where it was clicked.
  const [clicked, setClicked] = useState<{ view: string; at: string } | null>(null);
  const current = clicked?.at === location.search ? clicked.view : normalise(location.search);

  const store = (views: ListView[]) => {
    setStored({ key, views });
    localStorage.setItem(key, JSON.stringify(views));
  };
  const open = (view: ListView) => {
    setClicked({ view: normalise(view.search), at: location.search });
    void navigate({ search: view.search ? `?${view.search}` : '' });
  };
  const save = () => {
    const label = name.trim();
    if (!label) return void message.error('请填写视图名称');
    if (isTooLong(label, NAME_MAX)) return void message.error(`视图名称${tooLongMessage(NAME_MAX, label.length)}`);
    if ([...presets, ...mine].some((v) => v.label === label)) return void message.error(`已有名为「${label}」的视图`);
    if (mine.length >= VIEWS_MAX) return void message.error(`最多保存 ${VIEWS_MAX} 个视图，请先删除不用的视图`);
    // What the address bar holds now (a filter chosen just before opening this dialog included).
    store([...mine, { label, search: normalise(window.location.search) }]);
    setNaming(false);
    setName('');
    message.success(`已保存视图「${label}」`);
  };
  const button = (view: ListView, removable: boolean) => {
    const active = normalise(view.search) === current;
    return (
      <Flex key={`${removable}:${view.label}`} gap={0} align="center">
        <Button size="small" type={active ? 'primary' : 'default'} aria-pressed={active} onClick={() => open(view)}>
          {view.label}
        </Button>
        {removable ? (
          <Popconfirm
            title={`删除视图「${view.label}」？`}
            description="只删除这个保存的筛选条件，不影响任何数据。"
            okText="删除"
            cancelText="取消"
            onConfirm={() => store(mine.filter((v) => v !== view))}
          >
            <Button size="small" type="text" icon={<CloseOutlined />} aria-label={`删除视图「${view.label}」`} />
          </Popconfirm>
        ) : null}
      </Flex>
    );
  };

  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="saved-views">
      <Typography.Text type="secondary">视图：</Typography.Text>
      {presets.map((v) => button(v, false))}
      {mine.map((v) => button(v, true))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => setNaming(true)}>
        保存当前视图
      </Button>
      <Modal
        title="保存当前视图"
        open={naming}
        okText="保存"
        cancelText="取消"
        onOk={save}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          保存当前的筛选条件和排序，下次一键打开（仅保存在本浏览器）。
        </Typography.Paragraph>
        <Input
          autoFocus
          aria-label="视图名称"
          placeholder="如：我的待办、本单位逾期"
          count={countOf(NAME_MAX)}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={save}
        />
      </Modal>
    </Flex>
  );
}
