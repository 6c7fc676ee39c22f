package dev.olbot.rest;

import io.vertx.core.Future;
import java.util.Map;

/**
 * The narrow seam every typed method group calls through: one Bitrix24 REST method by name with
 * its parameters, sent as a JSON POST body with the keys exactly as given (UPPER_CASE keys stay
 * upper-case; {@code imopenlines.bot.session.transfer} depends on it).
 *
 * <p>The future fails with {@link RestException} whenever the platform answered with an
 * {@code error}, even on HTTP 200.
 */
@FunctionalInterface
public interface RestCaller {

    /**
     * Calls a method on one portal.
     *
     * @param portal the portal key ({@code member_id}) or, for an inbound-webhook client, any label
     *               the client was configured with
     * @param method the method name, e.g. {@code imbot.message.add}
     * @param params parameters; nested maps and lists become JSON objects and arrays
     */
    Future<RestResponse> call(String portal, String method, Map<String, ?> params);

    /**
     * Calls a method with per-call options (order key, idempotency key, deadline). A caller that
     * does not pace or queue (an in-process fake, a recording test double) may ignore them: this
     * default does.
     */
    default Future<RestResponse> call(String portal, String method, Map<String, ?> params, CallOptions options) {
        return call(portal, method, params);
    }
}
