/**
 * Cluster mode: the store SPIs ({@code DialogStore}, {@code TokenStore}, {@code InstallRegistry},
 * {@code DedupeStore}), the cluster-wide OAuth refresh lock and the shared per-portal rate bucket on
 * one Redis server, so several instances of one bot can serve the same portals. Chosen by
 * {@code OLBOT_REDIS_URL}.
 */
package dev.olbot.redis;
