import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';
import { graphql } from '../../graphql';
import type { GlobalSearchQuery } from '../../graphql/graphql';
import { EntityIcon } from '../../components/EntityIcon';
import { entityPath } from '../../lib/entity-paths';
import { useDebouncedValue } from '../../lib/useDebouncedValue';

const GlobalSearchDocument = graphql(`
  query GlobalSearch($query: String!) {
    search(query: $query, first: 10) {
      totalCount
      edges {
        cursor
        matchedField
        matchedValue
        node {
          __typename
          ... on Counterparty {
            id
            name
          }
          ... on ContactPerson {
            id
            fullName
          }
        }
      }
    }
  }
`);

type Hit = GlobalSearchQuery['search']['edges'][number];

const MIN_CHARS = 2;

function hitLabel(hit: Hit): string {
  const node = hit.node;
  if (node.__typename === 'Counterparty') return node.name;
  if (node.__typename === 'ContactPerson') return node.fullName;
  return '';
}

function hitId(hit: Hit): string {
  return 'id' in hit.node ? hit.node.id : hit.cursor;
}

/** Search over everything the user may see: name, INN, phone in any format, e-mail, address. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const query = useDebouncedValue(input.trim(), 200);
  const active = query.length >= MIN_CHARS;
  const { data, previousData, loading } = useQuery(GlobalSearchDocument, {
    variables: { query },
    skip: !active,
    fetchPolicy: 'network-only', // results must reflect objects created a moment ago
  });
  const hits = active ? ((data ?? previousData)?.search.edges ?? []) : [];

  return (
    <Autocomplete<Hit, false, false, false>
      sx={{ width: '100%', maxWidth: 560 }}
      options={hits}
      value={null}
      inputValue={input}
      onInputChange={(_e, value, reason) => {
        if (reason !== 'reset') setInput(value);
      }}
      onChange={(_e, hit) => {
        if (!hit) return;
        const path = 'id' in hit.node ? entityPath(hit.node.__typename, hit.node.id) : null;
        setInput('');
        if (path) void navigate(path);
      }}
      filterOptions={(x) => x} // the server already ranked and filtered
      getOptionLabel={hitLabel}
      getOptionKey={hitId}
      isOptionEqualToValue={(a, b) => hitId(a) === hitId(b)}
      loading={active && loading}
      loadingText={t('search.loading')}
      noOptionsText={active ? t('search.nothingFound') : t('search.typeMore', { count: MIN_CHARS })}
      forcePopupIcon={false}
      blurOnSelect
      clearOnBlur={false}
      renderOption={({ key, ...props }, hit) => (
        <Box component="li" key={key} {...props} data-testid="search-hit" sx={{ gap: 1.5 }}>
          <EntityIcon entityType={hit.node.__typename ?? ''} color="action" fontSize="small" />
          <Box sx={{ minWidth: 0 }}>
            <Typography noWrap>{hitLabel(hit)}</Typography>
            <Typography variant="caption" color="text.secondary" noWrap component="div">
              {t(`entity.${hit.node.__typename}`, { defaultValue: hit.node.__typename })}
              {' · '}
              {t(`search.field.${hit.matchedField}`, { defaultValue: hit.matchedField })}
              {hit.matchedValue ? `: ${hit.matchedValue}` : ''}
            </Typography>
          </Box>
        </Box>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          placeholder={t('search.placeholder')}
          size="small"
          slotProps={{
            ...params.slotProps,
            input: {
              ...params.slotProps.input,
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'global-search', 'aria-label': t('search.placeholder') },
          }}
          sx={{
            '& .MuiInputBase-root': { bgcolor: 'rgba(255,255,255,0.95)', borderRadius: 1 },
          }}
        />
      )}
    />
  );
}
