package dev.olbot.rest.internal;

import io.vertx.core.Future;
import java.util.Map;

/** How calls of one client are authorised: OAuth tokens per portal, or an inbound webhook. */
public interface Auth {

    /** Where calls for {@code portal} go and which token they carry (empty for a webhook). */
    record Target(String baseUrl, String accessToken) {}

    Future<Target> target(String portal);

    /** Adds what the method needs from the credentials ({@code CLIENT_ID}, {@code botToken}); never mutates {@code params}. */
    Map<String, ?> decorate(String method, Map<String, ?> params);

    /** True when an {@code expired_token} answer can be cured by {@link #refresh}. */
    boolean refreshable();

    /**
     * Refreshes the token of {@code portal} unless it already changed since {@code usedToken} was
     * read; concurrent callers share one refresh.
     */
    Future<Void> refresh(String portal, String usedToken);
}
