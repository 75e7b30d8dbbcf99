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
const ClientInterestsPage = lazy(() => import('../sections/client-interests/pages/ClientInterestsPage'));
const InterestCreatePage = lazy(() => import('../sections/client-interests/pages/InterestCreatePage'));
const InterestCardPage = lazy(() => import('../sections/client-interests/pages/InterestCardPage'));
const InterestEditPage = lazy(() => import('../sections/client-interests/pages/InterestEditPage'));
const ProductsPage = lazy(() => import('../sections/catalog/pages/ProductsPage'));
const ProductCardPage = lazy(() => import('../sections/catalog/pages/ProductCardPage'));
const ProductCreatePage = lazy(() => import('../sections/catalog/pages/ProductCreatePage'));
const ProductEditPage = lazy(() => import('../sections/catalog/pages/ProductEditPage'));
const ProductGroupsPage = lazy(() => import('../sections/catalog/pages/ProductGroupsPage'));
const OrganizationsAdminPage = lazy(() => import('../pages/admin/organizations/OrganizationsAdminPage'));
const SalesSettingsAdminPage = lazy(() => import('../pages/admin/sales-settings/SalesSettingsAdminPage'));
const CounterpartiesPage = lazy(() => import('../sections/counterparties/pages/CounterpartiesPage'));
const CounterpartyCardPage = lazy(() => import('../sections/counterparties/pages/CounterpartyCardPage'));
const CounterpartyCreatePage = lazy(() => import('../sections/counterparties/pages/CounterpartyCreatePage'));
const CounterpartyEditPage = lazy(() => import('../sections/counterparties/pages/CounterpartyEditPage'));
const CounterpartyGroupsPage = lazy(() => import('../sections/counterparties/pages/CounterpartyGroupsPage'));
const ContactPersonsPage = lazy(() => import('../sections/contact-persons/pages/ContactPersonsPage'));
const ContactPersonCardPage = lazy(() => import('../sections/contact-persons/pages/ContactPersonCardPage'));
const ContactPersonCreatePage = lazy(() => import('../sections/contact-persons/pages/ContactPersonCreatePage'));
const ContactPersonEditPage = lazy(() => import('../sections/contact-persons/pages/ContactPersonEditPage'));
const SalesPage = lazy(() => import('../sections/sales/SalesPage'));
const OffersPage = lazy(() => import('../sections/sales/pages/OffersPage'));
const OfferCreatePage = lazy(() => import('../sections/sales/pages/OfferCreatePage'));
const OfferCardPage = lazy(() => import('../sections/sales/pages/OfferCardPage'));
const OfferEditPage = lazy(() => import('../sections/sales/pages/OfferEditPage'));
const InvoicesPage = lazy(() => import('../sections/sales/pages/InvoicesPage'));
const InvoiceCreatePage = lazy(() => import('../sections/sales/pages/InvoiceCreatePage'));
const InvoiceCardPage = lazy(() => import('../sections/sales/pages/InvoiceCardPage'));
const InvoiceEditPage = lazy(() => import('../sections/sales/pages/InvoiceEditPage'));
const PaymentsPage = lazy(() => import('../sections/sales/pages/PaymentsPage'));
const PaymentCreatePage = lazy(() => import('../sections/sales/pages/PaymentCreatePage'));
const PaymentCardPage = lazy(() => import('../sections/sales/pages/PaymentCardPage'));
const ShipmentsPage = lazy(() => import('../sections/sales/pages/ShipmentsPage'));
const ShipmentCreatePage = lazy(() => import('../sections/sales/pages/ShipmentCreatePage'));
const ShipmentCardPage = lazy(() => import('../sections/sales/pages/ShipmentCardPage'));
const RequestsPage = lazy(() => import('../sections/requests/pages/RequestsPage'));
const RequestCardPage = lazy(() => import('../sections/requests/pages/RequestCardPage'));
const RequestCreatePage = lazy(() => import('../sections/requests/pages/RequestCreatePage'));
const RequestEditPage = lazy(() => import('../sections/requests/pages/RequestEditPage'));
const KnowledgePage = lazy(() => import('../sections/knowledge/pages/KnowledgePage'));
const KnowledgeArticlePage = lazy(() => import('../sections/knowledge/pages/KnowledgeArticlePage'));
const KnowledgeArticleCreatePage = lazy(() => import('../sections/knowledge/pages/KnowledgeArticleCreatePage'));
const KnowledgeArticleEditPage = lazy(() => import('../sections/knowledge/pages/KnowledgeArticleEditPage'));
const MarketingPage = lazy(() => import('../sections/marketing/MarketingPage'));
const ProcessTaskPage = lazy(() => import('../sections/processes/pages/ProcessTaskPage'));
const ProcessMonitorPage = lazy(() => import('../sections/processes/pages/ProcessMonitorPage'));
const ProcessInstancePage = lazy(() => import('../sections/processes/pages/ProcessInstancePage'));
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
        <Route path="client-interests">
          <Route index element={<ClientInterestsPage />} />
          <Route path="new" element={<InterestCreatePage />} />
          <Route path=":id" element={<InterestCardPage />} />
          <Route path=":id/edit" element={<InterestEditPage />} />
        </Route>
        <Route path="catalog">
          <Route index element={<Navigate to="products" replace />} />
          <Route path="products" element={<ProductsPage />} />
          <Route path="products/new" element={<ProductCreatePage />} />
          <Route path="products/:id" element={<ProductCardPage />} />
          <Route path="products/:id/edit" element={<ProductEditPage />} />
          <Route path="groups" element={<ProductGroupsPage />} />
        </Route>
        <Route path="counterparties">
          <Route index element={<CounterpartiesPage />} />
          <Route path="new" element={<CounterpartyCreatePage />} />
          <Route path="groups" element={<CounterpartyGroupsPage />} />
          <Route path=":id" element={<CounterpartyCardPage />} />
          <Route path=":id/edit" element={<CounterpartyEditPage />} />
        </Route>
        <Route path="contact-persons">
          <Route index element={<ContactPersonsPage />} />
          <Route path="new" element={<ContactPersonCreatePage />} />
          <Route path=":id" element={<ContactPersonCardPage />} />
          <Route path=":id/edit" element={<ContactPersonEditPage />} />
        </Route>
        <Route path="sales">
          <Route index element={<SalesPage />} />
          <Route path="offers" element={<OffersPage />} />
          <Route path="offers/new" element={<OfferCreatePage />} />
          <Route path="offers/:id" element={<OfferCardPage />} />
          <Route path="offers/:id/edit" element={<OfferEditPage />} />
          <Route path="invoices" element={<InvoicesPage />} />
          <Route path="invoices/new" element={<InvoiceCreatePage />} />
          <Route path="invoices/:id" element={<InvoiceCardPage />} />
          <Route path="invoices/:id/edit" element={<InvoiceEditPage />} />
          <Route path="payments" element={<PaymentsPage />} />
          <Route path="payments/new" element={<PaymentCreatePage />} />
          <Route path="payments/:id" element={<PaymentCardPage />} />
          <Route path="shipments" element={<ShipmentsPage />} />
          <Route path="shipments/new" element={<ShipmentCreatePage />} />
          <Route path="shipments/:id" element={<ShipmentCardPage />} />
        </Route>
        <Route path="requests">
          <Route index element={<RequestsPage />} />
          <Route path="new" element={<RequestCreatePage />} />
          <Route path=":id" element={<RequestCardPage />} />
          <Route path=":id/edit" element={<RequestEditPage />} />
        </Route>
        <Route path="knowledge">
          <Route index element={<KnowledgePage />} />
          <Route path="new" element={<KnowledgeArticleCreatePage />} />
          <Route path=":id" element={<KnowledgeArticlePage />} />
          <Route path=":id/edit" element={<KnowledgeArticleEditPage />} />
        </Route>
        <Route path="marketing" element={<MarketingPage />} />
        <Route path="process-tasks/:id" element={<ProcessTaskPage />} />
        <Route path="processes">
          <Route index element={<ProcessMonitorPage />} />
          <Route path=":id" element={<ProcessInstancePage />} />
        </Route>
        <Route path="settings/api-tokens" element={<ApiTokensPage />} />
        <Route path="admin" element={<RequireAdmin />}>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersAdminPage />} />
          <Route path="contact-info-kinds" element={<ContactInfoKindsAdminPage />} />
          <Route path="organizations" element={<OrganizationsAdminPage />} />
          <Route path="sales-settings" element={<SalesSettingsAdminPage />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
