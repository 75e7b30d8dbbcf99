import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Shell } from './shell/Shell';
import { RequireAdmin } from './RequireAdmin';

// Every page is its own chunk: the first load carries only the shell, and the DataGrid arrives with a grid page.
const TasksPage = lazy(() => import('../sections/tasks/pages/TasksPage'));
const EventsPage = lazy(() => import('../sections/events/pages/EventsPage'));
const EventCardPage = lazy(() => import('../sections/events/pages/EventCardPage'));
const EventCreatePage = lazy(() => import('../sections/events/pages/EventCreatePage'));
const EventEditPage = lazy(() => import('../sections/events/pages/EventEditPage'));
const CalendarPage = lazy(() => import('../sections/calendar/pages/CalendarPage'));
const ClientInterestsPage = lazy(() => import('../sections/client-interests/ClientInterestsPage'));
const CounterpartiesPage = lazy(() => import('../sections/counterparties/pages/CounterpartiesPage'));
const CounterpartyCardPage = lazy(() => import('../sections/counterparties/pages/CounterpartyCardPage'));
const CounterpartyCreatePage = lazy(() => import('../sections/counterparties/pages/CounterpartyCreatePage'));
const CounterpartyEditPage = lazy(() => import('../sections/counterparties/pages/CounterpartyEditPage'));
const ContactPersonsPage = lazy(() => import('../sections/contact-persons/pages/ContactPersonsPage'));
const ContactPersonCardPage = lazy(() => import('../sections/contact-persons/pages/ContactPersonCardPage'));
const ContactPersonCreatePage = lazy(() => import('../sections/contact-persons/pages/ContactPersonCreatePage'));
const ContactPersonEditPage = lazy(() => import('../sections/contact-persons/pages/ContactPersonEditPage'));
const SalesPage = lazy(() => import('../sections/sales/SalesPage'));
const RequestsPage = lazy(() => import('../sections/requests/RequestsPage'));
const MarketingPage = lazy(() => import('../sections/marketing/MarketingPage'));
const ApiTokensPage = lazy(() => import('../pages/settings/ApiTokensPage'));
const UsersAdminPage = lazy(() => import('../pages/admin/users/UsersAdminPage'));
const ContactInfoKindsAdminPage = lazy(() => import('../pages/admin/contact-info-kinds/ContactInfoKindsAdminPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        {/* A manager's day starts on «Дела»: what is overdue, what is due today, what came due. */}
        <Route index element={<Navigate to="/tasks" replace />} />
        <Route path="tasks" element={<TasksPage />} />
        <Route path="events">
          <Route index element={<EventsPage />} />
          <Route path="new" element={<EventCreatePage />} />
          <Route path=":id" element={<EventCardPage />} />
          <Route path=":id/edit" element={<EventEditPage />} />
        </Route>
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="client-interests" element={<ClientInterestsPage />} />
        <Route path="counterparties">
          <Route index element={<CounterpartiesPage />} />
          <Route path="new" element={<CounterpartyCreatePage />} />
          <Route path=":id" element={<CounterpartyCardPage />} />
          <Route path=":id/edit" element={<CounterpartyEditPage />} />
        </Route>
        <Route path="contact-persons">
          <Route index element={<ContactPersonsPage />} />
          <Route path="new" element={<ContactPersonCreatePage />} />
          <Route path=":id" element={<ContactPersonCardPage />} />
          <Route path=":id/edit" element={<ContactPersonEditPage />} />
        </Route>
        <Route path="sales" element={<SalesPage />} />
        <Route path="requests" element={<RequestsPage />} />
        <Route path="marketing" element={<MarketingPage />} />
        <Route path="settings/api-tokens" element={<ApiTokensPage />} />
        <Route path="admin" element={<RequireAdmin />}>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersAdminPage />} />
          <Route path="contact-info-kinds" element={<ContactInfoKindsAdminPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
