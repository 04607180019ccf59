import { Alert } from 'antd';
import { QueryFallback } from '../../../components/query-fallback';
import { useParams } from 'react-router';
import { PrintSheet } from '../../../components/print-sheet';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useSignature } from '../api/commitments';

/** A signed 承诺书 laid out for printing: the version's own words, the signer, the date of signing. */
export function SignaturePage() {
  const { id = '' } = useParams();
  const query = useSignature(id);
  const s = query.data;
  if (!s) return <QueryFallback query={query} what="签字承诺" />;
  return (
    <PrintSheet>
      {s.superseded ? (
        <Alert
          className="no-print"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="此为旧版本承诺书：承诺书已修订，需重新签署"
        />
      ) : null}
      <h2
        style={{ textAlign: 'center', fontFamily: '宋体, SimSun, serif', fontSize: 24 }}
        data-testid="signature-title"
      >
        {s.title}
      </h2>
      <div style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 2, textIndent: '2em' }}>{s.body}</div>
      <div style={{ marginTop: 48, marginLeft: '50%', fontSize: 16, lineHeight: 2.4 }} data-testid="signature-line">
        <div>单位：{s.unitName}</div>
        <div>
          承诺人（签字）：<span style={{ borderBottom: '1px solid #000', padding: '0 24px' }}>{s.signerName}</span>
        </div>
        <div>{formatDate(s.signedAt)}</div>
      </div>
      <p style={{ marginTop: 32, fontSize: 12, color: '#666' }}>
        本承诺书于 {formatDateTime(s.signedAt)} 由本人在系统中签署（{s.year}年度{s.signerKindLabel}承诺书第{s.revision}
        版， 文本摘要 SHA-256 {s.textHash.slice(0, 16)}…）。
      </p>
    </PrintSheet>
  );
}
