/** Internal: the implementation of {@link dev.olbot.rest.RestClient}. Not API; may change without notice. */
package dev.olbot.rest.internal;
