import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { GroupTreeEditor, type GroupTreeActions } from '../../../components/group-tree/GroupTreeEditor';
import { useCanEditCatalog } from '../components/catalog-meta';
import { ProductGroupSelect } from '../components/ProductGroupSelect';
import {
  CreateProductGroupMutation,
  DeleteProductGroupMutation,
  ProductGroupsQuery,
  SetProductGroupDeletionMarkMutation,
  UpdateProductGroupMutation,
} from '../graphql/catalog.graphql';

const refetchGroups = { refetchQueries: ['ProductGroups'] };

/** The catalog's group tree: add, rename, move, mark for deletion or delete an empty group (administrators, supervisors). */
export default function ProductGroupsPage() {
  const { t } = useTranslation();
  const canEdit = useCanEditCatalog();
  const { data, loading, error } = useQuery(ProductGroupsQuery, { variables: { includeDeleted: true }, fetchPolicy: 'cache-and-network' });
  const [create] = useMutation(CreateProductGroupMutation, refetchGroups);
  const [update] = useMutation(UpdateProductGroupMutation, refetchGroups);
  const [setMark] = useMutation(SetProductGroupDeletionMarkMutation, refetchGroups);
  const [remove] = useMutation(DeleteProductGroupMutation, refetchGroups);
  const actions: GroupTreeActions = {
    create: (input) => create({ variables: { input } }),
    update: (id, input) => update({ variables: { id, input } }),
    setDeletionMark: (id, deletionMark) => setMark({ variables: { id, deletionMark } }),
    remove: (id) => remove({ variables: { id } }),
  };
  return (
    <GroupTreeEditor
      groups={data?.productGroups}
      loading={loading}
      error={error}
      canCreate={canEdit}
      canEdit={canEdit}
      actions={actions}
      i18nPrefix="catalog.groups"
      membersKey="products"
      back={{ to: '/catalog/products', label: t('catalog.title') }}
      showDeletedLabel={t('catalog.showDeleted')}
      readOnlyNote={t('catalog.editorsOnly')}
      groupLink={(g) => `/catalog/products?group=${g.id}`}
      renderParentSelect={(p) => <ProductGroupSelect {...p} />}
    />
  );
}
