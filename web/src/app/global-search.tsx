import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TSearchResult } from '../../../common/search.schema';
import { api } from '../lib/api';
import { type Me, hasPermission } from '../lib/session';
import { useDebounced } from '../lib/use-debounced';

/** The kinds the header searches and the permission each needs (the server checks the same, and the scope). */
const SEARCHABLE = ['problems:read', 'patrol:read', 'cases:read', 'org:read'];
const MAX_CHARS = 50;

export function canSearch(me: Me): boolean {
  return SEARCHABLE.some((p) => hasPermission(me, p));
}

function useSearch(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: () => api<TSearchResult>('/search', { query: { q } }),
    enabled: q.length > 0,
    staleTime: 10_000,
  });
}

/**
 * The header's search box: problems, findings, cases, units and people the user may see, five of each as they
 * type (arrow keys and Enter choose), each group ending in 查看全部 — its list with the same words.
 */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const { data, isFetching } = useSearch(q);
  const groups = q && data ? data.groups : [];
  const options = groups.map((g) => ({
    label: `${g.label}（${g.total}）`,
    options: [
      ...g.items.map((hit) => ({
        value: hit.link,
        label: (
          <div>
            <div style={{ whiteSpace: 'normal' }}>{hit.title}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {hit.detail}
            </Typography.Text>
          </div>
        ),
      })),
      ...(g.total > g.items.length
        ? [
            {
              value: g.more,
              label: (
                <Typography.Link>
                  查看全部 {g.total} 个{g.label}
                </Typography.Link>
              ),
            },
          ]
        : []),
    ],
  }));
  const empty = q && data && !isFetching && groups.length === 0;
  return (
    <AutoComplete
      style={{ width: 280 }}
      popupMatchSelectWidth={420}
      // At most 5 hits and a 查看全部 per kind: every group rendered (a virtual list leaves out what is scrolled off).
      virtual={false}
      listHeight={420}
      options={options}
      value={text}
      onChange={setText}
      onSelect={(link: string) => {
        setText('');
        void navigate(link);
      }}
      notFoundContent={empty ? `未找到与“${q}”相关的内容` : null}
      filterOption={false}
    >
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder="搜索问题、督导发现、案件、单位、人员"
        aria-label="全局搜索"
        maxLength={MAX_CHARS}
        data-testid="global-search"
      />
    </AutoComplete>
  );
}
