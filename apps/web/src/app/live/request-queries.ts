/**
 * Queries on screen that show client requests: a notification (a request turned critical, a deadline escalated,
 * a resolution waiting for confirmation) or my own action on a request means they must be read again. A card
 * updates through the normalised cache from a mutation's answer, but not from someone else's change.
 */
export const REQUEST_DEPENDENT_QUERIES = ['ClientRequestCounts', 'RequestsOverview', 'ClientRequests', 'RequestsBoard', 'ClientRequest', 'ClientRequestEvents'] as const;

/** After an action of mine on a request: the lists and the badge (the card already has the answer). */
export const AFTER_MY_REQUEST_CHANGE = ['ClientRequestCounts', 'RequestsOverview', 'ClientRequests', 'RequestsBoard', 'ClientRequestHistory'] as const;

/** Notifications are about requests today (and process tasks later): what a new one refreshes. */
export const NOTIFICATION_DEPENDENT_QUERIES = [...REQUEST_DEPENDENT_QUERIES, 'TaskCounts', 'TasksPage'] as const;
