import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConflictDialog } from '../../../components/ConflictDialog';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { LoadingBlock } from '../../../components/LoadingBlock';
import { PageHeader } from '../../../components/PageHeader';
import { hasErrorCode } from '../../../lib/errors';
import { ContactPersonForm } from '../components/ContactPersonForm';
import { ContactPersonQuery, UpdateContactPersonMutation } from '../graphql/contact-person.graphql';
import { toUpdateInput } from './contact-person-input';

export default function ContactPersonEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [conflict, setConflict] = useState(false);
  const { data, loading, error, refetch } = useQuery(ContactPersonQuery, { variables: { id }, fetchPolicy: 'network-only' });
  const [update] = useMutation(UpdateContactPersonMutation);
  const person = data?.contactPerson;

  if (loading && !person) return <LoadingBlock />;
  if (hasErrorCode(error, 'NOT_FOUND')) return <EmptyState title={t('contactPerson.notFound')} />;
  if (!person) return <ErrorAlert error={error} />;
  if (!person.viewerCan.update) return <EmptyState title={t('errors.FORBIDDEN')} />;

  return (
    <>
      <PageHeader title={t('contactPerson.editTitle', { name: person.fullName })} />
      <ContactPersonForm
        key={person.version}
        initial={person}
        submitLabel={t('common.save')}
        onCancel={() => void navigate(`/contact-persons/${id}`)}
        onConflict={() => setConflict(true)}
        onSubmit={async (output) => {
          await update({ variables: { id, input: toUpdateInput(output, person.version) } });
          void navigate(`/contact-persons/${id}`);
        }}
      />
      <ConflictDialog
        open={conflict}
        what={t('conflict.contactPerson')}
        onClose={() => setConflict(false)}
        onReload={() => {
          setConflict(false);
          void refetch();
        }}
      />
    </>
  );
}
