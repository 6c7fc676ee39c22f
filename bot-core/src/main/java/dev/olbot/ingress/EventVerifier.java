package dev.olbot.ingress;

import dev.olbot.event.BotEvent;
import java.util.Map;

/**
 * Decides whether an event really comes from Bitrix24. Runs on the event loop: must not block.
 *
 * @see ApplicationTokenVerifier the default
 */
@FunctionalInterface
public interface EventVerifier {

    /**
     * @param event decoded event
     * @param query the query parameters of the handler URL (a webhook-registered bot's handler URL
     *              carries its {@code CLIENT_ID} there)
     */
    Verdict verify(BotEvent event, Map<String, String> query);

    /** Accepts everything. For tests and for setups that verify upstream (a gateway); never for production. */
    static EventVerifier acceptAll() {
        return (event, query) -> Verdict.ACCEPTED;
    }
}
