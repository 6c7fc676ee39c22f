package dev.olbot.event;

/**
 * The Bitrix24 account an event came from.
 *
 * @param domain         portal host, e.g. {@code some-domain.bitrix24.com}
 * @param memberId       the portal's unique id ({@code member_id}); may be empty for v2 envelopes
 *                       that carry only the domain
 * @param clientEndpoint REST base URL ({@code https://portal/rest/}), where calls go
 * @param serverEndpoint OAuth server base URL; the OAuth host is derived from it, never a constant
 */
public record Portal(String domain, String memberId, String clientEndpoint, String serverEndpoint) {

    public Portal {
        domain = domain == null ? "" : domain;
        memberId = memberId == null ? "" : memberId;
        clientEndpoint = clientEndpoint == null ? "" : clientEndpoint;
        serverEndpoint = serverEndpoint == null ? "" : serverEndpoint;
    }

    /** The identity used to key per-portal state: {@code member_id}, else the domain. */
    public String key() {
        return memberId.isEmpty() ? domain : memberId;
    }
}
