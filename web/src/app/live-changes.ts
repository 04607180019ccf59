import { type Query, type QueryClient, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { isLiveEntity, type LiveEntity } from '../../../common/live';
import { namesNoGoneRecord, reopenRecord } from '../lib/api';
import { subscribeLive } from '../lib/live';

/** The query roots (first key element) that show records of each kind; home and figures show them all. */
const SHOWN_IN: Record<LiveEntity, string[]> = {
  problem: ['problems', 'problem-groups', 'warnings', 'meetings'],
  common_problem_group: ['problem-groups', 'problems'],
  task: ['problems'],
  warning: ['warnings', 'meetings', 'problems'],
  situation: ['situations', 'warnings'],
  meeting: ['meetings', 'warnings', 'problems'],
  patrol_task: ['patrol'],
  patrol_inspection: ['patrol'],
  patrol_finding: ['patrol', 'problems'],
  finding: ['patrol', 'problems'],
  patrol_circular: ['patrol'],
  patrol_case: ['patrol'],
  case: ['cases', 'proposals', 'influence-periods', 'case-evaluations'],
  accountability_proposal: ['proposals', 'cases'],
  case_evaluation: ['case-evaluations', 'cases'],
  influence_period: ['influence-periods', 'cases'],
  tolerance_filing: ['tolerance-filings'],
  talk: ['talks'],
  dispatch: ['responsibility'],
  responsibility_item: ['responsibility'],
  responsibility_report: ['responsibility'],
  spot_check: ['responsibility'],
  commitment_signature: ['responsibility'],
  commitment_text: ['responsibility'],
  indicator_system: ['indicator-systems', 'assessments'],
  assessment: ['assessments'],
  evaluation: ['evaluations', 'assessments'],
  review: ['supervision-reviews', 'assessments'],
  survey: ['surveys'],
  complaint: ['complaints', 'proposals'],
};
const ALWAYS = ['home', 'dashboard'];

/** Changes arriving within this window are refetched together (a transition often touches several kinds). */
const COALESCE_MS = 600;
/** The longest a live change waits for the user's own write in flight before it is refetched anyway. */
const MAX_WAIT_MS = 10_000;
/** A record that changes this soon after the user's own write changed because of it: no notice. */
const OWN_WRITE_MS = 5000;

interface Versioned {
  id: string;
  version: number;
}

function versionOf(data: unknown): Versioned | null {
  if (typeof data !== 'object' || data === null) return null;
  const { id, version } = data as Partial<Versioned>;
  return typeof id === 'string' && typeof version === 'number' ? { id, version } : null;
}

function wroteRecently(qc: QueryClient): boolean {
  const since = Date.now() - OWN_WRITE_MS;
  return qc
    .getMutationCache()
    .getAll()
    .some((m) => m.state.status === 'pending' || m.state.submittedAt > since);
}

/**
 * Keeps every screen current: a `changed` event on the stream refetches the queries that show records of
 * that kind (only those on screen; the rest are marked stale), and a record open on screen that someone
 * else changed meanwhile is announced — "数据已更新" — once its new version has arrived. A reconnection
 * refetches everything, since events may have been missed while disconnected.
 */
export function useLiveChanges() {
  const qc = useQueryClient();
  const { notification } = App.useApp();
  useEffect(() => {
    const pending = new Set<string>();
    const refetchedByChange = new WeakSet<Query>();
    const seen = new WeakMap<Query, Versioned>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let connected = false;

    let waitingSince: number | null = null;
    const flush = () => {
      // The user's own write still in flight: its answer comes first (it may say the record is gone — 报送上级,
      // 删除 — and a refetch now would ask for it once more); what was announced meanwhile is refetched after it —
      // or after MAX_WAIT_MS, so that a write that never answers does not keep the screen from updating.
      waitingSince ??= Date.now();
      if (qc.isMutating() > 0 && Date.now() - waitingSince < MAX_WAIT_MS) {
        timer = setTimeout(flush, COALESCE_MS);
        return;
      }
      waitingSince = null;
      timer = undefined;
      const roots = [...pending];
      pending.clear();
      for (const query of qc.getQueryCache().getAll()) {
        if (query.getObserversCount() > 0 && roots.includes(String(query.queryKey[0]))) refetchedByChange.add(query);
      }
      for (const root of roots) void qc.invalidateQueries({ queryKey: [root], predicate: namesNoGoneRecord });
    };
    const offChanged = subscribeLive('changed', (e) => {
      let entity: unknown;
      try {
        entity = (JSON.parse(e.data) as { entity?: unknown }).entity;
      } catch {
        return;
      }
      if (typeof entity !== 'string' || !isLiveEntity(entity)) return;
      for (const root of [...SHOWN_IN[entity], ...ALWAYS]) pending.add(root);
      timer ??= setTimeout(flush, COALESCE_MS);
    });
    const offOpen = subscribeLive('open', () => {
      if (connected) void qc.invalidateQueries({ predicate: namesNoGoneRecord });
      connected = true;
    });
    const offCache = qc.getQueryCache().subscribe((event) => {
      if (event.type === 'observerAdded') reopenRecord(event.query);
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      const query = event.query;
      const now = versionOf(query.state.data);
      const before = seen.get(query);
      if (now) seen.set(query, now);
      if (!refetchedByChange.has(query)) return;
      refetchedByChange.delete(query);
      if (!now || !before || before.id !== now.id || before.version === now.version) return;
      if (query.getObserversCount() === 0 || wroteRecently(qc)) return;
      notification.info({
        key: 'record-changed',
        title: '数据已更新',
        description: '您正在查看的记录刚被他人修改，页面已显示最新内容，请核对后再操作。',
        placement: 'topRight',
      });
    });
    return () => {
      offChanged();
      offOpen();
      offCache();
      if (timer) clearTimeout(timer);
    };
  }, [qc, notification]);
}

/** Mounted once in the signed-in layout. */
export function LiveChanges() {
  useLiveChanges();
  return null;
}
