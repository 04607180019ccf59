import { PageHeader } from '../../../components/page-header';
import { OrgNav } from '../components/org-nav';
import { PeopleTable } from '../components/people-table';

export function PeoplePage() {
  return (
    <>
      <PageHeader title="人员名录" extra={<OrgNav />} />
      <PeopleTable />
    </>
  );
}
