import { Empty, Input, Tag, Tree, type TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { buildUnitTree, type TreeNode } from '../../../components/entity-selects';
import { UNIT_TYPE_COLORS, unitTypeLabel } from '../../../lib/labels';
import type { Unit } from '../api/units';

function matches(unit: Unit, q: string): boolean {
  return unit.name.includes(q) || (unit.shortName ?? '').includes(q) || (unit.code ?? '').includes(q);
}

/** Keep matching nodes and the path to them; a matching node keeps its whole subtree. */
function filterTree(nodes: TreeNode<Unit>[], q: string): TreeNode<Unit>[] {
  if (!q) return nodes;
  const out: TreeNode<Unit>[] = [];
  for (const n of nodes) {
    if (matches(n.unit, q)) out.push(n);
    else {
      const children = filterTree(n.children, q);
      if (children.length) out.push({ ...n, children });
    }
  }
  return out;
}

function toTreeData(nodes: TreeNode<Unit>[], q: string): TreeDataNode[] {
  return nodes.map((n) => ({
    key: n.unit.id,
    title: (
      <span>
        <span title={n.unit.name} style={q && matches(n.unit, q) ? { color: '#b71c1c', fontWeight: 600 } : undefined}>
          {n.unit.shortName || n.unit.name}
        </span>{' '}
        <Tag color={UNIT_TYPE_COLORS[n.unit.type]} style={{ marginInlineStart: 4 }}>
          {n.unit.typeLabel ?? unitTypeLabel(n.unit.type)}
        </Tag>
      </span>
    ),
    children: toTreeData(n.children, q),
  }));
}

function allKeys(nodes: TreeNode<Unit>[]): string[] {
  return nodes.flatMap((n) => [n.key, ...allKeys(n.children)]);
}

export function UnitTree({
  units,
  selectedId,
  onSelect,
}: {
  units: Unit[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const [q, setQ] = useState('');
  const tree = useMemo(() => buildUnitTree(units), [units]);
  const filtered = useMemo(() => filterTree(tree, q.trim()), [tree, q]);
  const treeData = useMemo(() => toTreeData(filtered, q.trim()), [filtered, q]);
  const [expanded, setExpanded] = useState<string[] | null>(null);
  // Expand the top level by default, and everything that matches while searching.
  const expandedKeys = q.trim() ? allKeys(filtered) : (expanded ?? tree.map((n) => n.key));

  return (
    <div data-testid="unit-tree">
      <Input.Search
        placeholder="搜索单位名称/简称/编码"
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        style={{ marginBottom: 8 }}
      />
      {treeData.length === 0 ? (
        <Empty description={q ? '无匹配单位' : '暂无单位'} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <div style={{ maxHeight: 'calc(100vh - 260px)', overflow: 'auto' }}>
          <Tree
            blockNode
            virtual={false}
            treeData={treeData}
            selectedKeys={selectedId ? [selectedId] : []}
            expandedKeys={expandedKeys}
            onExpand={(keys) => setExpanded(keys.map(String))}
            onSelect={(keys) => {
              if (keys[0] !== undefined) onSelect(String(keys[0]));
            }}
          />
        </div>
      )}
    </div>
  );
}
