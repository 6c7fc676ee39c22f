/** Builders for the nested payloads of the {@code imconnector.*} methods (a custom channel's messages). */
package dev.olbot.rest.methods.connector;
