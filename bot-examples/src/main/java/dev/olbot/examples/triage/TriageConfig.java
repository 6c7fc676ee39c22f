package dev.olbot.examples.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.olbot.bot.flow.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the triage bot asks and where it sends the client, from {@code triage.yaml}: branches of
 * the menu with their questions and transfer targets, working hours, the after-hours message
 * taking, and the texts. Loading validates everything; an {@link IllegalArgumentException} names
 * the file and the field. Immutable.
 */
public record TriageConfig(String source, String code, String name, String welcome, String menuHeader, String chooseAgain, int maxAttempts,
        Duration operatorWait, WorkingHours hours, List<Branch> branches, AfterHours afterHours, NoOperator noOperator) {

    /** The config shipped with the examples. */
    public static final String DEFAULT_RESOURCE = "triage/triage.yaml";

    /**
     * A question: what to ask, how to check the answer, what to say when it is wrong.
     *
     * @param confirm for a {@code name} question: what to ask instead when the client's profile has a
     *                name ({@code ${known}} is that name) — the client confirms it rather than types it
     */
    public record Question(String name, String ask, Validation.Validator check, String error, java.util.Optional<String> confirm) {}

    /** Where a branch hands the dialog: another line's queue, an employee, or this line's operator queue. */
    public record Transfer(long line, long user, boolean operator, boolean leave) {}

    /** One menu item: its questions, the closing text and where the dialog goes. */
    public record Branch(String id, String title, List<Question> questions, String done, Transfer transfer) {}

    public record AfterHours(String text, List<Question> questions, String done) {}

    public record NoOperator(String text, String leaveMessage, String keepWaiting, String waiting) {}

    public TriageConfig {
        branches = List.copyOf(branches);
    }

    public static TriageConfig load(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Loads a class-path resource, e.g. {@link #DEFAULT_RESOURCE}. */
    public static TriageConfig load(String resource) {
        try (InputStream in = TriageConfig.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(resource + ": no such resource on the class path");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException(resource + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static TriageConfig parse(String source, String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(dev.olbot.kb.YamlProblem.describe(source, e), e);
        }
        return new Reader(source).config(root == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : root);
    }

    /** Reads the tree with messages that say where. */
    private record Reader(String source) {

        TriageConfig config(JsonNode root) {
            Map<String, Question> questions = new LinkedHashMap<>();
            JsonNode qs = obj(root, "questions");
            qs.fields().forEachRemaining(e -> questions.put(e.getKey(), question(e.getKey(), e.getValue())));
            List<Branch> branches = new ArrayList<>();
            JsonNode bs = root.path("branches");
            if (!bs.isArray() || bs.isEmpty()) {
                throw fail("branches", "expected a non-empty list");
            }
            for (int i = 0; i < bs.size(); i++) {
                JsonNode b = bs.get(i);
                String at = "branches[" + i + "]";
                branches.add(new Branch(text(b, at + ".id"), text(b, at + ".title"), asks(b, at + ".ask", questions),
                        text(b, at + ".done"), transfer(b.path("transfer"), at + ".transfer")));
            }
            JsonNode ah = obj(root, "afterHours");
            JsonNode no = obj(root, "noOperator");
            int wait = root.path("operatorWaitMinutes").asInt(5);
            if (wait < 1) {
                throw fail("operatorWaitMinutes", "must be at least 1");
            }
            return new TriageConfig(source, text(root, "bot.code"), text(root, "bot.name"), text(root, "welcome"), text(root, "menuHeader"),
                    text(root, "chooseAgain"), root.path("maxAttempts").asInt(3), Duration.ofMinutes(wait),
                    hours(obj(root, "hours")),
                    branches,
                    new AfterHours(text(ah, "afterHours.text"), asks(ah, "afterHours.ask", questions), text(ah, "afterHours.done")),
                    new NoOperator(text(no, "noOperator.text"), text(no, "noOperator.leaveMessage"),
                            text(no, "noOperator.keepWaiting"), text(no, "noOperator.waiting")));
        }

        Question question(String name, JsonNode q) {
            String at = "questions." + name;
            String error = text(q, at + ".error");
            String check = text(q, at + ".check");
            Validation.Validator v = switch (check) {
                case "name" -> Validation.name(error);
                case "phone" -> Validation.phone(error);
                case "email" -> Validation.email(error);
                case "text" -> Validation.nonBlank(error);
                case "digits", "code" -> Validation.code(q.path("min").asInt(1), q.path("max").asInt(20), check.equals("code"), error);
                default -> throw fail(at + ".check", "unknown check '" + check + "'; expected name, phone, email, text, digits or code");
            };
            java.util.Optional<String> confirm = q.has("confirm") ? java.util.Optional.of(text(q, at + ".confirm"))
                    : java.util.Optional.empty();
            return new Question(name, text(q, at + ".ask"), v, error, confirm);
        }

        List<Question> asks(JsonNode parent, String at, Map<String, Question> questions) {
            JsonNode list = parent.path(at.substring(at.lastIndexOf('.') + 1));
            if (!list.isArray() || list.isEmpty()) {
                throw fail(at, "expected a non-empty list of question names from 'questions'");
            }
            List<Question> out = new ArrayList<>();
            for (JsonNode n : list) {
                Question q = questions.get(n.asText());
                if (q == null) {
                    throw fail(at, "no question named '" + n.asText() + "' under 'questions'; known: " + questions.keySet());
                }
                out.add(q);
            }
            return out;
        }

        Transfer transfer(JsonNode t, String at) {
            long line = t.path("line").asLong(0);
            long user = t.path("user").asLong(0);
            boolean operator = t.path("operator").asBoolean(false);
            if ((line > 0 ? 1 : 0) + (user > 0 ? 1 : 0) + (operator ? 1 : 0) != 1) {
                throw fail(at, "needs exactly one of 'line: <open line id>', 'user: <employee id>' or 'operator: true'");
            }
            return new Transfer(line, user, operator, t.path("leave").asBoolean(false));
        }

        WorkingHours hours(JsonNode h) {
            ZoneId zone;
            try {
                zone = ZoneId.of(text(h, "hours.zone"));
            } catch (java.time.DateTimeException e) {
                throw fail("hours.zone", "unknown time zone: " + h.path("zone").asText());
            }
            Map<DayOfWeek, List<WorkingHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
            JsonNode w = obj(h, "week");
            w.fields().forEachRemaining(e -> {
                String at = "hours.week." + e.getKey();
                DayOfWeek day = day(e.getKey(), at);
                List<WorkingHours.Interval> intervals = new ArrayList<>();
                String spec = e.getValue().asText().strip().toLowerCase(Locale.ROOT);
                if (!spec.equals("closed")) {
                    for (String part : spec.split(",")) {
                        String[] ft = part.strip().split("-");
                        try {
                            intervals.add(new WorkingHours.Interval(LocalTime.parse(ft[0].strip()),
                                    ft[1].strip().equals("24:00") ? LocalTime.MAX : LocalTime.parse(ft[1].strip())));
                        } catch (RuntimeException ex) {
                            throw fail(at, "expected 'HH:MM-HH:MM[, HH:MM-HH:MM]' or 'closed', got '" + spec + "'");
                        }
                    }
                }
                week.put(day, intervals);
            });
            return new WorkingHours(zone, week);
        }

        private DayOfWeek day(String key, String at) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().toLowerCase(Locale.ROOT).startsWith(key.toLowerCase(Locale.ROOT)) && key.length() >= 3) {
                    return d;
                }
            }
            throw fail(at, "unknown day; use mon, tue, wed, thu, fri, sat, sun");
        }

        private JsonNode obj(JsonNode parent, String field) {
            JsonNode n = parent.path(field);
            if (!n.isObject()) {
                throw fail(field, "is missing or not a map");
            }
            return n;
        }

        /** The text at a dotted path whose last segment is a field of {@code parent} (or a path from the root). */
        private String text(JsonNode parent, String at) {
            JsonNode n = parent;
            String[] parts = at.split("\\.");
            boolean fromRoot = !at.contains("[") && parts.length > 1 && parent.has(parts[0]);
            if (fromRoot) {
                for (String p : parts) {
                    n = n.path(p);
                }
            } else {
                n = parent.path(parts[parts.length - 1]);
            }
            if (!n.isValueNode() || n.asText().isBlank()) {
                throw fail(at, "is missing or empty");
            }
            return n.asText().strip();
        }

        private IllegalArgumentException fail(String field, String problem) {
            return new IllegalArgumentException(source + ": field '" + field + "': " + problem);
        }
    }
}
