package dev.olbot.testkit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads and writes {@link StateSnapshot.Account} as JSON. Writing goes to a temporary file beside the target and
 * is moved over it, so a crash mid-write leaves the old file. Reading refuses, with one line naming the field
 * ({@link StateFileException}): a format other than {@value StateSnapshot#FORMAT}, a missing or unknown field, a
 * value of the wrong type, and (through {@link StateCheck}) references that point nowhere.
 */
final class StateFile {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .addModule(new SimpleModule("instants").addSerializer(Instant.class, new InstantWriter())
                    .addDeserializer(Instant.class, new InstantReader()))
            .build();

    private StateFile() {}

    static void write(Path file, StateSnapshot.Account account) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                JSON.writeValue(tmp.toFile(), account);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the state to " + file + ": " + e.getMessage(), e);
        }
    }

    static StateSnapshot.Account read(Path file) {
        String name = file.toString();
        JsonNode tree;
        try {
            tree = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new StateFileException(name + ": not JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + firstLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state from " + file + ": " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new StateFileException(name + ": not a saved portal state (expected a JSON object with \"format\": "
                    + StateSnapshot.FORMAT + ")", null);
        }
        JsonNode format = tree.get("format");
        if (format == null || !format.isInt()) {
            throw new StateFileException(name + ": format: " + (format == null ? "missing" : format + " is not a number")
                    + " (this OLBot reads format " + StateSnapshot.FORMAT + ")", null);
        }
        if (format.intValue() != StateSnapshot.FORMAT) {
            throw new StateFileException(name + ": format: " + format.intValue() + " is not supported (this OLBot reads format "
                    + StateSnapshot.FORMAT + ")", null);
        }
        StateSnapshot.Account account;
        try {
            account = JSON.treeToValue(tree, StateSnapshot.Account.class);
        } catch (JsonMappingException e) {
            throw new StateFileException(name + ": " + path(e) + ": " + reason(e), e);
        } catch (JsonProcessingException e) {
            throw new StateFileException(name + ": " + firstLine(e.getOriginalMessage()), e);
        }
        try {
            StateCheck.check(account);
        } catch (StateCheck.Broken e) {
            throw new StateFileException(name + ": " + e.getMessage(), null);
        }
        return account;
    }

    /** {@code portals[0].chats[1].owner} from the exception's reference chain. */
    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "(top level)" : b.toString();
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof InvalidFormatException f) {
            Class<?> type = f.getTargetType();
            String value = quoted(String.valueOf(f.getValue()));
            if (type != null && type.isEnum()) {
                return value + " is not one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                        .collect(Collectors.joining(", "));
            }
            return value + " is not " + expected(type);
        }
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Missing creator property") || message.startsWith("Missing required creator property")) {
            return "missing";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + expected(m.getTargetType());
        }
        return message.replaceAll("`[a-zA-Z0-9_.$]*\\$([A-Za-z]+)`", "$1").replaceAll("`java\\.[a-z.]*\\.([A-Za-z]+)`", "$1");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "valid";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Instant.class) {
            return "an ISO-8601 instant (2026-03-01T10:00:00Z)";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    /**
     * {@code value} in double quotes for a one-line message: quotes, backslashes and control characters escaped,
     * cut after 60 characters.
     */
    static String quoted(String value) {
        String v = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        StringBuilder b = new StringBuilder("\"");
        for (char c : v.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String firstLine(String s) {
        String t = String.valueOf(s).strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static final class InstantWriter extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantReader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not an instant", text, Instant.class);
            }
        }
    }
}
