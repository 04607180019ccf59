import { XlsxImportModal } from '../../../components/xlsx-import-modal';
import { useImportOrg } from '../api/import';

/** Upload an .xlsx of units and people (sheets 单位 and 人员). */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importer = useImportOrg();
  return (
    <XlsxImportModal
      title="导入单位和人员"
      open={open}
      onClose={onClose}
      templatePath="/org/import-template.xlsx"
      importer={importer}
      describe={(r) =>
        `共导入单位 ${r.units} 个、人员 ${r.people} 人` +
        (r.unitsCreated !== undefined
          ? `（新增单位 ${r.unitsCreated} 个，新增人员 ${r.peopleCreated ?? 0} 人，更新人员 ${r.peopleUpdated ?? 0} 人）。`
          : '。')
      }
    />
  );
}
