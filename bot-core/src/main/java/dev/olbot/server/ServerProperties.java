package dev.olbot.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The properties-file form of {@link ServerConfig}: the {@code OLBOT_*} names in lower case with dots
 * ({@code olbot.public.url}). A key that is not one of them is an error that names the nearest known key,
 * so a typo does not silently fall back to a default.
 */
final class ServerProperties {

    /** Every variable OLBot reads, in the order of the README table. */
    static final List<String> KNOWN = List.of("OLBOT_PUBLIC_URL", "OLBOT_CLIENT_ID", "OLBOT_CLIENT_SECRET",
            "OLBOT_WEBHOOK_URL", "OLBOT_BOT_CLIENT_ID", "OLBOT_BOT_TOKEN", "OLBOT_API", "OLBOT_EVENT_MODE",
            "OLBOT_HOST", "OLBOT_PORT", "OLBOT_DATA_DIR", "OLBOT_RATE", "OLBOT_LOG", "OLBOT_LIB_LOG", "OLBOT_OAUTH_SERVER",
            "OLBOT_HANDLER_THREADS", "OLBOT_BACKLOG_WARN", "OLBOT_METRICS", "OLBOT_DEBUG_TOKEN", "OLBOT_LOG_FORMAT", "OLBOT_REDIS_URL",
            "OLBOT_INBOX_PARTITIONS", "OLBOT_EVENT_LOOPS");

    private ServerProperties() {}

    /** Reads {@code file} into {@code OLBOT_*} names; throws {@link IllegalArgumentException} naming the file and key. */
    static Map<String, String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("configuration file " + file + " does not exist");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> out = new HashMap<>();
        for (String key : p.stringPropertyNames()) {
            String name = variable(key);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + printable(key) + "' in " + file
                        + ": did you mean '" + nearest(key) + "'?");
            }
            out.put(name, p.getProperty(key).strip());
        }
        return out;
    }

    /** {@code olbot.public.url} → {@code OLBOT_PUBLIC_URL}. */
    static String variable(String key) {
        return key.strip().toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** {@code OLBOT_PUBLIC_URL} → {@code olbot.public.url}. */
    static String key(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The known key with the smallest edit distance to {@code key}. */
    static String nearest(String key) {
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        String typed = key.strip().toLowerCase(Locale.ROOT);
        return KNOWN.stream().map(ServerProperties::key)
                .min(Comparator.comparingInt(known -> distance.apply(known, typed)))
                .orElseThrow();
    }

    /** The known variable with the smallest edit distance to {@code variable}. */
    static String nearestVariable(String variable) {
        return variable(nearest(key(variable)));
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
