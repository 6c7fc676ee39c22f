package dev.olbot.event;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an identifier from the wire may look like before anything keys state, names a file or
 * writes a log line with it. Checked once, at the edge, by {@link EventDecoder}; an event that
 * breaks a rule is refused with a reason that names the field.
 *
 * <table>
 *   <caption>Rules</caption>
 *   <tr><th>field</th><th>rule</th><th>why</th></tr>
 *   <tr><td>{@code auth[member_id]}</td><td>1–64 of {@code [0-9A-Za-z_-]}</td><td>the docs show 32 hex digits; it keys
 *       stored state and names files</td></tr>
 *   <tr><td>{@code auth[domain]}</td><td>a host name (letters, digits, {@code .-}), optional {@code :port}, ≤ 253</td>
 *       <td>{@code some-domain.bitrix24.com}</td></tr>
 *   <tr><td>{@code auth[client_endpoint]}, {@code auth[server_endpoint]}</td><td>an {@code http(s)} URL with a host,
 *       ≤ 2,048 characters</td><td>{@code https://some-domain.bitrix24.com/rest/}</td></tr>
 *   <tr><td>{@code auth[application_token]}</td><td>1–128 of {@code [0-9A-Za-z_-]}</td><td>32 hex digits, or a
 *       webhook bot's numeric {@code CLIENT_ID}</td></tr>
 *   <tr><td>{@code event}</td><td>1–100 of {@code [0-9A-Za-z_.:-]}</td><td>{@code ONIMBOTMESSAGEADD}</td></tr>
 *   <tr><td>dialog id</td><td>{@code chat} + digits, or digits (≤ 19)</td><td>{@code chat6}, {@code 27}</td></tr>
 * </table>
 */
public final class WireRules {

    private static final Pattern MEMBER_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");
    private static final Pattern DOMAIN = Pattern.compile("[0-9A-Za-z]([0-9A-Za-z.-]{0,252})?(:[0-9]{1,5})?");
    private static final Pattern APPLICATION_TOKEN = Pattern.compile("[0-9A-Za-z_-]{1,128}");
    private static final Pattern EVENT = Pattern.compile("[0-9A-Za-z_.:-]{1,100}");
    private static final Pattern DIALOG = Pattern.compile("(?:chat)?[0-9]{1,19}");

    private WireRules() {}

    /** Returns {@code event} when every identifier it carries keeps the rules; throws otherwise. */
    static BotEvent check(BotEvent event) {
        EventMeta meta = event.meta();
        require(EVENT, meta.type(), "event");
        Portal p = meta.portal();
        optional(MEMBER_ID, p.memberId(), "auth[member_id]");
        optional(DOMAIN, p.domain(), "auth[domain]");
        endpoint(p.clientEndpoint(), "auth[client_endpoint]");
        endpoint(p.serverEndpoint(), "auth[server_endpoint]");
        meta.auth().applicationToken().ifPresent(t -> optional(APPLICATION_TOKEN, t, "auth[application_token]"));
        event.dialogId().ifPresent(d -> require(DIALOG, d, "the dialog id (DIALOG_ID)"));
        return event;
    }

    /** True when {@code memberId} may key stored state (see the table above). */
    public static boolean isMemberId(String memberId) {
        return memberId != null && MEMBER_ID.matcher(memberId).matches();
    }

    /** The last endpoints read, with their authority (a portal sends the same few again and again); a pure function's memo. */
    private static final Authority[] SEEN = new Authority[64];

    private record Authority(String url, String authority) {}

    /** The {@code host[:port]} of an endpoint URL, lower-cased; empty when it has none. */
    public static String authority(String url) {
        int slot = url.hashCode() & (SEEN.length - 1);
        Authority seen = SEEN[slot];
        if (seen != null && seen.url().equals(url)) {
            return seen.authority();
        }
        String parsed = parseAuthority(url);
        if (url.length() <= 2048) {
            SEEN[slot] = new Authority(url, parsed); // a racing write loses one memo, never mixes two (records are immutable)
        }
        return parsed;
    }

    private static String parseAuthority(String url) {
        try {
            URI u = URI.create(url);
            String host = u.getHost();
            if (host == null) {
                return "";
            }
            return (u.getPort() < 0 ? host : host + ":" + u.getPort()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static void optional(Pattern rule, String value, String field) {
        if (!value.isEmpty()) {
            require(rule, value, field);
        }
    }

    private static void require(Pattern rule, String value, String field) {
        if (!rule.matcher(value).matches()) {
            throw new EventDecodeException(field + " is not valid: " + describe(rule));
        }
    }

    private static void endpoint(String url, String field) {
        if (url.isEmpty()) {
            return;
        }
        if (url.length() > 2048 || !(url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7))
                || authority(url).isEmpty()
                || hasControlOrSpace(url)) {
            throw new EventDecodeException(field + " is not valid: expected an http(s) URL such as https://portal.bitrix24.com/rest/");
        }
    }

    private static boolean hasControlOrSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Pattern rule) {
        if (rule == MEMBER_ID) {
            return "expected 1-64 letters, digits, '_' or '-'";
        }
        if (rule == DOMAIN) {
            return "expected a host name such as some-domain.bitrix24.com";
        }
        if (rule == APPLICATION_TOKEN) {
            return "expected 1-128 letters, digits, '_' or '-'";
        }
        if (rule == DIALOG) {
            return "expected chat<number> or <number>";
        }
        return "expected 1-100 letters, digits or '_.:-'";
    }
}
