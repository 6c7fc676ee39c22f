/**
 * Outbound idempotency: the SPI ({@link dev.olbot.outbound.SentCalls}) that remembers which calls of a
 * turn the platform confirmed, so a turn that runs again sends none of them twice.
 */
package dev.olbot.outbound;
