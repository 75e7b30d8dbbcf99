import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { GroupTreeEditor, type GroupTreeActions } from '../../../components/group-tree/GroupTreeEditor';
import { GroupSelect } from '../components/GroupSelect';
import {
  CounterpartyGroupsQuery,
  CreateCounterpartyGroupMutation,
  DeleteCounterpartyGroupMutation,
  SetCounterpartyGroupDeletionMarkMutation,
  UpdateCounterpartyGroupMutation,
} from '../graphql/counterparty.graphql';

const refetchGroups = { refetchQueries: ['CounterpartyGroups'] };

/**
 * The counterparty group tree («Группы контрагентов»): any user adds groups; supervisors and administrators rename,
 * move, mark for deletion or delete an empty one (the server checks the same).
 */
export default function CounterpartyGroupsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const canEdit = user.role === 'ADMINISTRATOR' || user.role === 'SUPERVISOR';
  const { data, loading, error } = useQuery(CounterpartyGroupsQuery, { variables: { includeDeleted: true }, fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CreateCounterpartyGroupMutation, refetchGroups);
  const [update] = useMutation(UpdateCounterpartyGroupMutation, refetchGroups);
  const [setMark] = useMutation(SetCounterpartyGroupDeletionMarkMutation, refetchGroups);
  const [remove] = useMutation(DeleteCounterpartyGroupMutation, refetchGroups);
  const actions: GroupTreeActions = {
    create: (input) => create({ variables: { input } }),
    update: (id, input) => update({ variables: { id, input } }),
    setDeletionMark: (id, deletionMark) => setMark({ variables: { id, deletionMark } }),
    remove: (id) => remove({ variables: { id } }),
  };
  return (
    <GroupTreeEditor
      groups={data?.counterpartyGroups}
      loading={loading}
      error={error}
      canCreate
      canEdit={canEdit}
      actions={actions}
      i18nPrefix="counterparty.groups"
      membersKey="counterparties"
      back={{ to: '/counterparties', label: t('sections.counterparties') }}
      showDeletedLabel={t('counterparty.groups.showDeleted')}
      readOnlyNote={t('counterparty.groups.editorsOnly')}
      groupLink={(g) => `/counterparties?group=${g.id}`}
      renderParentSelect={(p) => <GroupSelect {...p} />}
    />
  );
}
