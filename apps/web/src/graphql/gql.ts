/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment CurrentUser on User {\n    id\n    email\n    fullName\n    role\n    locale\n    timeZone\n    version\n  }\n": typeof types.CurrentUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  fragment ObjectRefFields on ObjectRef {\n    type\n    id\n    title\n  }\n": typeof types.ObjectRefFieldsFragmentDoc,
    "\n  fragment ReminderFields on Reminder {\n    id\n    text\n    remindAt\n    state\n    firedAt\n    userId\n    subject {\n      ...ObjectRefFields\n    }\n  }\n": typeof types.ReminderFieldsFragmentDoc,
    "\n  query DueReminders {\n    reminders(first: 100, filter: { state: DUE }) {\n      totalCount\n      edges {\n        node {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n": typeof types.DueRemindersDocument,
    "\n  query TaskCounts {\n    taskCounts {\n      overdue\n      today\n      dueReminders\n      total\n    }\n  }\n": typeof types.TaskCountsDocument,
    "\n  subscription ReminderDue {\n    reminderDue {\n      ...ReminderFields\n    }\n  }\n": typeof types.ReminderDueDocument,
    "\n  subscription EventChanged {\n    eventChanged {\n      id\n      event {\n        id\n        state\n        start\n        end\n        overdue\n        subject\n        version\n        responsibleId\n      }\n    }\n  }\n": typeof types.EventChangedDocument,
    "\n  mutation SnoozeReminder($id: ID!, $minutes: Int!) {\n    snoozeReminder(id: $id, minutes: $minutes) {\n      ...ReminderFields\n    }\n  }\n": typeof types.SnoozeReminderDocument,
    "\n  mutation DismissReminder($id: ID!) {\n    dismissReminder(id: $id) {\n      ...ReminderFields\n    }\n  }\n": typeof types.DismissReminderDocument,
    "\n  fragment CalendarFeedFields on CalendarFeed {\n    id\n    url\n    createdAt\n    revokedAt\n  }\n": typeof types.CalendarFeedFieldsFragmentDoc,
    "\n  query CalendarFeeds {\n    calendarFeeds {\n      ...CalendarFeedFields\n    }\n  }\n": typeof types.CalendarFeedsDocument,
    "\n  mutation CreateCalendarFeed {\n    createCalendarFeed {\n      ...CalendarFeedFields\n    }\n  }\n": typeof types.CreateCalendarFeedDocument,
    "\n  mutation RevokeCalendarFeed($id: ID!) {\n    revokeCalendarFeed(id: $id) {\n      ...CalendarFeedFields\n    }\n  }\n": typeof types.RevokeCalendarFeedDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query GlobalSearch($query: String!) {\n    search(query: $query, first: 10) {\n      totalCount\n      edges {\n        cursor\n        matchedField\n        matchedValue\n        node {\n          __typename\n          ... on Counterparty {\n            id\n            name\n          }\n          ... on ContactPerson {\n            id\n            fullName\n          }\n        }\n      }\n    }\n  }\n": typeof types.GlobalSearchDocument,
    "\n  query RecentObjects {\n    recentObjects(first: 20) {\n      entityType\n      entityId\n      label\n      at\n      action\n    }\n  }\n": typeof types.RecentObjectsDocument,
    "\n  mutation SetMyTimeZone($timeZone: String!) {\n    setMyTimeZone(timeZone: $timeZone) {\n      id\n      timeZone\n      version\n    }\n  }\n": typeof types.SetMyTimeZoneDocument,
    "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n      version\n    }\n  }\n": typeof types.SetMyLocaleDocument,
    "\n  query UserFilterName($id: ID!) {\n    user(id: $id) {\n      id\n      fullName\n    }\n  }\n": typeof types.UserFilterNameDocument,
    "\n  query UserName($id: ID!) {\n    user(id: $id) {\n      id\n      fullName\n    }\n  }\n": typeof types.UserNameDocument,
    "\n  query UserPicker($search: String) {\n    users(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          fullName\n          email\n        }\n      }\n    }\n  }\n": typeof types.UserPickerDocument,
    "\n  fragment ContactInfoKindFields on ContactInfoKind {\n    id\n    code\n    name\n    type\n    position\n    deletionMark\n    version\n  }\n": typeof types.ContactInfoKindFieldsFragmentDoc,
    "\n  fragment ContactInfoFields on ContactInfo {\n    id\n    type\n    kindId\n    kind {\n      ...ContactInfoKindFields\n    }\n    value\n    normalized\n    extension\n    comment\n    position\n    parts {\n      country\n      postalCode\n      region\n      district\n      city\n      settlement\n      street\n      house\n      building\n      apartment\n    }\n  }\n": typeof types.ContactInfoFieldsFragmentDoc,
    "\n  query ContactInfoKinds {\n    contactInfoKinds(includeMarkedForDeletion: true) {\n      ...ContactInfoKindFields\n    }\n  }\n": typeof types.ContactInfoKindsDocument,
    "\n  mutation CreateContactInfoKind($input: CreateContactInfoKindInput!) {\n    createContactInfoKind(input: $input) {\n      ...ContactInfoKindFields\n    }\n  }\n": typeof types.CreateContactInfoKindDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    at\n    action\n    actorId\n    actor {\n      id\n      fullName\n    }\n    changes {\n      field\n      old\n      new\n    }\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  fragment HistoryPage on AuditEntryConnection {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...AuditEntryFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.HistoryPageFragmentDoc,
    "\n  mutation UpdateContactInfoKind($id: ID!, $input: UpdateContactInfoKindInput!) {\n    updateContactInfoKind(id: $id, input: $input) {\n      ...ContactInfoKindFields\n    }\n  }\n": typeof types.UpdateContactInfoKindDocument,
    "\n  mutation MarkContactInfoKindForDeletion($id: ID!) {\n    markContactInfoKindForDeletion(id: $id) {\n      ...ContactInfoKindFields\n    }\n  }\n": typeof types.MarkContactInfoKindForDeletionDocument,
    "\n  mutation RestoreContactInfoKind($id: ID!) {\n    restoreContactInfoKind(id: $id) {\n      ...ContactInfoKindFields\n    }\n  }\n": typeof types.RestoreContactInfoKindDocument,
    "\n  fragment AdminUser on User {\n    id\n    email\n    fullName\n    role\n    supervisorId\n    supervisor {\n      id\n      fullName\n    }\n    active\n    locale\n    version\n    createdAt\n  }\n": typeof types.AdminUserFragmentDoc,
    "\n  query AdminUsers($after: String, $filter: UserFilter) {\n    users(first: 50, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AdminUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AdminUser\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n": typeof types.SetUserPasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        ...CurrentUser\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    userId\n    name\n    tokenPrefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  query CalendarItems($from: DateTimeISO!, $to: DateTimeISO!, $userId: ID) {\n    calendar(from: $from, to: $to, userId: $userId) {\n      __typename\n      start\n      end\n      title\n      ... on CalendarEvent {\n        event {\n          ...EventListItem\n        }\n      }\n      ... on CalendarReminder {\n        reminder {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n": typeof types.CalendarItemsDocument,
    "\n  fragment ContactPersonListItem on ContactPerson {\n    id\n    fullName\n    position\n    mainPhone\n    mainEmail\n    deletionMark\n    counterparty {\n      id\n      name\n    }\n  }\n": typeof types.ContactPersonListItemFragmentDoc,
    "\n  fragment ContactPersonDetails on ContactPerson {\n    id\n    counterpartyId\n    counterparty {\n      id\n      name\n    }\n    lastName\n    firstName\n    middleName\n    fullName\n    position\n    role\n    birthday\n    comment\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    deletionMark\n    version\n    createdAt\n    updatedAt\n    mainPhone\n    mainEmail\n    contactInfo {\n      ...ContactInfoFields\n    }\n    viewerCan {\n      update\n      delete\n      restore\n    }\n  }\n": typeof types.ContactPersonDetailsFragmentDoc,
    "\n  query ContactPersons($first: Int!, $after: String, $filter: ContactPersonFilter) {\n    contactPersons(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ContactPersonListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContactPersonsDocument,
    "\n  query ContactPerson($id: ID!) {\n    contactPerson(id: $id) {\n      ...ContactPersonDetails\n      lastContactAt\n      nextPlannedEvent {\n        id\n        subject\n        start\n        kind\n      }\n    }\n  }\n": typeof types.ContactPersonDocument,
    "\n  query ContactPersonHistory($id: ID!, $after: String) {\n    contactPerson(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n": typeof types.ContactPersonHistoryDocument,
    "\n  query CounterpartyPicker($search: String) {\n    counterparties(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CounterpartyPickerDocument,
    "\n  mutation CreateContactPerson($input: CreateContactPersonInput!) {\n    createContactPerson(input: $input) {\n      ...ContactPersonDetails\n    }\n  }\n": typeof types.CreateContactPersonDocument,
    "\n  mutation UpdateContactPerson($id: ID!, $input: UpdateContactPersonInput!) {\n    updateContactPerson(id: $id, input: $input) {\n      ...ContactPersonDetails\n    }\n  }\n": typeof types.UpdateContactPersonDocument,
    "\n  mutation MarkContactPersonForDeletion($id: ID!) {\n    markContactPersonForDeletion(id: $id) {\n      ...ContactPersonDetails\n    }\n  }\n": typeof types.MarkContactPersonForDeletionDocument,
    "\n  mutation RestoreContactPerson($id: ID!) {\n    restoreContactPerson(id: $id) {\n      ...ContactPersonDetails\n    }\n  }\n": typeof types.RestoreContactPersonDocument,
    "\n  query CounterpartyName($id: ID!) {\n    counterparty(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.CounterpartyNameDocument,
    "\n  fragment CounterpartyListItem on Counterparty {\n    id\n    name\n    inn\n    mainPhone\n    relationTypes\n    deletionMark\n    updatedAt\n    createdAt\n    responsible {\n      id\n      fullName\n    }\n  }\n": typeof types.CounterpartyListItemFragmentDoc,
    "\n  fragment DuplicateMatchFields on DuplicateMatch {\n    matchedOn\n    value\n    counterparty {\n      id\n      name\n    }\n    responsible {\n      id\n      fullName\n    }\n  }\n": typeof types.DuplicateMatchFieldsFragmentDoc,
    "\n  fragment CounterpartyDetails on Counterparty {\n    id\n    name\n    fullName\n    legalType\n    inn\n    kpp\n    groupId\n    group {\n      id\n      name\n    }\n    relationTypes\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    informationSource\n    comment\n    deletionMark\n    version\n    createdAt\n    updatedAt\n    mainPhone\n    mainEmail\n    contactInfo {\n      ...ContactInfoFields\n    }\n    viewerCan {\n      update\n      delete\n      restore\n    }\n  }\n": typeof types.CounterpartyDetailsFragmentDoc,
    "\n  query Counterparties($first: Int!, $after: String, $filter: CounterpartyFilter, $orderBy: CounterpartyOrder) {\n    counterparties(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CounterpartyListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CounterpartiesDocument,
    "\n  query Counterparty($id: ID!) {\n    counterparty(id: $id) {\n      ...CounterpartyDetails\n      lastContactAt\n      nextPlannedEvent {\n        id\n        subject\n        start\n        kind\n      }\n      possibleDuplicates {\n        ...DuplicateMatchFields\n      }\n      contactPersons {\n        id\n        fullName\n        position\n        mainPhone\n        mainEmail\n        deletionMark\n      }\n    }\n  }\n": typeof types.CounterpartyDocument,
    "\n  query CounterpartyHistory($id: ID!, $after: String) {\n    counterparty(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n": typeof types.CounterpartyHistoryDocument,
    "\n  query CounterpartyDuplicates($input: DuplicateCheckInput!) {\n    counterpartyDuplicates(input: $input) {\n      ...DuplicateMatchFields\n    }\n  }\n": typeof types.CounterpartyDuplicatesDocument,
    "\n  query CounterpartyGroups {\n    counterpartyGroups {\n      id\n      name\n      parentId\n      deletionMark\n    }\n  }\n": typeof types.CounterpartyGroupsDocument,
    "\n  mutation CreateCounterparty($input: CreateCounterpartyInput!) {\n    createCounterparty(input: $input) {\n      ...CounterpartyDetails\n    }\n  }\n": typeof types.CreateCounterpartyDocument,
    "\n  mutation UpdateCounterparty($id: ID!, $input: UpdateCounterpartyInput!) {\n    updateCounterparty(id: $id, input: $input) {\n      ...CounterpartyDetails\n    }\n  }\n": typeof types.UpdateCounterpartyDocument,
    "\n  mutation MarkCounterpartyForDeletion($id: ID!) {\n    markCounterpartyForDeletion(id: $id) {\n      ...CounterpartyDetails\n    }\n  }\n": typeof types.MarkCounterpartyForDeletionDocument,
    "\n  mutation RestoreCounterparty($id: ID!) {\n    restoreCounterparty(id: $id) {\n      ...CounterpartyDetails\n    }\n  }\n": typeof types.RestoreCounterpartyDocument,
    "\n  fragment EventListItem on Event {\n    id\n    number\n    kind\n    direction\n    state\n    subject\n    importance\n    start\n    end\n    overdue\n    counterpartyId\n    counterparty {\n      id\n      name\n    }\n    contactPersonId\n    contactPerson {\n      id\n      fullName\n    }\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    result\n    version\n    createdAt\n    viewerCan {\n      update\n      complete\n      cancel\n      reschedule\n    }\n  }\n": typeof types.EventListItemFragmentDoc,
    "\n  fragment EventDetails on Event {\n    ...EventListItem\n    content\n    cancelReason\n    completedAt\n    createdAt\n    updatedAt\n    basedOn {\n      ...ObjectRefFields\n    }\n    reminders {\n      ...ReminderFields\n    }\n  }\n": typeof types.EventDetailsFragmentDoc,
    "\n  query Events($first: Int!, $after: String, $filter: EventFilter, $orderBy: EventOrder) {\n    events(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventDetails\n    }\n  }\n": typeof types.EventDocument,
    "\n  query EventHistory($id: ID!, $after: String) {\n    event(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n": typeof types.EventHistoryDocument,
    "\n  query EventPrefill(\n    $counterpartyId: ID!\n    $withCounterparty: Boolean!\n    $contactPersonId: ID!\n    $withContactPerson: Boolean!\n    $userId: ID!\n    $withUser: Boolean!\n    $eventId: ID!\n    $withEvent: Boolean!\n  ) {\n    counterparty(id: $counterpartyId) @include(if: $withCounterparty) {\n      id\n      name\n    }\n    contactPerson(id: $contactPersonId) @include(if: $withContactPerson) {\n      id\n      fullName\n      counterparty {\n        id\n        name\n      }\n    }\n    user(id: $userId) @include(if: $withUser) {\n      id\n      fullName\n    }\n    event(id: $eventId) @include(if: $withEvent) {\n      ...EventDetails\n    }\n  }\n": typeof types.EventPrefillDocument,
    "\n  query ContactPersonPicker($search: String, $counterpartyId: ID) {\n    contactPersons(first: 20, filter: { search: $search, counterpartyId: $counterpartyId }) {\n      edges {\n        node {\n          id\n          fullName\n          position\n          counterparty {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ContactPersonPickerDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      ...EventDetails\n    }\n  }\n": typeof types.CreateEventDocument,
    "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n": typeof types.UpdateEventDocument,
    "\n  mutation CompleteEvent($id: ID!, $input: CompleteEventInput!) {\n    completeEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n": typeof types.CompleteEventDocument,
    "\n  mutation CancelEvent($id: ID!, $input: CancelEventInput!) {\n    cancelEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n": typeof types.CancelEventDocument,
    "\n  mutation RescheduleEvent($id: ID!, $input: RescheduleEventInput!) {\n    rescheduleEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n": typeof types.RescheduleEventDocument,
    "\n  query CounterpartyInteractions($id: ID!, $first: Int!) {\n    events(first: $first, filter: { counterpartyId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CounterpartyInteractionsDocument,
    "\n  query ContactPersonInteractions($id: ID!, $first: Int!) {\n    events(first: $first, filter: { contactPersonId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContactPersonInteractionsDocument,
    "\n  query TasksPage($me: ID!) {\n    overdue: events(\n      first: 200\n      filter: { responsibleId: $me, state: PLANNED, overdue: true }\n      orderBy: { field: START, direction: ASC }\n    ) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n    }\n    today: events(\n      first: 200\n      filter: { responsibleId: $me, state: PLANNED, dueToday: true }\n      orderBy: { field: START, direction: ASC }\n    ) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n    }\n    reminders(first: 200, filter: { state: DUE }) {\n      totalCount\n      edges {\n        node {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n": typeof types.TasksPageDocument,
};
const documents: Documents = {
    "\n  fragment CurrentUser on User {\n    id\n    email\n    fullName\n    role\n    locale\n    timeZone\n    version\n  }\n": types.CurrentUserFragmentDoc,
    "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  fragment ObjectRefFields on ObjectRef {\n    type\n    id\n    title\n  }\n": types.ObjectRefFieldsFragmentDoc,
    "\n  fragment ReminderFields on Reminder {\n    id\n    text\n    remindAt\n    state\n    firedAt\n    userId\n    subject {\n      ...ObjectRefFields\n    }\n  }\n": types.ReminderFieldsFragmentDoc,
    "\n  query DueReminders {\n    reminders(first: 100, filter: { state: DUE }) {\n      totalCount\n      edges {\n        node {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n": types.DueRemindersDocument,
    "\n  query TaskCounts {\n    taskCounts {\n      overdue\n      today\n      dueReminders\n      total\n    }\n  }\n": types.TaskCountsDocument,
    "\n  subscription ReminderDue {\n    reminderDue {\n      ...ReminderFields\n    }\n  }\n": types.ReminderDueDocument,
    "\n  subscription EventChanged {\n    eventChanged {\n      id\n      event {\n        id\n        state\n        start\n        end\n        overdue\n        subject\n        version\n        responsibleId\n      }\n    }\n  }\n": types.EventChangedDocument,
    "\n  mutation SnoozeReminder($id: ID!, $minutes: Int!) {\n    snoozeReminder(id: $id, minutes: $minutes) {\n      ...ReminderFields\n    }\n  }\n": types.SnoozeReminderDocument,
    "\n  mutation DismissReminder($id: ID!) {\n    dismissReminder(id: $id) {\n      ...ReminderFields\n    }\n  }\n": types.DismissReminderDocument,
    "\n  fragment CalendarFeedFields on CalendarFeed {\n    id\n    url\n    createdAt\n    revokedAt\n  }\n": types.CalendarFeedFieldsFragmentDoc,
    "\n  query CalendarFeeds {\n    calendarFeeds {\n      ...CalendarFeedFields\n    }\n  }\n": types.CalendarFeedsDocument,
    "\n  mutation CreateCalendarFeed {\n    createCalendarFeed {\n      ...CalendarFeedFields\n    }\n  }\n": types.CreateCalendarFeedDocument,
    "\n  mutation RevokeCalendarFeed($id: ID!) {\n    revokeCalendarFeed(id: $id) {\n      ...CalendarFeedFields\n    }\n  }\n": types.RevokeCalendarFeedDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query GlobalSearch($query: String!) {\n    search(query: $query, first: 10) {\n      totalCount\n      edges {\n        cursor\n        matchedField\n        matchedValue\n        node {\n          __typename\n          ... on Counterparty {\n            id\n            name\n          }\n          ... on ContactPerson {\n            id\n            fullName\n          }\n        }\n      }\n    }\n  }\n": types.GlobalSearchDocument,
    "\n  query RecentObjects {\n    recentObjects(first: 20) {\n      entityType\n      entityId\n      label\n      at\n      action\n    }\n  }\n": types.RecentObjectsDocument,
    "\n  mutation SetMyTimeZone($timeZone: String!) {\n    setMyTimeZone(timeZone: $timeZone) {\n      id\n      timeZone\n      version\n    }\n  }\n": types.SetMyTimeZoneDocument,
    "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n      version\n    }\n  }\n": types.SetMyLocaleDocument,
    "\n  query UserFilterName($id: ID!) {\n    user(id: $id) {\n      id\n      fullName\n    }\n  }\n": types.UserFilterNameDocument,
    "\n  query UserName($id: ID!) {\n    user(id: $id) {\n      id\n      fullName\n    }\n  }\n": types.UserNameDocument,
    "\n  query UserPicker($search: String) {\n    users(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          fullName\n          email\n        }\n      }\n    }\n  }\n": types.UserPickerDocument,
    "\n  fragment ContactInfoKindFields on ContactInfoKind {\n    id\n    code\n    name\n    type\n    position\n    deletionMark\n    version\n  }\n": types.ContactInfoKindFieldsFragmentDoc,
    "\n  fragment ContactInfoFields on ContactInfo {\n    id\n    type\n    kindId\n    kind {\n      ...ContactInfoKindFields\n    }\n    value\n    normalized\n    extension\n    comment\n    position\n    parts {\n      country\n      postalCode\n      region\n      district\n      city\n      settlement\n      street\n      house\n      building\n      apartment\n    }\n  }\n": types.ContactInfoFieldsFragmentDoc,
    "\n  query ContactInfoKinds {\n    contactInfoKinds(includeMarkedForDeletion: true) {\n      ...ContactInfoKindFields\n    }\n  }\n": types.ContactInfoKindsDocument,
    "\n  mutation CreateContactInfoKind($input: CreateContactInfoKindInput!) {\n    createContactInfoKind(input: $input) {\n      ...ContactInfoKindFields\n    }\n  }\n": types.CreateContactInfoKindDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    at\n    action\n    actorId\n    actor {\n      id\n      fullName\n    }\n    changes {\n      field\n      old\n      new\n    }\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  fragment HistoryPage on AuditEntryConnection {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...AuditEntryFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.HistoryPageFragmentDoc,
    "\n  mutation UpdateContactInfoKind($id: ID!, $input: UpdateContactInfoKindInput!) {\n    updateContactInfoKind(id: $id, input: $input) {\n      ...ContactInfoKindFields\n    }\n  }\n": types.UpdateContactInfoKindDocument,
    "\n  mutation MarkContactInfoKindForDeletion($id: ID!) {\n    markContactInfoKindForDeletion(id: $id) {\n      ...ContactInfoKindFields\n    }\n  }\n": types.MarkContactInfoKindForDeletionDocument,
    "\n  mutation RestoreContactInfoKind($id: ID!) {\n    restoreContactInfoKind(id: $id) {\n      ...ContactInfoKindFields\n    }\n  }\n": types.RestoreContactInfoKindDocument,
    "\n  fragment AdminUser on User {\n    id\n    email\n    fullName\n    role\n    supervisorId\n    supervisor {\n      id\n      fullName\n    }\n    active\n    locale\n    version\n    createdAt\n  }\n": types.AdminUserFragmentDoc,
    "\n  query AdminUsers($after: String, $filter: UserFilter) {\n    users(first: 50, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AdminUsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AdminUser\n    }\n  }\n": types.UpdateUserDocument,
    "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n": types.SetUserPasswordDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        ...CurrentUser\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    userId\n    name\n    tokenPrefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  query CalendarItems($from: DateTimeISO!, $to: DateTimeISO!, $userId: ID) {\n    calendar(from: $from, to: $to, userId: $userId) {\n      __typename\n      start\n      end\n      title\n      ... on CalendarEvent {\n        event {\n          ...EventListItem\n        }\n      }\n      ... on CalendarReminder {\n        reminder {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n": types.CalendarItemsDocument,
    "\n  fragment ContactPersonListItem on ContactPerson {\n    id\n    fullName\n    position\n    mainPhone\n    mainEmail\n    deletionMark\n    counterparty {\n      id\n      name\n    }\n  }\n": types.ContactPersonListItemFragmentDoc,
    "\n  fragment ContactPersonDetails on ContactPerson {\n    id\n    counterpartyId\n    counterparty {\n      id\n      name\n    }\n    lastName\n    firstName\n    middleName\n    fullName\n    position\n    role\n    birthday\n    comment\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    deletionMark\n    version\n    createdAt\n    updatedAt\n    mainPhone\n    mainEmail\n    contactInfo {\n      ...ContactInfoFields\n    }\n    viewerCan {\n      update\n      delete\n      restore\n    }\n  }\n": types.ContactPersonDetailsFragmentDoc,
    "\n  query ContactPersons($first: Int!, $after: String, $filter: ContactPersonFilter) {\n    contactPersons(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ContactPersonListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContactPersonsDocument,
    "\n  query ContactPerson($id: ID!) {\n    contactPerson(id: $id) {\n      ...ContactPersonDetails\n      lastContactAt\n      nextPlannedEvent {\n        id\n        subject\n        start\n        kind\n      }\n    }\n  }\n": types.ContactPersonDocument,
    "\n  query ContactPersonHistory($id: ID!, $after: String) {\n    contactPerson(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n": types.ContactPersonHistoryDocument,
    "\n  query CounterpartyPicker($search: String) {\n    counterparties(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CounterpartyPickerDocument,
    "\n  mutation CreateContactPerson($input: CreateContactPersonInput!) {\n    createContactPerson(input: $input) {\n      ...ContactPersonDetails\n    }\n  }\n": types.CreateContactPersonDocument,
    "\n  mutation UpdateContactPerson($id: ID!, $input: UpdateContactPersonInput!) {\n    updateContactPerson(id: $id, input: $input) {\n      ...ContactPersonDetails\n    }\n  }\n": types.UpdateContactPersonDocument,
    "\n  mutation MarkContactPersonForDeletion($id: ID!) {\n    markContactPersonForDeletion(id: $id) {\n      ...ContactPersonDetails\n    }\n  }\n": types.MarkContactPersonForDeletionDocument,
    "\n  mutation RestoreContactPerson($id: ID!) {\n    restoreContactPerson(id: $id) {\n      ...ContactPersonDetails\n    }\n  }\n": types.RestoreContactPersonDocument,
    "\n  query CounterpartyName($id: ID!) {\n    counterparty(id: $id) {\n      id\n      name\n    }\n  }\n": types.CounterpartyNameDocument,
    "\n  fragment CounterpartyListItem on Counterparty {\n    id\n    name\n    inn\n    mainPhone\n    relationTypes\n    deletionMark\n    updatedAt\n    createdAt\n    responsible {\n      id\n      fullName\n    }\n  }\n": types.CounterpartyListItemFragmentDoc,
    "\n  fragment DuplicateMatchFields on DuplicateMatch {\n    matchedOn\n    value\n    counterparty {\n      id\n      name\n    }\n    responsible {\n      id\n      fullName\n    }\n  }\n": types.DuplicateMatchFieldsFragmentDoc,
    "\n  fragment CounterpartyDetails on Counterparty {\n    id\n    name\n    fullName\n    legalType\n    inn\n    kpp\n    groupId\n    group {\n      id\n      name\n    }\n    relationTypes\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    informationSource\n    comment\n    deletionMark\n    version\n    createdAt\n    updatedAt\n    mainPhone\n    mainEmail\n    contactInfo {\n      ...ContactInfoFields\n    }\n    viewerCan {\n      update\n      delete\n      restore\n    }\n  }\n": types.CounterpartyDetailsFragmentDoc,
    "\n  query Counterparties($first: Int!, $after: String, $filter: CounterpartyFilter, $orderBy: CounterpartyOrder) {\n    counterparties(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CounterpartyListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CounterpartiesDocument,
    "\n  query Counterparty($id: ID!) {\n    counterparty(id: $id) {\n      ...CounterpartyDetails\n      lastContactAt\n      nextPlannedEvent {\n        id\n        subject\n        start\n        kind\n      }\n      possibleDuplicates {\n        ...DuplicateMatchFields\n      }\n      contactPersons {\n        id\n        fullName\n        position\n        mainPhone\n        mainEmail\n        deletionMark\n      }\n    }\n  }\n": types.CounterpartyDocument,
    "\n  query CounterpartyHistory($id: ID!, $after: String) {\n    counterparty(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n": types.CounterpartyHistoryDocument,
    "\n  query CounterpartyDuplicates($input: DuplicateCheckInput!) {\n    counterpartyDuplicates(input: $input) {\n      ...DuplicateMatchFields\n    }\n  }\n": types.CounterpartyDuplicatesDocument,
    "\n  query CounterpartyGroups {\n    counterpartyGroups {\n      id\n      name\n      parentId\n      deletionMark\n    }\n  }\n": types.CounterpartyGroupsDocument,
    "\n  mutation CreateCounterparty($input: CreateCounterpartyInput!) {\n    createCounterparty(input: $input) {\n      ...CounterpartyDetails\n    }\n  }\n": types.CreateCounterpartyDocument,
    "\n  mutation UpdateCounterparty($id: ID!, $input: UpdateCounterpartyInput!) {\n    updateCounterparty(id: $id, input: $input) {\n      ...CounterpartyDetails\n    }\n  }\n": types.UpdateCounterpartyDocument,
    "\n  mutation MarkCounterpartyForDeletion($id: ID!) {\n    markCounterpartyForDeletion(id: $id) {\n      ...CounterpartyDetails\n    }\n  }\n": types.MarkCounterpartyForDeletionDocument,
    "\n  mutation RestoreCounterparty($id: ID!) {\n    restoreCounterparty(id: $id) {\n      ...CounterpartyDetails\n    }\n  }\n": types.RestoreCounterpartyDocument,
    "\n  fragment EventListItem on Event {\n    id\n    number\n    kind\n    direction\n    state\n    subject\n    importance\n    start\n    end\n    overdue\n    counterpartyId\n    counterparty {\n      id\n      name\n    }\n    contactPersonId\n    contactPerson {\n      id\n      fullName\n    }\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    result\n    version\n    createdAt\n    viewerCan {\n      update\n      complete\n      cancel\n      reschedule\n    }\n  }\n": types.EventListItemFragmentDoc,
    "\n  fragment EventDetails on Event {\n    ...EventListItem\n    content\n    cancelReason\n    completedAt\n    createdAt\n    updatedAt\n    basedOn {\n      ...ObjectRefFields\n    }\n    reminders {\n      ...ReminderFields\n    }\n  }\n": types.EventDetailsFragmentDoc,
    "\n  query Events($first: Int!, $after: String, $filter: EventFilter, $orderBy: EventOrder) {\n    events(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.EventsDocument,
    "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventDetails\n    }\n  }\n": types.EventDocument,
    "\n  query EventHistory($id: ID!, $after: String) {\n    event(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n": types.EventHistoryDocument,
    "\n  query EventPrefill(\n    $counterpartyId: ID!\n    $withCounterparty: Boolean!\n    $contactPersonId: ID!\n    $withContactPerson: Boolean!\n    $userId: ID!\n    $withUser: Boolean!\n    $eventId: ID!\n    $withEvent: Boolean!\n  ) {\n    counterparty(id: $counterpartyId) @include(if: $withCounterparty) {\n      id\n      name\n    }\n    contactPerson(id: $contactPersonId) @include(if: $withContactPerson) {\n      id\n      fullName\n      counterparty {\n        id\n        name\n      }\n    }\n    user(id: $userId) @include(if: $withUser) {\n      id\n      fullName\n    }\n    event(id: $eventId) @include(if: $withEvent) {\n      ...EventDetails\n    }\n  }\n": types.EventPrefillDocument,
    "\n  query ContactPersonPicker($search: String, $counterpartyId: ID) {\n    contactPersons(first: 20, filter: { search: $search, counterpartyId: $counterpartyId }) {\n      edges {\n        node {\n          id\n          fullName\n          position\n          counterparty {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ContactPersonPickerDocument,
    "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      ...EventDetails\n    }\n  }\n": types.CreateEventDocument,
    "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n": types.UpdateEventDocument,
    "\n  mutation CompleteEvent($id: ID!, $input: CompleteEventInput!) {\n    completeEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n": types.CompleteEventDocument,
    "\n  mutation CancelEvent($id: ID!, $input: CancelEventInput!) {\n    cancelEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n": types.CancelEventDocument,
    "\n  mutation RescheduleEvent($id: ID!, $input: RescheduleEventInput!) {\n    rescheduleEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n": types.RescheduleEventDocument,
    "\n  query CounterpartyInteractions($id: ID!, $first: Int!) {\n    events(first: $first, filter: { counterpartyId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CounterpartyInteractionsDocument,
    "\n  query ContactPersonInteractions($id: ID!, $first: Int!) {\n    events(first: $first, filter: { contactPersonId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContactPersonInteractionsDocument,
    "\n  query TasksPage($me: ID!) {\n    overdue: events(\n      first: 200\n      filter: { responsibleId: $me, state: PLANNED, overdue: true }\n      orderBy: { field: START, direction: ASC }\n    ) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n    }\n    today: events(\n      first: 200\n      filter: { responsibleId: $me, state: PLANNED, dueToday: true }\n      orderBy: { field: START, direction: ASC }\n    ) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n    }\n    reminders(first: 200, filter: { state: DUE }) {\n      totalCount\n      edges {\n        node {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n": types.TasksPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CurrentUser on User {\n    id\n    email\n    fullName\n    role\n    locale\n    timeZone\n    version\n  }\n"): (typeof documents)["\n  fragment CurrentUser on User {\n    id\n    email\n    fullName\n    role\n    locale\n    timeZone\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...CurrentUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ObjectRefFields on ObjectRef {\n    type\n    id\n    title\n  }\n"): (typeof documents)["\n  fragment ObjectRefFields on ObjectRef {\n    type\n    id\n    title\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReminderFields on Reminder {\n    id\n    text\n    remindAt\n    state\n    firedAt\n    userId\n    subject {\n      ...ObjectRefFields\n    }\n  }\n"): (typeof documents)["\n  fragment ReminderFields on Reminder {\n    id\n    text\n    remindAt\n    state\n    firedAt\n    userId\n    subject {\n      ...ObjectRefFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DueReminders {\n    reminders(first: 100, filter: { state: DUE }) {\n      totalCount\n      edges {\n        node {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DueReminders {\n    reminders(first: 100, filter: { state: DUE }) {\n      totalCount\n      edges {\n        node {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskCounts {\n    taskCounts {\n      overdue\n      today\n      dueReminders\n      total\n    }\n  }\n"): (typeof documents)["\n  query TaskCounts {\n    taskCounts {\n      overdue\n      today\n      dueReminders\n      total\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReminderDue {\n    reminderDue {\n      ...ReminderFields\n    }\n  }\n"): (typeof documents)["\n  subscription ReminderDue {\n    reminderDue {\n      ...ReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EventChanged {\n    eventChanged {\n      id\n      event {\n        id\n        state\n        start\n        end\n        overdue\n        subject\n        version\n        responsibleId\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription EventChanged {\n    eventChanged {\n      id\n      event {\n        id\n        state\n        start\n        end\n        overdue\n        subject\n        version\n        responsibleId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SnoozeReminder($id: ID!, $minutes: Int!) {\n    snoozeReminder(id: $id, minutes: $minutes) {\n      ...ReminderFields\n    }\n  }\n"): (typeof documents)["\n  mutation SnoozeReminder($id: ID!, $minutes: Int!) {\n    snoozeReminder(id: $id, minutes: $minutes) {\n      ...ReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DismissReminder($id: ID!) {\n    dismissReminder(id: $id) {\n      ...ReminderFields\n    }\n  }\n"): (typeof documents)["\n  mutation DismissReminder($id: ID!) {\n    dismissReminder(id: $id) {\n      ...ReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CalendarFeedFields on CalendarFeed {\n    id\n    url\n    createdAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment CalendarFeedFields on CalendarFeed {\n    id\n    url\n    createdAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarFeeds {\n    calendarFeeds {\n      ...CalendarFeedFields\n    }\n  }\n"): (typeof documents)["\n  query CalendarFeeds {\n    calendarFeeds {\n      ...CalendarFeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCalendarFeed {\n    createCalendarFeed {\n      ...CalendarFeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCalendarFeed {\n    createCalendarFeed {\n      ...CalendarFeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCalendarFeed($id: ID!) {\n    revokeCalendarFeed(id: $id) {\n      ...CalendarFeedFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeCalendarFeed($id: ID!) {\n    revokeCalendarFeed(id: $id) {\n      ...CalendarFeedFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GlobalSearch($query: String!) {\n    search(query: $query, first: 10) {\n      totalCount\n      edges {\n        cursor\n        matchedField\n        matchedValue\n        node {\n          __typename\n          ... on Counterparty {\n            id\n            name\n          }\n          ... on ContactPerson {\n            id\n            fullName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GlobalSearch($query: String!) {\n    search(query: $query, first: 10) {\n      totalCount\n      edges {\n        cursor\n        matchedField\n        matchedValue\n        node {\n          __typename\n          ... on Counterparty {\n            id\n            name\n          }\n          ... on ContactPerson {\n            id\n            fullName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentObjects {\n    recentObjects(first: 20) {\n      entityType\n      entityId\n      label\n      at\n      action\n    }\n  }\n"): (typeof documents)["\n  query RecentObjects {\n    recentObjects(first: 20) {\n      entityType\n      entityId\n      label\n      at\n      action\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyTimeZone($timeZone: String!) {\n    setMyTimeZone(timeZone: $timeZone) {\n      id\n      timeZone\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyTimeZone($timeZone: String!) {\n    setMyTimeZone(timeZone: $timeZone) {\n      id\n      timeZone\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SetMyLocale($locale: Locale!) {\n    setMyLocale(locale: $locale) {\n      id\n      locale\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFilterName($id: ID!) {\n    user(id: $id) {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  query UserFilterName($id: ID!) {\n    user(id: $id) {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserName($id: ID!) {\n    user(id: $id) {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  query UserName($id: ID!) {\n    user(id: $id) {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserPicker($search: String) {\n    users(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          fullName\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserPicker($search: String) {\n    users(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          fullName\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactInfoKindFields on ContactInfoKind {\n    id\n    code\n    name\n    type\n    position\n    deletionMark\n    version\n  }\n"): (typeof documents)["\n  fragment ContactInfoKindFields on ContactInfoKind {\n    id\n    code\n    name\n    type\n    position\n    deletionMark\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactInfoFields on ContactInfo {\n    id\n    type\n    kindId\n    kind {\n      ...ContactInfoKindFields\n    }\n    value\n    normalized\n    extension\n    comment\n    position\n    parts {\n      country\n      postalCode\n      region\n      district\n      city\n      settlement\n      street\n      house\n      building\n      apartment\n    }\n  }\n"): (typeof documents)["\n  fragment ContactInfoFields on ContactInfo {\n    id\n    type\n    kindId\n    kind {\n      ...ContactInfoKindFields\n    }\n    value\n    normalized\n    extension\n    comment\n    position\n    parts {\n      country\n      postalCode\n      region\n      district\n      city\n      settlement\n      street\n      house\n      building\n      apartment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactInfoKinds {\n    contactInfoKinds(includeMarkedForDeletion: true) {\n      ...ContactInfoKindFields\n    }\n  }\n"): (typeof documents)["\n  query ContactInfoKinds {\n    contactInfoKinds(includeMarkedForDeletion: true) {\n      ...ContactInfoKindFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContactInfoKind($input: CreateContactInfoKindInput!) {\n    createContactInfoKind(input: $input) {\n      ...ContactInfoKindFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContactInfoKind($input: CreateContactInfoKindInput!) {\n    createContactInfoKind(input: $input) {\n      ...ContactInfoKindFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    at\n    action\n    actorId\n    actor {\n      id\n      fullName\n    }\n    changes {\n      field\n      old\n      new\n    }\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditEntry {\n    id\n    at\n    action\n    actorId\n    actor {\n      id\n      fullName\n    }\n    changes {\n      field\n      old\n      new\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment HistoryPage on AuditEntryConnection {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...AuditEntryFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment HistoryPage on AuditEntryConnection {\n    totalCount\n    edges {\n      cursor\n      node {\n        ...AuditEntryFields\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContactInfoKind($id: ID!, $input: UpdateContactInfoKindInput!) {\n    updateContactInfoKind(id: $id, input: $input) {\n      ...ContactInfoKindFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContactInfoKind($id: ID!, $input: UpdateContactInfoKindInput!) {\n    updateContactInfoKind(id: $id, input: $input) {\n      ...ContactInfoKindFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkContactInfoKindForDeletion($id: ID!) {\n    markContactInfoKindForDeletion(id: $id) {\n      ...ContactInfoKindFields\n    }\n  }\n"): (typeof documents)["\n  mutation MarkContactInfoKindForDeletion($id: ID!) {\n    markContactInfoKindForDeletion(id: $id) {\n      ...ContactInfoKindFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreContactInfoKind($id: ID!) {\n    restoreContactInfoKind(id: $id) {\n      ...ContactInfoKindFields\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreContactInfoKind($id: ID!) {\n    restoreContactInfoKind(id: $id) {\n      ...ContactInfoKindFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminUser on User {\n    id\n    email\n    fullName\n    role\n    supervisorId\n    supervisor {\n      id\n      fullName\n    }\n    active\n    locale\n    version\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AdminUser on User {\n    id\n    email\n    fullName\n    role\n    supervisorId\n    supervisor {\n      id\n      fullName\n    }\n    active\n    locale\n    version\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdminUsers($after: String, $filter: UserFilter) {\n    users(first: 50, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdminUsers($after: String, $filter: UserFilter) {\n    users(first: 50, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...AdminUser\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AdminUser\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {\n    updateUser(id: $id, input: $input) {\n      ...AdminUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n"): (typeof documents)["\n  mutation SetUserPassword($id: ID!, $password: String!) {\n    setUserPassword(id: $id, password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        ...CurrentUser\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      user {\n        ...CurrentUser\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    userId\n    name\n    tokenPrefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    userId\n    name\n    tokenPrefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarItems($from: DateTimeISO!, $to: DateTimeISO!, $userId: ID) {\n    calendar(from: $from, to: $to, userId: $userId) {\n      __typename\n      start\n      end\n      title\n      ... on CalendarEvent {\n        event {\n          ...EventListItem\n        }\n      }\n      ... on CalendarReminder {\n        reminder {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CalendarItems($from: DateTimeISO!, $to: DateTimeISO!, $userId: ID) {\n    calendar(from: $from, to: $to, userId: $userId) {\n      __typename\n      start\n      end\n      title\n      ... on CalendarEvent {\n        event {\n          ...EventListItem\n        }\n      }\n      ... on CalendarReminder {\n        reminder {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactPersonListItem on ContactPerson {\n    id\n    fullName\n    position\n    mainPhone\n    mainEmail\n    deletionMark\n    counterparty {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ContactPersonListItem on ContactPerson {\n    id\n    fullName\n    position\n    mainPhone\n    mainEmail\n    deletionMark\n    counterparty {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactPersonDetails on ContactPerson {\n    id\n    counterpartyId\n    counterparty {\n      id\n      name\n    }\n    lastName\n    firstName\n    middleName\n    fullName\n    position\n    role\n    birthday\n    comment\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    deletionMark\n    version\n    createdAt\n    updatedAt\n    mainPhone\n    mainEmail\n    contactInfo {\n      ...ContactInfoFields\n    }\n    viewerCan {\n      update\n      delete\n      restore\n    }\n  }\n"): (typeof documents)["\n  fragment ContactPersonDetails on ContactPerson {\n    id\n    counterpartyId\n    counterparty {\n      id\n      name\n    }\n    lastName\n    firstName\n    middleName\n    fullName\n    position\n    role\n    birthday\n    comment\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    deletionMark\n    version\n    createdAt\n    updatedAt\n    mainPhone\n    mainEmail\n    contactInfo {\n      ...ContactInfoFields\n    }\n    viewerCan {\n      update\n      delete\n      restore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactPersons($first: Int!, $after: String, $filter: ContactPersonFilter) {\n    contactPersons(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ContactPersonListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactPersons($first: Int!, $after: String, $filter: ContactPersonFilter) {\n    contactPersons(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...ContactPersonListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactPerson($id: ID!) {\n    contactPerson(id: $id) {\n      ...ContactPersonDetails\n      lastContactAt\n      nextPlannedEvent {\n        id\n        subject\n        start\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactPerson($id: ID!) {\n    contactPerson(id: $id) {\n      ...ContactPersonDetails\n      lastContactAt\n      nextPlannedEvent {\n        id\n        subject\n        start\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactPersonHistory($id: ID!, $after: String) {\n    contactPerson(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactPersonHistory($id: ID!, $after: String) {\n    contactPerson(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterpartyPicker($search: String) {\n    counterparties(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CounterpartyPicker($search: String) {\n    counterparties(first: 20, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContactPerson($input: CreateContactPersonInput!) {\n    createContactPerson(input: $input) {\n      ...ContactPersonDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateContactPerson($input: CreateContactPersonInput!) {\n    createContactPerson(input: $input) {\n      ...ContactPersonDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContactPerson($id: ID!, $input: UpdateContactPersonInput!) {\n    updateContactPerson(id: $id, input: $input) {\n      ...ContactPersonDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateContactPerson($id: ID!, $input: UpdateContactPersonInput!) {\n    updateContactPerson(id: $id, input: $input) {\n      ...ContactPersonDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkContactPersonForDeletion($id: ID!) {\n    markContactPersonForDeletion(id: $id) {\n      ...ContactPersonDetails\n    }\n  }\n"): (typeof documents)["\n  mutation MarkContactPersonForDeletion($id: ID!) {\n    markContactPersonForDeletion(id: $id) {\n      ...ContactPersonDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreContactPerson($id: ID!) {\n    restoreContactPerson(id: $id) {\n      ...ContactPersonDetails\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreContactPerson($id: ID!) {\n    restoreContactPerson(id: $id) {\n      ...ContactPersonDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterpartyName($id: ID!) {\n    counterparty(id: $id) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query CounterpartyName($id: ID!) {\n    counterparty(id: $id) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CounterpartyListItem on Counterparty {\n    id\n    name\n    inn\n    mainPhone\n    relationTypes\n    deletionMark\n    updatedAt\n    createdAt\n    responsible {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  fragment CounterpartyListItem on Counterparty {\n    id\n    name\n    inn\n    mainPhone\n    relationTypes\n    deletionMark\n    updatedAt\n    createdAt\n    responsible {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DuplicateMatchFields on DuplicateMatch {\n    matchedOn\n    value\n    counterparty {\n      id\n      name\n    }\n    responsible {\n      id\n      fullName\n    }\n  }\n"): (typeof documents)["\n  fragment DuplicateMatchFields on DuplicateMatch {\n    matchedOn\n    value\n    counterparty {\n      id\n      name\n    }\n    responsible {\n      id\n      fullName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CounterpartyDetails on Counterparty {\n    id\n    name\n    fullName\n    legalType\n    inn\n    kpp\n    groupId\n    group {\n      id\n      name\n    }\n    relationTypes\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    informationSource\n    comment\n    deletionMark\n    version\n    createdAt\n    updatedAt\n    mainPhone\n    mainEmail\n    contactInfo {\n      ...ContactInfoFields\n    }\n    viewerCan {\n      update\n      delete\n      restore\n    }\n  }\n"): (typeof documents)["\n  fragment CounterpartyDetails on Counterparty {\n    id\n    name\n    fullName\n    legalType\n    inn\n    kpp\n    groupId\n    group {\n      id\n      name\n    }\n    relationTypes\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    informationSource\n    comment\n    deletionMark\n    version\n    createdAt\n    updatedAt\n    mainPhone\n    mainEmail\n    contactInfo {\n      ...ContactInfoFields\n    }\n    viewerCan {\n      update\n      delete\n      restore\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Counterparties($first: Int!, $after: String, $filter: CounterpartyFilter, $orderBy: CounterpartyOrder) {\n    counterparties(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CounterpartyListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Counterparties($first: Int!, $after: String, $filter: CounterpartyFilter, $orderBy: CounterpartyOrder) {\n    counterparties(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...CounterpartyListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Counterparty($id: ID!) {\n    counterparty(id: $id) {\n      ...CounterpartyDetails\n      lastContactAt\n      nextPlannedEvent {\n        id\n        subject\n        start\n        kind\n      }\n      possibleDuplicates {\n        ...DuplicateMatchFields\n      }\n      contactPersons {\n        id\n        fullName\n        position\n        mainPhone\n        mainEmail\n        deletionMark\n      }\n    }\n  }\n"): (typeof documents)["\n  query Counterparty($id: ID!) {\n    counterparty(id: $id) {\n      ...CounterpartyDetails\n      lastContactAt\n      nextPlannedEvent {\n        id\n        subject\n        start\n        kind\n      }\n      possibleDuplicates {\n        ...DuplicateMatchFields\n      }\n      contactPersons {\n        id\n        fullName\n        position\n        mainPhone\n        mainEmail\n        deletionMark\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterpartyHistory($id: ID!, $after: String) {\n    counterparty(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query CounterpartyHistory($id: ID!, $after: String) {\n    counterparty(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterpartyDuplicates($input: DuplicateCheckInput!) {\n    counterpartyDuplicates(input: $input) {\n      ...DuplicateMatchFields\n    }\n  }\n"): (typeof documents)["\n  query CounterpartyDuplicates($input: DuplicateCheckInput!) {\n    counterpartyDuplicates(input: $input) {\n      ...DuplicateMatchFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterpartyGroups {\n    counterpartyGroups {\n      id\n      name\n      parentId\n      deletionMark\n    }\n  }\n"): (typeof documents)["\n  query CounterpartyGroups {\n    counterpartyGroups {\n      id\n      name\n      parentId\n      deletionMark\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCounterparty($input: CreateCounterpartyInput!) {\n    createCounterparty(input: $input) {\n      ...CounterpartyDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCounterparty($input: CreateCounterpartyInput!) {\n    createCounterparty(input: $input) {\n      ...CounterpartyDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCounterparty($id: ID!, $input: UpdateCounterpartyInput!) {\n    updateCounterparty(id: $id, input: $input) {\n      ...CounterpartyDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCounterparty($id: ID!, $input: UpdateCounterpartyInput!) {\n    updateCounterparty(id: $id, input: $input) {\n      ...CounterpartyDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkCounterpartyForDeletion($id: ID!) {\n    markCounterpartyForDeletion(id: $id) {\n      ...CounterpartyDetails\n    }\n  }\n"): (typeof documents)["\n  mutation MarkCounterpartyForDeletion($id: ID!) {\n    markCounterpartyForDeletion(id: $id) {\n      ...CounterpartyDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreCounterparty($id: ID!) {\n    restoreCounterparty(id: $id) {\n      ...CounterpartyDetails\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreCounterparty($id: ID!) {\n    restoreCounterparty(id: $id) {\n      ...CounterpartyDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventListItem on Event {\n    id\n    number\n    kind\n    direction\n    state\n    subject\n    importance\n    start\n    end\n    overdue\n    counterpartyId\n    counterparty {\n      id\n      name\n    }\n    contactPersonId\n    contactPerson {\n      id\n      fullName\n    }\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    result\n    version\n    createdAt\n    viewerCan {\n      update\n      complete\n      cancel\n      reschedule\n    }\n  }\n"): (typeof documents)["\n  fragment EventListItem on Event {\n    id\n    number\n    kind\n    direction\n    state\n    subject\n    importance\n    start\n    end\n    overdue\n    counterpartyId\n    counterparty {\n      id\n      name\n    }\n    contactPersonId\n    contactPerson {\n      id\n      fullName\n    }\n    responsibleId\n    responsible {\n      id\n      fullName\n    }\n    result\n    version\n    createdAt\n    viewerCan {\n      update\n      complete\n      cancel\n      reschedule\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EventDetails on Event {\n    ...EventListItem\n    content\n    cancelReason\n    completedAt\n    createdAt\n    updatedAt\n    basedOn {\n      ...ObjectRefFields\n    }\n    reminders {\n      ...ReminderFields\n    }\n  }\n"): (typeof documents)["\n  fragment EventDetails on Event {\n    ...EventListItem\n    content\n    cancelReason\n    completedAt\n    createdAt\n    updatedAt\n    basedOn {\n      ...ObjectRefFields\n    }\n    reminders {\n      ...ReminderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($first: Int!, $after: String, $filter: EventFilter, $orderBy: EventOrder) {\n    events(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Events($first: Int!, $after: String, $filter: EventFilter, $orderBy: EventOrder) {\n    events(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventDetails\n    }\n  }\n"): (typeof documents)["\n  query Event($id: ID!) {\n    event(id: $id) {\n      ...EventDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventHistory($id: ID!, $after: String) {\n    event(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query EventHistory($id: ID!, $after: String) {\n    event(id: $id) {\n      id\n      history(first: 20, after: $after) {\n        ...HistoryPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventPrefill(\n    $counterpartyId: ID!\n    $withCounterparty: Boolean!\n    $contactPersonId: ID!\n    $withContactPerson: Boolean!\n    $userId: ID!\n    $withUser: Boolean!\n    $eventId: ID!\n    $withEvent: Boolean!\n  ) {\n    counterparty(id: $counterpartyId) @include(if: $withCounterparty) {\n      id\n      name\n    }\n    contactPerson(id: $contactPersonId) @include(if: $withContactPerson) {\n      id\n      fullName\n      counterparty {\n        id\n        name\n      }\n    }\n    user(id: $userId) @include(if: $withUser) {\n      id\n      fullName\n    }\n    event(id: $eventId) @include(if: $withEvent) {\n      ...EventDetails\n    }\n  }\n"): (typeof documents)["\n  query EventPrefill(\n    $counterpartyId: ID!\n    $withCounterparty: Boolean!\n    $contactPersonId: ID!\n    $withContactPerson: Boolean!\n    $userId: ID!\n    $withUser: Boolean!\n    $eventId: ID!\n    $withEvent: Boolean!\n  ) {\n    counterparty(id: $counterpartyId) @include(if: $withCounterparty) {\n      id\n      name\n    }\n    contactPerson(id: $contactPersonId) @include(if: $withContactPerson) {\n      id\n      fullName\n      counterparty {\n        id\n        name\n      }\n    }\n    user(id: $userId) @include(if: $withUser) {\n      id\n      fullName\n    }\n    event(id: $eventId) @include(if: $withEvent) {\n      ...EventDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactPersonPicker($search: String, $counterpartyId: ID) {\n    contactPersons(first: 20, filter: { search: $search, counterpartyId: $counterpartyId }) {\n      edges {\n        node {\n          id\n          fullName\n          position\n          counterparty {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactPersonPicker($search: String, $counterpartyId: ID) {\n    contactPersons(first: 20, filter: { search: $search, counterpartyId: $counterpartyId }) {\n      edges {\n        node {\n          id\n          fullName\n          position\n          counterparty {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      ...EventDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEvent($input: CreateEventInput!) {\n    createEvent(input: $input) {\n      ...EventDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEvent($id: ID!, $input: UpdateEventInput!) {\n    updateEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteEvent($id: ID!, $input: CompleteEventInput!) {\n    completeEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteEvent($id: ID!, $input: CompleteEventInput!) {\n    completeEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelEvent($id: ID!, $input: CancelEventInput!) {\n    cancelEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CancelEvent($id: ID!, $input: CancelEventInput!) {\n    cancelEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RescheduleEvent($id: ID!, $input: RescheduleEventInput!) {\n    rescheduleEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n"): (typeof documents)["\n  mutation RescheduleEvent($id: ID!, $input: RescheduleEventInput!) {\n    rescheduleEvent(id: $id, input: $input) {\n      ...EventDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CounterpartyInteractions($id: ID!, $first: Int!) {\n    events(first: $first, filter: { counterpartyId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CounterpartyInteractions($id: ID!, $first: Int!) {\n    events(first: $first, filter: { counterpartyId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContactPersonInteractions($id: ID!, $first: Int!) {\n    events(first: $first, filter: { contactPersonId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ContactPersonInteractions($id: ID!, $first: Int!) {\n    events(first: $first, filter: { contactPersonId: $id, state: COMPLETED }, orderBy: { field: START, direction: DESC }) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TasksPage($me: ID!) {\n    overdue: events(\n      first: 200\n      filter: { responsibleId: $me, state: PLANNED, overdue: true }\n      orderBy: { field: START, direction: ASC }\n    ) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n    }\n    today: events(\n      first: 200\n      filter: { responsibleId: $me, state: PLANNED, dueToday: true }\n      orderBy: { field: START, direction: ASC }\n    ) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n    }\n    reminders(first: 200, filter: { state: DUE }) {\n      totalCount\n      edges {\n        node {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TasksPage($me: ID!) {\n    overdue: events(\n      first: 200\n      filter: { responsibleId: $me, state: PLANNED, overdue: true }\n      orderBy: { field: START, direction: ASC }\n    ) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n    }\n    today: events(\n      first: 200\n      filter: { responsibleId: $me, state: PLANNED, dueToday: true }\n      orderBy: { field: START, direction: ASC }\n    ) {\n      totalCount\n      edges {\n        node {\n          ...EventListItem\n        }\n      }\n    }\n    reminders(first: 200, filter: { state: DUE }) {\n      totalCount\n      edges {\n        node {\n          ...ReminderFields\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;