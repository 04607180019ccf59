import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SAVED_VIEW_LABEL_MAX, SAVED_VIEWS_MAX, type ZSavedView } from '../../../common/identity.schema';
import type { Response } from '../../../common/zod';
import { api, apiDelete, apiPost } from '../lib/api';
import { countOf, isTooLong, tooLongMessage } from '../lib/schema-limits';
import { useMe } from '../lib/session';

/** A named set of filters and order of a list: the query string it stands for (no `?`, no page). */
export interface ListView {
  label: string;
  search: string;
}

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

type SavedView = Response<typeof ZSavedView>;
const viewsKey = (list: string) => ['me', 'views', list] as const;

/**
 * Views saved in this browser before they were kept per account: moved to the account once, then forgotten here
 * (a name the account already has is left out), so nothing a user saved is lost.
 */
async function moveBrowserViews(userId: string, list: string): Promise<void> {
  const key = `zelian:views:${userId}:${list}`;
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(key) ?? 'null');
  } catch {
    stored = null;
  }
  if (!Array.isArray(stored)) return;
  for (const v of stored)
    if (typeof v?.label === 'string' && typeof v?.search === 'string')
      await apiPost('/me/views', { list, label: v.label, search: v.search }).catch(() => undefined);
  localStorage.removeItem(key);
}

function useSavedViews(list: string, userId: string | undefined) {
  return useQuery({
    queryKey: viewsKey(list),
    queryFn: async ({ signal }) => {
      if (userId) await moveBrowserViews(userId, list);
      return api<{ items: SavedView[] }>('/me/views', { query: { list }, signal });
    },
    enabled: !!userId,
    staleTime: 60_000,
  });
}

/**
 * The views of a list: the product's own (`presets`, the first being the list's default) and the ones the user
 * saved from the filters on screen, kept with the user's account (`/api/me/views`), so they follow the user to any
 * browser. A view is a link: its filters go to the URL like any filter, so back, bookmarks and sharing work as usual.
 */
export function SavedViews({ list, presets }: { list: string; presets: ListView[] }) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const views = useSavedViews(list, me?.user.id);
  const mine = views.data?.items ?? [];
  const refresh = () => qc.invalidateQueries({ queryKey: viewsKey(list) });
  const create = useMutation({
    mutationFn: (view: ListView) => apiPost<SavedView>('/me/views', { list, ...view }),
    meta: { silent: true },
    onSettled: refresh,
  });
  const remove = useMutation({ mutationFn: (id: string) => apiDelete(`/me/views/${id}`), onSettled: refresh });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  // The router applies a navigation in a React transition: the address bar changes at once, `location` only
  // when that render commits (seconds later on a busy machine, never while the new render is suspended). The
  // view just clicked is pressed at once, until the location moves on from where it was clicked.
  const [clicked, setClicked] = useState<{ view: string; at: string } | null>(null);
  const current = clicked?.at === location.search ? clicked.view : normalise(location.search);

  const open = (view: ListView) => {
    setClicked({ view: normalise(view.search), at: location.search });
    void navigate({ search: view.search ? `?${view.search}` : '' });
  };
  const save = async () => {
    const label = name.trim();
    if (!label) return void message.error('请填写视图名称');
    if (isTooLong(label, SAVED_VIEW_LABEL_MAX))
      return void message.error(`视图名称${tooLongMessage(SAVED_VIEW_LABEL_MAX, label.length)}`);
    if ([...presets, ...mine].some((v) => v.label === label)) return void message.error(`已有名为「${label}」的视图`);
    if (mine.length >= SAVED_VIEWS_MAX)
      return void message.error(`最多保存 ${SAVED_VIEWS_MAX} 个视图，请先删除不用的视图`);
    try {
      // What the address bar holds now (a filter chosen just before opening this dialog included).
      await create.mutateAsync({ label, search: normalise(window.location.search) });
    } catch (error) {
      return void message.error(error instanceof Error ? error.message : '保存失败');
    }
    setNaming(false);
    setName('');
    message.success(`已保存视图「${label}」`);
  };
  const button = (view: ListView & { id?: string }, removable: boolean) => {
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
            onConfirm={() => view.id && remove.mutateAsync(view.id)}
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
        confirmLoading={create.isPending}
        onCancel={() => setNaming(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          保存当前的筛选条件和排序，下次一键打开（随账号保存，在任何电脑上登录都能使用）。
        </Typography.Paragraph>
        <Input
          autoFocus
          aria-label="视图名称"
          placeholder="如：我的待办、本单位逾期"
          count={countOf(SAVED_VIEW_LABEL_MAX)}
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={save}
        />
      </Modal>
    </Flex>
  );
}
