import { XlsxImportModal } from '../../../components/xlsx-import-modal';
import { useImportProblems } from '../api/import';

/** 批量导入: upload an .xlsx of problems (created as drafts). */
export function ImportProblemsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importer = useImportProblems();
  return (
    <XlsxImportModal
      title="批量导入问题"
      open={open}
      onClose={onClose}
      templatePath="/problems/import-template.xlsx"
      importer={importer}
      describe={(r) => `共导入问题 ${r.created.toLocaleString('zh-CN')} 个（待交办），请核对后交办。`}
    />
  );
}
