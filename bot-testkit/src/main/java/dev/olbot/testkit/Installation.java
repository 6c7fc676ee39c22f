package dev.olbot.testkit;

import java.util.concurrent.CompletableFuture;

/**
 * The result of installing the app on a portal: the installer's (admin's) tokens and the
 * application token, as ONAPPINSTALL carried them, and that delivery's future.
 */
public record Installation(FakePortal portal, String accessToken, String refreshToken, String applicationToken,
                           CompletableFuture<Delivery> delivery) {}
