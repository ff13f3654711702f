/**
 * Clients of the issue trackers that feed the ticket index: Jira (Cloud REST v3, Server/Data
 * Center REST v2) and GitHub (REST issues API), over the JDK's HTTP client with Jackson, rate
 * limits honoured, credentials only ever in the {@code Authorization} header. Depends on
 * {@code dev.tracelens.tickets} for its records and on nothing else of ours; the engine wires
 * them to the index. Tested against a local HTTP server answering the documented shapes
 * (contract tests), not the real services.
 */
package dev.tracelens.trackers;
