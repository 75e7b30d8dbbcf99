import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { omitKey, type FieldErrors } from '../../../lib/errors';
import { KnowledgeArticleQuery } from '../../knowledge/graphql/knowledge.graphql';
import { ResolveClientRequestMutation, SuggestSolutionsQuery } from '../graphql/requests.graphql';
import { storeAppliedSolution, type AppliedSolution } from './applied-solution';
import { splitRequestErrors } from './request-errors';

interface Target {
  id: string;
  subject: string;
  description?: string | null;
  solution?: string | null;
}

interface Props {
  request: Target | null;
  /** The article applied earlier (on the form or the card): chosen here already. */
  applied: AppliedSolution | null;
  onClose: () => void;
  onDone: () => void;
}

export function ResolveDialog({ request, applied, onClose, onDone }: Props) {
  return (
    <Dialog open={Boolean(request)} onClose={onClose} maxWidth="sm" fullWidth>
      {request && <ResolveForm key={request.id} request={request} applied={applied} onClose={onClose} onDone={onDone} />}
    </Dialog>
  );
}

/**
 * «Решено»: the solution given to the client and the knowledge-base article used (its use is counted). Choosing
 * an article fills in the solution from its text while nothing else has been typed there.
 */
function ResolveForm({ request, applied, onClose, onDone }: Props & { request: Target }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [article, setArticle] = useState<AppliedSolution | null>(applied);
  const [solution, setSolution] = useState(request.solution ?? '');
  const [prefilled, setPrefilled] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [resolve, { loading }] = useMutation(ResolveClientRequestMutation);
  const text = `${request.subject} ${request.description ?? ''}`.trim();
  const { data } = useQuery(SuggestSolutionsQuery, { variables: { text } });
  const options: AppliedSolution[] = (data?.suggestSolutions ?? []).map((s) => ({ id: s.id, title: s.title }));
  if (article && !options.some((o) => o.id === article.id)) options.unshift(article);

  // The applied article's text is the starting point of the solution.
  const fillFrom = (value: AppliedSolution | null) => {
    if (!value) return;
    void client
      .query({ query: KnowledgeArticleQuery, variables: { id: value.id } })
      .then((r) => {
        const body = r.data?.knowledgeArticle.body.trim();
        if (!body) return;
        setSolution((current) => (current.trim() === '' || current === prefilled ? body : current));
        setPrefilled(body);
      })
      .catch(() => undefined);
  };
  // Opened with an applied article: start from its text (once; the form is fresh each time the dialog opens).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (applied && !request.solution) fillFrom(applied);
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!solution.trim()) {
      setFields({ solution: t('request.solutionRequired') });
      return;
    }
    setGeneral([]);
    try {
      await resolve({ variables: { id: request.id, input: { solution: solution.trim(), knowledgeArticleId: article?.id } } });
      storeAppliedSolution(request.id, null);
      onDone();
    } catch (error) {
      const split = splitRequestErrors(t, error, (f) => f === 'solution' || f === 'knowledgeArticleId');
      setFields(split.fields);
      setGeneral(split.general);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="resolve-form">
      <DialogTitle>{t('request.resolveTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 0.5 }}>
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
            {request.subject}
          </Typography>
          <ErrorAlert messages={general} />
          <Autocomplete<AppliedSolution, false, false, false>
            options={options}
            value={article}
            onChange={(_e, v) => {
              setArticle(v);
              setFields((f) => omitKey(f, 'knowledgeArticleId'));
              fillFrom(v);
            }}
            getOptionLabel={(o) => o.title}
            isOptionEqualToValue={(a, b) => a.id === b.id}
            noOptionsText={t('request.noSuggestions')}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('request.article')}
                error={Boolean(fields.knowledgeArticleId)}
                helperText={fields.knowledgeArticleId ?? t('request.articleHint')}
                slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'resolve-article' } }}
              />
            )}
          />
          <TextField
            autoFocus
            required
            multiline
            minRows={5}
            label={t('request.solution')}
            value={solution}
            onChange={(e) => {
              setSolution(e.target.value);
              setFields((f) => omitKey(f, 'solution'));
            }}
            error={Boolean(fields.solution)}
            helperText={fields.solution ?? t('request.solutionHint')}
            slotProps={{ htmlInput: { 'data-testid': 'resolve-solution', maxLength: 20000 } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" color="success" disabled={loading} data-testid="resolve-save">
          {loading ? t('common.saving') : t('request.resolve')}
        </Button>
      </DialogActions>
    </form>
  );
}
