package dev.olbot.ingress;

import dev.olbot.event.AppInstalled;
import dev.olbot.event.AppUninstalled;
import dev.olbot.event.BotEvent;
import dev.olbot.event.Portal;
import dev.olbot.event.WireRules;
import dev.olbot.rest.OAuthServers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default verifier (REFERENCE §2.3): every event's top-level {@code auth[application_token]}
 * must equal, compared in constant time, the token the portal ({@code member_id}) sent with its
 * confirmed {@code ONAPPINSTALL}.
 *
 * <ul>
 *   <li>Every event that names endpoints must name a trusted authorisation server as
 *       {@code server_endpoint} ({@link OAuthServers}) and a {@code client_endpoint} on its own
 *       {@code auth[domain]}; anything else is refused, whatever its token.
 *   <li>{@code ONAPPINSTALL} is never trusted here: it is let through to the {@link InstallGate},
 *       which confirms it with the authorisation server before its token is learned. A portal
 *       already bound stays bound to its token until a new install is confirmed.
 *   <li>{@code ONAPPUNINSTALL} must carry the known token; the token is then forgotten.
 *   <li>Bots registered through an inbound webhook with {@code CLIENT_ID} get events with no
 *       OAuth tokens, and the platform appends {@code ?CLIENT_ID=...} to their handler URL. Such an
 *       event is accepted when that query parameter, or the event's short
 *       {@code application_token}, equals one of the configured client ids.
 * </ul>
 */
public final class ApplicationTokenVerifier implements EventVerifier {

    private final InstallRegistry installs;
    private final List<String> webhookIds;
    private final List<byte[]> webhookClientIds;
    private final OAuthServers oauthServers;

    private ApplicationTokenVerifier(InstallRegistry installs, List<String> webhookClientIds, OAuthServers oauthServers) {
        this.installs = installs;
        this.webhookIds = List.copyOf(webhookClientIds);
        this.webhookClientIds = webhookClientIds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.oauthServers = oauthServers;
    }

    /** Verifies OAuth-app events against the tokens of confirmed installs in {@code installs}. */
    public static ApplicationTokenVerifier forApp(InstallRegistry installs) {
        return new ApplicationTokenVerifier(installs, List.of(), OAuthServers.DEFAULT);
    }

    /** Verifies events of bots registered through an inbound webhook with one of these {@code CLIENT_ID}s. */
    public static ApplicationTokenVerifier forWebhookBots(List<String> clientIds) {
        return new ApplicationTokenVerifier(InstallRegistry.inMemory(), List.copyOf(clientIds), OAuthServers.DEFAULT);
    }

    /** Both: app installs and webhook-registered bots. */
    public static ApplicationTokenVerifier of(InstallRegistry installs, List<String> webhookClientIds) {
        return new ApplicationTokenVerifier(installs, List.copyOf(webhookClientIds), OAuthServers.DEFAULT);
    }

    /** This verifier with other trusted authorisation servers (on-premise portals, the fake account). */
    public ApplicationTokenVerifier trusting(OAuthServers servers) {
        return new ApplicationTokenVerifier(installs, webhookIds, servers);
    }

    public InstallRegistry installs() {
        return installs;
    }

    @Override
    public Verdict verify(BotEvent event, Map<String, String> query) {
        Portal p = event.meta().portal();
        String portal = p.key();
        if (!p.serverEndpoint().isEmpty() && !oauthServers.trusts(p.serverEndpoint())) {
            return Verdict.reject("auth[server_endpoint] " + WireRules.authority(p.serverEndpoint()) + " is not a trusted OAuth server");
        }
        if (!p.clientEndpoint().isEmpty() && !WireRules.authority(p.clientEndpoint()).equalsIgnoreCase(p.domain())) {
            return Verdict.reject("auth[client_endpoint] is not on auth[domain]");
        }
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
        if (event instanceof AppInstalled) {
            if (p.memberId().isEmpty() || p.serverEndpoint().isEmpty() || !event.meta().auth().hasTokens()) {
                return Verdict.reject("ONAPPINSTALL without member_id, server_endpoint or tokens cannot be confirmed");
            }
            return Verdict.ACCEPTED; // not trusted yet: the InstallGate confirms it before anything is kept
        }
        Optional<String> known = installs.applicationToken(portal);
        if (known.isEmpty()) {
            return Verdict.reject("unknown portal " + portal + ": no confirmed ONAPPINSTALL");
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
