package dev.olbot.examples.bench;

import dev.olbot.wire.PhpForm;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The requests an attacker sends to a public handler URL, as raw HTTP/1.1 bytes: broken form
 * encoding, parser bombs, wrong content types, bodies over the cap, forged events, CR/LF in values,
 * and — as a control — genuine events that must still be answered 200 and handled. Seeded: the same
 * seed gives the same requests.
 */
final class HostileRequests {

    /** One request: its kind (for the report), its bytes, and whether the client stops half-way on purpose. */
    record Request(String kind, byte[] bytes, boolean stalls) {}

    private static final String PATH = "/bitrix/events";
    /** Message ids of genuine events start here; every other request's ids are below it. */
    static final long GENUINE = 2_000_000_000L;
    private final Random random;
    private final SampleEvents events = new SampleEvents();
    private final String[] kinds = {
        "valid event", "truncated form", "bad escape in body", "bad escape in query", "invalid UTF-8", "deep brackets",
        "100k fields", "a[] flood", "deep JSON", "wrong content type", "empty body", "over the cap with length",
        "over the cap chunked", "CR/LF in values", "mutated event", "forged token", "forged install", "slow partial body",
        "slow headers"};
    /** Per mille of each kind, in the order of {@link #kinds}. */
    private final int[] weights = {100, 120, 90, 60, 60, 15, 10, 15, 20, 60, 40, 15, 15, 80, 140, 80, 60, 10, 10};

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    Request next(long seq) {
        int pick = random.nextInt(1000);
        int i = 0;
        while (pick >= weights[i]) {
            pick -= weights[i];
            i++;
        }
        return build(kinds[i], seq);
    }

    private Request build(String kind, long seq) {
        String valid = events.openLineMessage(1000 + seq % 500, 1_000_000 + seq);
        return switch (kind) {
            case "valid event" -> post(kind, FORM, events.openLineMessage(1000 + seq % 500, GENUINE + seq));
            case "truncated form" -> post(kind, FORM, valid.substring(0, random.nextInt(valid.length())));
            case "bad escape in body" -> post(kind, FORM, insert(valid, pickOf("%zz", "%", "%e", "%G0", "%%", "%u0041")));
            case "bad escape in query" -> raw(kind, "POST " + PATH + "?" + pickOf("%zz", "CLIENT_ID=%", "a=%e", "%%=1") + " HTTP/1.1",
                    FORM, bytes(valid), false);
            case "invalid UTF-8" -> raw(kind, "POST " + PATH + " HTTP/1.1", FORM, invalidUtf8(valid), false);
            case "deep brackets" -> post(kind, FORM, "a" + "[x]".repeat(60_000) + "=1");
            case "100k fields" -> post(kind, FORM, "a=1&".repeat(100_000));
            case "a[] flood" -> post(kind, FORM, "a[]=&".repeat(52_000));
            case "deep JSON" -> post(kind, "application/json", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000));
            case "wrong content type" -> post(kind, pickOf("text/xml", "multipart/form-data; boundary=x", "application/octet-stream",
                    "text/plain"), valid);
            case "empty body" -> post(kind, FORM, "");
            case "over the cap with length" -> post(kind, FORM, "a=" + "x".repeat(300 * 1024));
            case "over the cap chunked" -> chunked(kind, "a=" + "x".repeat(300 * 1024));
            case "CR/LF in values" -> post(kind, FORM, valid.replace("auth%5Bdomain%5D=bench.bitrix24.com",
                    "auth%5Bdomain%5D=bench.bitrix24.com%0D%0A12%3A00%3A00+ERROR+forged"));
            case "mutated event" -> post(kind, FORM, mutate(valid));
            case "forged token" -> post(kind, FORM, valid.replace(SampleEvents.APP_TOKEN, "0123456789abcdef0123456789abcdef"));
            case "forged install" -> post(kind, FORM, forgedInstall(seq));
            case "slow partial body" -> {
                byte[] head = ("POST " + PATH + " HTTP/1.1\r\nHost: bench\r\nContent-Type: " + FORM + "\r\nContent-Length: "
                        + valid.length() + "\r\nConnection: close\r\n\r\n" + valid.substring(0, valid.length() / 3))
                        .getBytes(StandardCharsets.UTF_8);
                yield new Request(kind, head, true);
            }
            case "slow headers" -> new Request(kind, ("POST " + PATH + " HTTP/1.1\r\nHost: bench\r\nContent-Ty")
                    .getBytes(StandardCharsets.US_ASCII), true);
            default -> throw new IllegalStateException(kind);
        };
    }

    private static final String FORM = "application/x-www-form-urlencoded";

    private Request post(String kind, String contentType, String body) {
        return raw(kind, "POST " + PATH + " HTTP/1.1", contentType, bytes(body), false);
    }

    private static Request raw(String kind, String requestLine, String contentType, byte[] body, boolean stalls) {
        byte[] head = (requestLine + "\r\nHost: bench\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return new Request(kind, all, stalls);
    }

    private static Request chunked(String kind, String body) {
        StringBuilder s = new StringBuilder("POST " + PATH + " HTTP/1.1\r\nHost: bench\r\nContent-Type: " + FORM
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        for (int i = 0; i < body.length(); i += 8192) {
            String part = body.substring(i, Math.min(body.length(), i + 8192));
            s.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
        }
        s.append("0\r\n\r\n");
        return new Request(kind, s.toString().getBytes(StandardCharsets.ISO_8859_1), false);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String pickOf(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String insert(String s, String what) {
        int at = random.nextInt(s.length());
        return s.substring(0, at) + what + s.substring(at);
    }

    private byte[] invalidUtf8(String valid) {
        byte[] b = bytes(valid);
        byte[][] bad = {{(byte) 0xff}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, 1}};
        byte[] ins = bad[random.nextInt(bad.length)];
        int at = random.nextInt(b.length);
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
    }

    private String mutate(String valid) {
        char[] c = valid.toCharArray();
        int flips = 1 + random.nextInt(8);
        String alphabet = "&=[]%+\r\n\u0000\u00ff/\\\"'<>{}0123456789abcXYZ";
        for (int i = 0; i < flips; i++) {
            c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    private String forgedInstall(long seq) {
        String evil = pickOf("http://127.0.0.1:1/rest/", "https://evil.example/rest/", "https://bench.bitrix24.com.evil.example/rest/");
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("domain", random.nextBoolean() ? SampleEvents.DOMAIN : "evil.example");
        auth.put("access_token", "forged" + seq);
        auth.put("refresh_token", "forged" + seq);
        auth.put("server_endpoint", random.nextBoolean() ? evil : "https://oauth.bitrix.info/rest/");
        auth.put("client_endpoint", evil);
        auth.put("member_id", random.nextBoolean() ? SampleEvents.MEMBER_ID : "f" + Long.toHexString(seq));
        auth.put("application_token", "f0rged" + seq);
        return PhpForm.encode(Map.of("event", "ONAPPINSTALL", "data", Map.of("VERSION", "1"), "ts", "1771928985", "auth", auth));
    }
}
