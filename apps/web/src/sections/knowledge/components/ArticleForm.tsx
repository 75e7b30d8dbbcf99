import { useMemo, useState, type FormEvent } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Grid from '@mui/material/Grid';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { KnowledgeArticleKind } from '../../../graphql/graphql';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormSection } from '../../../components/FormSection';
import { isStaleVersion, omitKey, splitErrors, type FieldErrors } from '../../../lib/errors';
import { focusFirstError } from '../../../lib/focus-first-error';
import { ARTICLE_KINDS } from './article-meta';
import { CompetitorsPicker, type PickedRef } from './CompetitorsPicker';
import { MarkdownView } from './MarkdownView';
import { ProductsPicker, type PickedProduct } from './ProductsPicker';
import { sectionOptions } from './section-options';
import type { TreeSection } from './SectionsTree';

export interface ArticleFormValues {
  kind: KnowledgeArticleKind;
  sectionId: string | null;
  title: string;
  body: string;
  keywords: string[];
  products: PickedProduct[];
  competitors: PickedRef[];
  published: boolean;
}

interface Props {
  mode: 'create' | 'edit';
  initial: Partial<ArticleFormValues>;
  sections: readonly TreeSection[];
  /** Editors may publish right away; others save drafts. */
  canPublish: boolean;
  submitLabel: string;
  onSubmit: (values: ArticleFormValues) => Promise<void>;
  onCancel: () => void;
  onConflict?: () => void;
}

const FIELDS = new Set(['kind', 'sectionId', 'title', 'body', 'keywords', 'productIds', 'competitorIds', 'published']);
const MAX_KEYWORDS = 50;
const MAX_KEYWORD = 100;

/** Kind, section, title, Markdown body with a preview, keywords, products, competitors, published. */
export function ArticleForm({ mode, initial, sections, canPublish, submitLabel, onSubmit, onCancel, onConflict }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<KnowledgeArticleKind>(initial.kind ?? 'SOLUTION');
  const [sectionId, setSectionId] = useState<string | null>(initial.sectionId ?? null);
  const [title, setTitle] = useState(initial.title ?? '');
  const [body, setBody] = useState(initial.body ?? '');
  const [keywords, setKeywords] = useState<string[]>(initial.keywords ?? []);
  const [products, setProducts] = useState<PickedProduct[]>(initial.products ?? []);
  const [competitors, setCompetitors] = useState<PickedRef[]>(initial.competitors ?? []);
  const [published, setPublished] = useState(initial.published ?? false);
  const [bodyTab, setBodyTab] = useState<'write' | 'preview'>('write');
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [serverFields, setServerFields] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const edited = (...fields: string[]) => setServerFields((f) => fields.reduce((acc, field) => omitKey(acc, field), f));
  const options = useMemo(() => sectionOptions(sections), [sections]);

  const clientErrors: FieldErrors = {};
  if (submitted && !title.trim()) clientErrors.title = t('article.titleRequired');
  if (keywords.length > MAX_KEYWORDS || keywords.some((k) => k.length > MAX_KEYWORD)) {
    clientErrors.keywords = t('article.keywordsLimit', { count: MAX_KEYWORDS, length: MAX_KEYWORD });
  }
  const errors: FieldErrors = { ...clientErrors, ...serverFields };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    setSubmitted(true);
    if (!title.trim() || Object.keys(clientErrors).length > 0) {
      focusFirstError(form);
      return;
    }
    setSaving(true);
    setGeneral([]);
    try {
      await onSubmit({ kind, sectionId, title: title.trim(), body, keywords, products, competitors, published });
    } catch (error) {
      if (onConflict && isStaleVersion(error)) {
        onConflict();
        return;
      }
      const split = splitErrors(t, error, (f) => FIELDS.has(f) || /^keywords\.\d+$/.test(f));
      const fields: FieldErrors = {};
      for (const [field, text] of Object.entries(split.fields)) fields[field.replace(/\.\d+$/, '')] = text;
      setServerFields(fields);
      setGeneral(split.general);
      focusFirstError(form);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate data-testid="kb-article-form">
      <ErrorAlert messages={general} />
      <FormSection title={t('article.sectionMain')}>
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, sm: 4 }}>
            <TextField
              select
              fullWidth
              label={t('article.kind')}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as KnowledgeArticleKind);
                edited('kind');
              }}
              error={Boolean(errors.kind)}
              helperText={errors.kind ?? t(`articleKindHint.${kind}`)}
              slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'kb-kind' } }}
            >
              {ARTICLE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`articleKind.${k}`)}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid size={{ xs: 12, sm: 8 }}>
            <TextField
              select
              fullWidth
              label={t('article.section')}
              value={sectionId ?? ''}
              onChange={(e) => {
                setSectionId(e.target.value || null);
                edited('sectionId');
              }}
              error={Boolean(errors.sectionId)}
              helperText={errors.sectionId}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'kb-section-select' } }}
            >
              <option value="">{t('article.noSection')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {'\u00A0\u00A0'.repeat(o.depth)}
                  {o.name}
                </option>
              ))}
            </TextField>
          </Grid>
          <Grid size={12}>
            <TextField
              fullWidth
              required
              autoFocus={mode === 'create'}
              label={t('article.title')}
              value={title}
              onChange={(e) => {
                setTitle(e.target.value);
                edited('title');
              }}
              error={Boolean(errors.title)}
              helperText={errors.title}
              slotProps={{ htmlInput: { 'data-testid': 'kb-title', maxLength: 300 } }}
            />
          </Grid>
        </Grid>
      </FormSection>

      <FormSection title={t('article.body')}>
        <Tabs value={bodyTab} onChange={(_e, v: 'write' | 'preview') => setBodyTab(v)} sx={{ mb: 1.5, minHeight: 36 }}>
          <Tab value="write" label={t('article.write')} sx={{ minHeight: 36 }} data-testid="kb-tab-write" />
          <Tab value="preview" label={t('article.preview')} sx={{ minHeight: 36 }} data-testid="kb-tab-preview" />
        </Tabs>
        {bodyTab === 'write' ? (
          <TextField
            fullWidth
            multiline
            minRows={12}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              edited('body');
            }}
            placeholder={t(`articleBodyPlaceholder.${kind}`)}
            error={Boolean(errors.body)}
            helperText={errors.body ?? t('article.markdownHint')}
            slotProps={{ htmlInput: { 'data-testid': 'kb-body', 'aria-label': t('article.body'), style: { fontFamily: 'monospace' } } }}
          />
        ) : (
          <Paper variant="outlined" sx={{ p: 2, minHeight: 200 }}>
            {body.trim() ? (
              <MarkdownView source={body} testId="kb-preview" />
            ) : (
              <Typography color="text.secondary">{t('article.emptyBody')}</Typography>
            )}
          </Paper>
        )}
      </FormSection>

      <FormSection title={t('article.sectionLinks')}>
        <Stack spacing={2}>
          <Autocomplete<string, true, false, true>
            multiple
            freeSolo
            options={[]}
            value={keywords}
            onChange={(_e, v) => {
              // Typed words are trimmed and kept once, in the order given.
              setKeywords([...new Set(v.map((k) => k.trim()).filter(Boolean))]);
              edited('keywords');
            }}
            renderValue={(value, getItemProps) =>
              value.map((option, index) => {
                const { key, ...itemProps } = getItemProps({ index });
                return <Chip key={key} size="small" label={option} {...itemProps} />;
              })
            }
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('article.keywords')}
                error={Boolean(errors.keywords)}
                helperText={errors.keywords ?? t('article.keywordsHint')}
                slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'kb-keywords' } }}
              />
            )}
          />
          <ProductsPicker
            label={t('article.products')}
            value={products}
            onChange={(v) => {
              setProducts(v);
              edited('productIds');
            }}
            error={errors.productIds}
            testId="kb-products"
          />
          <CompetitorsPicker
            value={competitors}
            onChange={(v) => {
              setCompetitors(v);
              edited('competitorIds');
            }}
            error={errors.competitorIds}
            testId="kb-competitors"
          />
          {mode === 'create' && canPublish && (
            <Box>
              <FormControlLabel
                control={
                  <Switch checked={published} onChange={(e) => setPublished(e.target.checked)} slotProps={{ input: { 'data-testid': 'kb-published' } as object }} />
                }
                label={t('article.publishNow')}
              />
              <Typography variant="caption" color="text.secondary" component="div">
                {published ? t('article.publishedHint') : t('article.draftHint')}
              </Typography>
            </Box>
          )}
        </Stack>
      </FormSection>

      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant="contained" disabled={saving} data-testid="kb-save">
          {saving ? t('common.saving') : submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
