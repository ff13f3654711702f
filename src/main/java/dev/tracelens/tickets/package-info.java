/**
 * The ticket index: Jira and GitHub issues in their own Lucene index beside the traceback store
 * ({@code <store>-tickets}), their title, description and comments analyzed by the store's
 * {@code traceback_filtered} analyzer so that a group's traceback finds the tickets that quote it
 * (ADR 0017). Fed by {@code dev.tracelens.trackers}, asked by the engine; the front-ends see only
 * {@link dev.tracelens.tickets.Ticket} and {@link dev.tracelens.tickets.TicketMatch}.
 */
package dev.tracelens.tickets;
