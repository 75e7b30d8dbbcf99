import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import ruLocale from '@fullcalendar/core/locales/ru';
import type { DateSelectArg, DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput } from '@fullcalendar/core';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { alpha, useTheme } from '@mui/material/styles';
import AddIcon from '@mui/icons-material/Add';
import NotificationsActiveOutlined from '@mui/icons-material/NotificationsActiveOutlined';
import { useTranslation } from 'react-i18next';
import type { EventListItemFragment, ReminderFieldsFragment } from '../../../graphql/graphql';
import { useAuth, useCanViewOthersCalendars, useTimeZone } from '../../../app/auth';
import { useReminders } from '../../../app/reminders/RemindersProvider';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { UserFilter } from '../../../components/UserFilter';
import { objectRefPath } from '../../../lib/entity-paths';
import { apiErrors, errorText, hasErrorCode } from '../../../lib/errors';
import { AFTER_MY_EVENT_CHANGE, refreshActive } from '../../../lib/live-refresh';
import { EventKindIcon } from '../../events/components/event-meta';
import { RescheduleEventMutation } from '../../events/graphql/event.graphql';
import { CalendarItemsQuery } from '../graphql/calendar.graphql';
import { fromWall, toWall, wallDay, wallDayAt, wallNow } from '../components/wall-time';

const VIEWS = ['timeGridDay', 'timeGridWeek', 'dayGridMonth'] as const;
type ViewName = (typeof VIEWS)[number];
const isView = (v: string | null): v is ViewName => (VIEWS as readonly (string | null)[]).includes(v);

// Options FullCalendar compares by reference: kept stable so a re-render does not reset the calendar.
const PLUGINS = [dayGridPlugin, timeGridPlugin, interactionPlugin];
const LOCALES = [ruLocale];
const BUSINESS_HOURS = { daysOfWeek: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '18:00' };
const TOOLBAR_WIDE = { left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' };
const TOOLBAR_PHONE = { left: 'prev,next', center: 'title', right: 'today' };
const FOOTER_PHONE = { center: 'timeGridDay,timeGridWeek,dayGridMonth' };
// A week on a phone: "Mon 23" fits a seventh of 375px, "Mon 11/23" does not.
const VIEWS_PHONE = { timeGridWeek: { dayHeaderFormat: { weekday: 'short' as const, day: 'numeric' as const } } };

const REMINDER_MARK_MINUTES = 15;

type ItemProps = { kind: 'event'; event: EventListItemFragment } | { kind: 'reminder'; reminder: ReminderFieldsFragment };

/**
 * «Рабочий календарь пользователя»: my (or, for a supervisor, a subordinate's) events and reminders by day, week
 * or month. Drag or stretch a planned event to reschedule it; select a free slot to plan a new one.
 */
export default function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const zone = useTimeZone();
  const canViewOthers = useCanViewOthersCalendars();
  const { setCenterOpen } = useReminders();
  const theme = useTheme();
  const phone = useMediaQuery(theme.breakpoints.down('sm'));
  const navigate = useNavigate();
  const location = useLocation();
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const dateParam = params.get('date');
  const initialView: ViewName = isView(viewParam) ? viewParam : phone ? 'timeGridDay' : 'timeGridWeek';
  const initialDate = dateParam && /^\d{4}-\d{2}-\d{2}$/.test(dateParam) ? dateParam : undefined;
  const userParam = params.get('user');
  const userId = canViewOthers && userParam && userParam !== user.id ? userParam : null;

  const now = useMemo(() => () => wallNow(zone), [zone]);
  const [range, setRange] = useState<{ from: string; to: string; view: string; day: string } | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const { data, previousData, loading, error } = useQuery(CalendarItemsQuery, {
    variables: { from: range?.from ?? '', to: range?.to ?? '', userId },
    skip: !range,
    fetchPolicy: 'cache-and-network',
  });
  const [reschedule] = useMutation(RescheduleEventMutation);
  const items = (data ?? previousData)?.calendar;

  const colors = useMemo(
    () => ({
      PLANNED: theme.palette.primary.main,
      OVERDUE: theme.palette.error.main,
      COMPLETED: theme.palette.success.main,
      CANCELLED: theme.palette.grey[400],
      REMINDER: theme.palette.warning.main,
    }),
    [theme],
  );

  const events = useMemo<EventInput[]>(
    () =>
      (items ?? []).flatMap((item): EventInput[] => {
        if (item.__typename === 'CalendarEvent') {
          const e = item.event;
          const tone = e.state === 'PLANNED' ? (e.overdue ? 'OVERDUE' : 'PLANNED') : e.state;
          const movable = e.state === 'PLANNED' && e.viewerCan.reschedule;
          return [
            {
              id: `event:${e.id}`,
              title: e.subject,
              start: toWall(item.start, zone),
              end: item.end ? toWall(item.end, zone) : undefined,
              editable: movable,
              durationEditable: movable && Boolean(item.end),
              backgroundColor: colors[tone],
              borderColor: colors[tone],
              textColor: tone === 'CANCELLED' ? theme.palette.text.secondary : '#fff',
              classNames: [`crm-event-${tone.toLowerCase()}`],
              extendedProps: { kind: 'event', event: e } satisfies ItemProps,
            },
          ];
        }
        if (item.__typename === 'CalendarReminder') {
          const r = item.reminder;
          return [
            {
              id: `reminder:${r.id}`,
              title: item.title || r.text,
              start: toWall(item.start, zone),
              // A moment, drawn as a short marker rather than FullCalendar's default hour-long block.
              end: toWall(new Date(Date.parse(item.start) + REMINDER_MARK_MINUTES * 60_000).toISOString(), zone),
              editable: false,
              display: 'block',
              backgroundColor: alpha(colors.REMINDER, 0.15),
              borderColor: colors.REMINDER,
              textColor: theme.palette.text.primary,
              classNames: ['crm-reminder'],
              extendedProps: { kind: 'reminder', reminder: r } satisfies ItemProps,
            },
          ];
        }
        return [];
      }),
    [items, zone, colors, theme],
  );

  const setParam = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  function onDatesSet(arg: DatesSetArg) {
    setRange({ from: fromWall(arg.start, zone), to: fromWall(arg.end, zone), view: arg.view.type, day: wallDay(arg.view.currentStart) });
  }

  // The view and its date go to the URL, so "back" from an event returns to the same week. In an effect: the
  // calendar reports its first range while it mounts, before the router accepts navigation.
  useEffect(() => {
    if (!range) return;
    if (viewParam !== range.view || dateParam !== range.day) setParam({ view: range.view, date: range.day });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the calendar moves
  }, [range]);

  async function move(info: EventDropArg | EventResizeDoneArg) {
    const props = info.event.extendedProps as ItemProps;
    const start = info.event.start;
    if (props.kind !== 'event' || !start) {
      info.revert();
      return;
    }
    try {
      await reschedule({
        variables: {
          id: props.event.id,
          input: { start: fromWall(start, zone), end: info.event.end ? fromWall(info.event.end, zone) : undefined },
        },
      });
      setMoveError(null);
      void refreshActive(client, AFTER_MY_EVENT_CHANGE);
    } catch (err) {
      info.revert();
      setMoveError(apiErrors(err).map((e) => errorText(t, e)).join(' '));
    }
  }

  function onClick(arg: EventClickArg) {
    arg.jsEvent.preventDefault();
    const props = arg.event.extendedProps as ItemProps;
    if (props.kind === 'event') {
      void navigate(`/events/${props.event.id}`);
      return;
    }
    const path = props.reminder.subject?.title ? objectRefPath(props.reminder.subject) : null;
    if (path) void navigate(path);
    else setCenterOpen(true);
  }

  function onSelect(arg: DateSelectArg) {
    // A day picked in the month view becomes 09:00–10:00 of that day; a time slot is taken as it is.
    const start = arg.allDay ? wallDayAt(arg.start, 9, zone) : fromWall(arg.start, zone);
    const end = arg.allDay ? wallDayAt(arg.start, 10, zone) : fromWall(arg.end, zone);
    const q = new URLSearchParams({ start, end, returnTo: `${location.pathname}${location.search}` });
    if (userId) q.set('responsibleId', userId);
    arg.view.calendar.unselect();
    void navigate(`/events/new?${q.toString()}`);
  }

  const renderContent = (arg: EventContentArg) => {
    const props = arg.event.extendedProps as ItemProps;
    return (
      <Box
        sx={{ display: 'flex', gap: 0.5, alignItems: 'center', overflow: 'hidden', px: 0.25, fontSize: 12, lineHeight: 1.3, width: '100%' }}
        title={arg.event.title}
        data-testid={props.kind === 'event' ? 'calendar-event' : 'calendar-reminder'}
      >
        {props.kind === 'event' ? (
          <EventKindIcon kind={props.event.kind} sx={{ fontSize: 14, flexShrink: 0 }} />
        ) : (
          <NotificationsActiveOutlined sx={{ fontSize: 14, flexShrink: 0, color: 'warning.main' }} />
        )}
        {arg.timeText && <Box component="span" sx={{ flexShrink: 0, fontWeight: 600 }}>{arg.timeText}</Box>}
        <Box
          component="span"
          sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', textDecoration: props.kind === 'event' && props.event.state === 'CANCELLED' ? 'line-through' : 'none' }}
        >
          {arg.event.title}
        </Box>
      </Box>
    );
  };

  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const forbidden = hasErrorCode(error, 'FORBIDDEN');

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        subtitle={zone !== browserZone ? t('calendar.zoneNote', { zone }) : undefined}
        actions={
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => {
              const q = new URLSearchParams({ returnTo: `${location.pathname}${location.search}` });
              if (userId) q.set('responsibleId', userId);
              void navigate(`/events/new?${q.toString()}`);
            }}
            data-testid="calendar-new-event"
          >
            {t('event.new')}
          </Button>
        }
      />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} useFlexGap sx={{ mb: 1.5, alignItems: { sm: 'center' }, flexWrap: 'wrap' }}>
        {canViewOthers && (
          <UserFilter
            label={t('calendar.user')}
            userId={userId}
            onChange={(id) => setParam({ user: id && id !== user.id ? id : null })}
            testId="calendar-user"
            width={300}
          />
        )}
        {userId && (
          <Button onClick={() => setParam({ user: null })} data-testid="calendar-mine">
            {t('calendar.mine')}
          </Button>
        )}
        <Stack direction="row" spacing={1.5} useFlexGap sx={{ flexWrap: 'wrap', ml: { sm: 'auto' }, display: { xs: 'none', sm: 'flex' } }} aria-label={t('calendar.legend')}>
          {(
            [
              ['PLANNED', 'eventState.PLANNED'],
              ['OVERDUE', 'event.overdue'],
              ['COMPLETED', 'eventState.COMPLETED'],
              ['CANCELLED', 'eventState.CANCELLED'],
              ['REMINDER', 'reminders.reminder'],
            ] as const
          ).map(([key, label]) => (
            <Stack key={key} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
              <Box sx={{ width: 12, height: 12, borderRadius: 0.5, bgcolor: colors[key] }} />
              <Typography variant="caption">{t(label)}</Typography>
            </Stack>
          ))}
        </Stack>
      </Stack>
      {forbidden ? <Alert severity="warning" sx={{ mb: 1.5 }}>{t('calendar.forbidden')}</Alert> : <ErrorAlert error={data ? undefined : error} />}
      <Box sx={{ height: 4 }}>{loading && <LinearProgress aria-label={t('common.loading')} />}</Box>
      <Box
        data-testid="calendar"
        data-user-id={userId ?? user.id}
        sx={{
          height: { xs: 'calc(100vh - 250px)', sm: 'calc(100vh - 260px)' },
          minHeight: 480,
          bgcolor: 'background.paper',
          p: { xs: 0.5, sm: 1.5 },
          borderRadius: 1,
          border: 1,
          borderColor: 'divider',
          '--fc-button-bg-color': theme.palette.primary.main,
          '--fc-button-border-color': theme.palette.primary.main,
          '--fc-button-hover-bg-color': theme.palette.primary.dark,
          '--fc-button-hover-border-color': theme.palette.primary.dark,
          '--fc-button-active-bg-color': theme.palette.primary.dark,
          '--fc-button-active-border-color': theme.palette.primary.dark,
          '--fc-today-bg-color': alpha(theme.palette.primary.main, 0.06),
          '--fc-now-indicator-color': theme.palette.error.main,
          '& .fc .fc-toolbar-title': { fontSize: { xs: '1rem', sm: '1.25rem' } },
          '& .fc .fc-button': { textTransform: 'none', py: { xs: 0.25, sm: 0.5 }, px: { xs: 0.75, sm: 1.25 }, fontSize: { xs: 13, sm: 14 } },
          '& .fc .fc-toolbar.fc-header-toolbar': { mb: 1, gap: 0.5 },
          '& .fc .fc-toolbar.fc-footer-toolbar': { mt: 1 },
          '& .crm-event-cancelled': { opacity: 0.75 },
          '& .fc-event': { cursor: 'pointer' },
        }}
      >
        <FullCalendar
          key={`${zone}:${userId ?? ''}`}
          plugins={PLUGINS}
          initialView={initialView}
          initialDate={initialDate}
          timeZone="UTC"
          now={now}
          locales={LOCALES}
          locale={i18n.resolvedLanguage === 'en' ? 'en' : 'ru'}
          firstDay={1}
          height="100%"
          headerToolbar={phone ? TOOLBAR_PHONE : TOOLBAR_WIDE}
          footerToolbar={phone ? FOOTER_PHONE : false}
          views={phone ? VIEWS_PHONE : undefined}
          events={events}
          eventDisplay="block"
          eventContent={renderContent}
          nowIndicator
          scrollTime="08:00:00"
          businessHours={BUSINESS_HOURS}
          allDaySlot={false}
          slotDuration="00:30:00"
          dayMaxEvents
          selectable
          selectMirror
          selectLongPressDelay={300}
          eventLongPressDelay={300}
          datesSet={onDatesSet}
          eventDrop={(info) => void move(info)}
          eventResize={(info) => void move(info)}
          eventClick={onClick}
          select={onSelect}
        />
      </Box>
      <Snackbar open={Boolean(moveError)} autoHideDuration={8000} onClose={() => setMoveError(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="error" variant="filled" onClose={() => setMoveError(null)} data-testid="calendar-error">
          {t('calendar.moveFailed')} {moveError}
        </Alert>
      </Snackbar>
    </>
  );
}
