package dev.olbot.rest.methods.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A rich attachment, exactly the documented {@code ATTACH} JSON (REFERENCE §4.7):
 * {@code {"ID"?, "COLOR_TOKEN"?, "COLOR"?, "BLOCKS": [{"MESSAGE": ...}, {"LINK": {...}},
 * {"IMAGE": [...]}, {"FILE": [...]}, {"DELIMITER": ...}, {"GRID": [...]}, {"USER": {...}}]}},
 * each block an object with one key. Serialized {@code ATTACH} may not exceed
 * {@value #MAX_CHARS} characters (the platform answers {@code ATTACH_OVERSIZE});
 * {@link Builder#build()} rejects a larger one. Immutable.
 */
public final class Attach {

    /** Current limit from {@code chat-bots-v2/imbot.v2/messages/attachments/index.md} (the v1 pages said 30 KB). */
    public static final int MAX_CHARS = 60_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> value;

    private Attach(Map<String, Object> value) {
        this.value = value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The {@code ATTACH} parameter value (full form with {@code BLOCKS}). */
    public Map<String, Object> toParam() {
        return value;
    }

    /** Fields of a {@code LINK}, {@code USER}, {@code IMAGE}, {@code FILE} or {@code GRID} item, in the given order. */
    public static final class Fields {
        final Map<String, Object> map = new LinkedHashMap<>();

        public Fields set(String key, Object value) {
            if (value != null) {
                map.put(key, value);
            }
            return this;
        }
    }

    public static final class Builder {
        private final Map<String, Object> root = new LinkedHashMap<>();
        private final List<Map<String, Object>> blocks = new ArrayList<>();

        public Builder id(long id) {
            root.put("ID", id);
            return this;
        }

        public Builder colorToken(ColorToken token) {
            root.put("COLOR_TOKEN", token.wire());
            return this;
        }

        /** {@code COLOR}, HEX; kept for Open Line chats and notifications. */
        public Builder color(String hex) {
            root.put("COLOR", hex);
            return this;
        }

        /** A text block; BB codes allowed. */
        public Builder message(String text) {
            return block("MESSAGE", require(text, "MESSAGE"));
        }

        /** A link card: {@code LINK}* and optional {@code NAME}, {@code DESC}, {@code PREVIEW}, {@code WIDTH}, {@code HEIGHT} … */
        public Builder link(String url, Consumer<Fields> more) {
            Fields f = new Fields().set("LINK", require(url, "LINK.LINK"));
            more.accept(f);
            return block("LINK", f.map);
        }

        public Builder link(String name, String url) {
            Fields f = new Fields().set("NAME", name).set("LINK", require(url, "LINK.LINK"));
            return block("LINK", f.map);
        }

        /** An image: {@code LINK}* and optional {@code NAME}, {@code PREVIEW}, {@code WIDTH}, {@code HEIGHT}. */
        public Builder image(String url, Consumer<Fields> more) {
            Fields f = new Fields().set("LINK", require(url, "IMAGE.LINK"));
            more.accept(f);
            return block("IMAGE", List.of(f.map));
        }

        /** A file: {@code LINK}*, {@code NAME}, {@code SIZE} (bytes). */
        public Builder file(String url, String name, Long size) {
            return block("FILE", List.of(new Fields().set("LINK", require(url, "FILE.LINK")).set("NAME", name).set("SIZE", size).map));
        }

        /** The short delimiter {@code {"DELIMITER": true}} of the v1 examples. */
        public Builder delimiter() {
            return block("DELIMITER", true);
        }

        /** A delimiter with {@code SIZE} (px, default 200) and {@code COLOR}. */
        public Builder delimiter(int size, String color) {
            return block("DELIMITER", new Fields().set("SIZE", size).set("COLOR", color).map);
        }

        /** A user card: {@code NAME}* and optional {@code AVATAR}, {@code LINK}, {@code USER_ID}, {@code BOT_ID} … */
        public Builder user(String name, Consumer<Fields> more) {
            Fields f = new Fields().set("NAME", require(name, "USER.NAME"));
            more.accept(f);
            return block("USER", f.map);
        }

        /** A grid row set; each item needs {@code DISPLAY} ({@code BLOCK}/{@code LINE}/{@code ROW}/{@code TABLE}). */
        @SafeVarargs
        public final Builder grid(Consumer<Fields>... items) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Consumer<Fields> item : items) {
                Fields f = new Fields();
                item.accept(f);
                if (!f.map.containsKey("DISPLAY")) {
                    throw new IllegalArgumentException("ATTACH GRID item: DISPLAY is required");
                }
                rows.add(f.map);
            }
            return block("GRID", rows);
        }

        public Attach build() {
            if (blocks.isEmpty()) {
                throw new IllegalArgumentException("ATTACH: at least one block is required");
            }
            Map<String, Object> value = new LinkedHashMap<>(root);
            value.put("BLOCKS", List.copyOf(blocks));
            int length = serializedLength(value);
            if (length > MAX_CHARS) {
                throw new IllegalArgumentException("ATTACH is " + length + " characters serialized; the platform rejects more than "
                        + MAX_CHARS + " (ATTACH_OVERSIZE)");
            }
            return new Attach(value);
        }

        private Builder block(String key, Object value) {
            Map<String, Object> block = new LinkedHashMap<>();
            block.put(key, value);
            blocks.add(block);
            return this;
        }

        private static int serializedLength(Object value) {
            try {
                return JSON.writeValueAsString(value).length();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("ATTACH cannot be serialized", e);
            }
        }

        private static String require(String value, String field) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("ATTACH: " + field + " is required");
            }
            return value;
        }
    }
}
