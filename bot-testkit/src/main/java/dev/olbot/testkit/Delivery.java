package dev.olbot.testkit;

import java.util.Map;

/**
 * One event POST the account made and how the handler answered.
 *
 * @param event   the event code, e.g. {@code ONIMBOTMESSAGEADD}
 * @param url     the handler URL, as the platform stores it (with {@code CLIENT_ID} for webhook bots)
 * @param body    the raw {@code application/x-www-form-urlencoded} body
 * @param payload the body as nested maps (what {@code PhpForm.parse} gives back)
 * @param status  the handler's HTTP status
 */
public record Delivery(String event, String url, String body, Map<String, Object> payload, int status) {}
