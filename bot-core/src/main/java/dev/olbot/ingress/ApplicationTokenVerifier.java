package dev.olbot.ingress;

import dev.olbot.event.AppInstalled;
import dev.olbot.event.AppUninstalled;
import dev.olbot.event.BotEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default verifier (REFERENCE §2.3): every event's top-level {@code auth[application_token]}
 * must equal, compared in constant time, the token the portal ({@code member_id}) sent with its
 * {@code ONAPPINSTALL}.
 *
 * <ul>
 *   <li>{@code ONAPPINSTALL} for a portal with no known token is trusted and its token learned
 *       (trust on first use; Bitrix24 sends it only to the install URL). A second install with a
 *       different token is rejected until the first is uninstalled — unless reinstalls are allowed.
 *   <li>{@code ONAPPUNINSTALL} must carry the known token; the token is then forgotten.
 *   <li>Bots registered through an inbound webhook with {@code CLIENT_ID} get events with no
 *       OAuth tokens, and the platform appends {@code ?CLIENT_ID=...} to their handler URL. Such an
 *       event is accepted when that query parameter, or the event's short
 *       {@code application_token}, equals one of the configured client ids.
 * </ul>
 */
public final class ApplicationTokenVerifier implements EventVerifier {

    private final InstallRegistry installs;
    private final List<byte[]> webhookClientIds;
    private final boolean allowReinstall;

    private ApplicationTokenVerifier(InstallRegistry installs, List<String> webhookClientIds, boolean allowReinstall) {
        this.installs = installs;
        this.webhookClientIds = webhookClientIds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.allowReinstall = allowReinstall;
    }

    /** Verifies OAuth-app events against the tokens learned into {@code installs}. */
    public static ApplicationTokenVerifier forApp(InstallRegistry installs) {
        return new ApplicationTokenVerifier(installs, List.of(), false);
    }

    /** Verifies events of bots registered through an inbound webhook with one of these {@code CLIENT_ID}s. */
    public static ApplicationTokenVerifier forWebhookBots(List<String> clientIds) {
        return new ApplicationTokenVerifier(InstallRegistry.inMemory(), List.copyOf(clientIds), false);
    }

    /** Both: app installs and webhook-registered bots. */
    public static ApplicationTokenVerifier of(InstallRegistry installs, List<String> webhookClientIds, boolean allowReinstall) {
        return new ApplicationTokenVerifier(installs, List.copyOf(webhookClientIds), allowReinstall);
    }

    public InstallRegistry installs() {
        return installs;
    }

    @Override
    public Verdict verify(BotEvent event, Map<String, String> query) {
        String portal = event.meta().portal().key();
        Optional<String> token = event.meta().auth().applicationToken().filter(t -> !t.isEmpty());
        String clientId = query.get("CLIENT_ID");
        if (clientId != null && !webhookClientIds.isEmpty()) {
            return matchesWebhookClient(clientId)
                    ? Verdict.ACCEPTED
                    : Verdict.reject("CLIENT_ID in the handler URL does not match a configured webhook bot");
        }
        if (token.isEmpty()) {
            return Verdict.reject("missing auth[application_token]");
        }
        if (portal.isEmpty()) {
            return Verdict.reject("missing auth[member_id] and auth[domain]: cannot tell the portal");
        }
        if (matchesWebhookClient(token.get())) {
            return Verdict.ACCEPTED;
        }
        Optional<String> known = installs.applicationToken(portal);
        if (event instanceof AppInstalled) {
            if (known.isEmpty() || equal(known.get(), token.get()) || allowReinstall) {
                installs.remember(portal, token.get());
                return Verdict.ACCEPTED;
            }
            return Verdict.reject("ONAPPINSTALL with a different application_token for an installed portal " + portal);
        }
        if (known.isEmpty()) {
            return Verdict.reject("unknown portal " + portal + ": no ONAPPINSTALL received");
        }
        if (!equal(known.get(), token.get())) {
            return Verdict.reject("application_token does not match the install of portal " + portal);
        }
        if (event instanceof AppUninstalled) {
            installs.forget(portal);
        }
        return Verdict.ACCEPTED;
    }

    private boolean matchesWebhookClient(String candidate) {
        byte[] c = candidate.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] id : webhookClientIds) {
            match |= MessageDigest.isEqual(id, c);
        }
        return match;
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
