package dev.olbot.testkit.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario files: the same steps as the Java DSL, in a plain-text form a support lead can read
 * and edit (in the spirit of Botium's {@code #me}/{@code #bot} convos). One scenario per file:
 *
 * <pre>
 * #scenario Delivery question, then a person
 * // comments start with two slashes; blank lines are ignored
 * #set order = 48213
 * #include common/greeting.convo
 *
 * #me Where is my order ${order}?
 * #bot order ${order}                 (contains, ignoring case)
 * #bot = Your order ${order} ships today.   (exactly)
 * #bot /ships (today|tomorrow)/      (regular expression)
 * #bot ~ Hello || ~ Hi                (any of; "~" is "contains")
 * #keyboard Delivery | Prices | Operator
 * #press 2
 * #command /help
 * #typing
 * #bot-silent
 * #dialog queue          (or: operator, bot, user 12, line 2)
 * #lead
 * #operator accept       (or: say TEXT, transfer bot, transfer user N, transfer line N, finish)
 * #wait 10m              (s, m, h, d; e.g. 1h30m)
 * #finished
 * #restart
 * </pre>
 *
 * A {@code #me} or {@code #bot} line with nothing after it takes the following lines, up to the
 * next line starting with {@code #}, as one multi-line message. {@code ${name}} is replaced by a
 * {@code #set} variable; an unknown variable is an error.
 */
public final class ScenarioFile {

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)}");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private ScenarioFile() {}

    /** Reads a scenario file (and its includes). */
    public static Scenario read(Path file) {
        String fallbackName = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        Parser p = new Parser(new HashMap<>(), new HashSet<>());
        p.file(file);
        return new Scenario(p.name == null ? fallbackName : p.name, p.steps);
    }

    /** Parses scenario text; includes resolve against {@code baseDir}. */
    public static Scenario parse(String text, String defaultName, Path baseDir) {
        Parser p = new Parser(new HashMap<>(), new HashSet<>());
        p.text(text, baseDir, defaultName);
        return new Scenario(p.name == null ? defaultName : p.name, p.steps);
    }

    /** Every {@code *.convo} file below a folder, sorted by path. */
    public static List<Path> find(Path folder) {
        try (var files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".convo")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list scenarios in " + folder, e);
        }
    }

    /** {@code 10m}, {@code 1h30m}, {@code 45s}. */
    public static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end && !t.substring(end, m.start()).isBlank()) {
                break;
            }
            try {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalArgumentException("not a duration: '" + text + "' (too long)");
            }
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (use e.g. 30s, 10m, 2h, 1d, 1h30m)");
        }
        return total;
    }

    static String formatDuration(Duration d) {
        if (d.toMillis() % 60_000 != 0) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        }
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + "h" : minutes + "m";
    }

    /**
     * What the operator does, written as after {@code #operator} in a scenario file ({@code accept},
     * {@code say TEXT}, {@code transfer bot}, {@code transfer user N}, {@code transfer line N},
     * {@code finish}); {@code command} names the command in the error ({@code #operator},
     * {@code /operator}).
     */
    public static Step.OperatorAction operatorAction(String command, String text) {
        String[] parts = text.strip().split("\\s+", 2);
        String action = parts[0].toLowerCase(Locale.ROOT);
        return switch (action) {
            case "accept", "accepts" -> new Step.OperatorAccepts();
            case "say", "says" -> {
                if (parts.length < 2) {
                    throw new IllegalArgumentException(command + " say needs a text");
                }
                yield new Step.OperatorSays(parts[1]);
            }
            case "transfer" -> transfer(command, parts.length < 2 ? "" : parts[1].strip());
            case "finish", "finishes" -> new Step.OperatorFinishes();
            default -> throw new IllegalArgumentException(
                    command + " takes accept, say TEXT, transfer bot, transfer user N, transfer line N or finish");
        };
    }

    private static Step.OperatorAction transfer(String command, String arg) {
        String[] target = arg.split("\\s+");
        String to = target[0].toLowerCase(Locale.ROOT);
        if (to.equals("bot") && target.length == 1) {
            return new Step.OperatorTransfersBack();
        }
        if ((to.equals("user") || to.equals("line")) && target.length == 2) {
            int id = number(target[1], command + " transfer " + to);
            if (id <= 0) {
                throw new IllegalArgumentException(command + " transfer " + to + " needs an id above 0, got " + id);
            }
            return new Step.OperatorTransfers(to.equals("line"), id);
        }
        throw new IllegalArgumentException(command + " transfer takes bot, user N or line N; got '" + arg + "'");
    }

    /** {@code text}, or an error naming the step when it is empty. */
    private static String needsText(String text, String step, String what) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(step + " needs " + what);
        }
        return text;
    }

    private static int positive(String s, String step, String what) {
        int n = number(s, step);
        if (n < 1) {
            throw new IllegalArgumentException(step + " needs " + what + ", got " + n);
        }
        return n;
    }

    private static int number(String s, String what) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " needs a number, got '" + s + "'");
        }
    }

    private static final class Parser {
        private final Map<String, String> vars;
        private final Set<Path> including;
        private final List<Step> steps = new ArrayList<>();
        private String name;

        Parser(Map<String, String> vars, Set<Path> including) {
            this.vars = vars;
            this.including = including;
        }

        void file(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            if (!including.add(abs)) {
                throw new IllegalArgumentException(file + ": included in a loop");
            }
            String text;
            try {
                text = Files.readString(abs, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read scenario " + file, e);
            }
            text(text, abs.getParent(), abs.toString());
            including.remove(abs);
        }

        void text(String text, Path baseDir, String source) {
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String raw = lines.get(i).strip();
                if (raw.isEmpty() || raw.startsWith("//")) {
                    continue;
                }
                if (!raw.startsWith("#")) {
                    throw error(source, i, "expected a line starting with #, e.g. '#me hello' or '#bot hi'");
                }
                int space = raw.indexOf(' ');
                String keyword = (space < 0 ? raw : raw.substring(0, space)).toLowerCase(Locale.ROOT);
                String arg = space < 0 ? "" : raw.substring(space + 1).strip();
                if ((keyword.equals("#me") || keyword.equals("#bot")) && arg.isEmpty()) {
                    StringBuilder block = new StringBuilder();
                    while (i + 1 < lines.size() && !lines.get(i + 1).strip().startsWith("#")) {
                        i++;
                        if (!lines.get(i).strip().isEmpty()) {
                            block.append(block.length() == 0 ? "" : "\n").append(lines.get(i).strip());
                        }
                    }
                    arg = block.toString();
                    if (arg.isEmpty()) {
                        throw error(source, i, keyword + " needs a text, on the same line or on the lines below");
                    }
                }
                try {
                    line(keyword, arg, baseDir);
                } catch (IllegalArgumentException | UncheckedIOException e) {
                    throw error(source, i, e.getMessage());
                }
            }
        }

        private void line(String keyword, String rawArg, Path baseDir) {
            if (keyword.equals("#set")) {
                int eq = rawArg.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("#set needs 'name = value'");
                }
                vars.put(rawArg.substring(0, eq).strip(), substitute(rawArg.substring(eq + 1).strip()));
                return;
            }
            String arg = substitute(rawArg);
            switch (keyword) {
                case "#scenario" -> name = name == null ? needsText(arg, "#scenario", "a name") : name;
                case "#include" -> {
                    needsText(arg, "#include", "a file, relative to this one");
                    Parser sub = new Parser(vars, including);
                    sub.file(baseDir.resolve(arg));
                    steps.addAll(sub.steps);
                }
                case "#me" -> steps.add(new Step.ClientSays(arg));
                case "#bot" -> steps.add(new Step.ExpectReply(match(arg)));
                case "#keyboard" -> steps.add(new Step.ExpectKeyboard(labels(arg)));
                case "#press" -> steps.add(new Step.ClientPresses(positive(arg, "#press", "a button's number, from 1")));
                case "#command" -> {
                    needsText(arg.startsWith("/") ? arg.substring(1) : arg, "#command", "a command, e.g. /help");
                    steps.add(new Step.ClientCommand(arg.startsWith("/") ? arg : "/" + arg));
                }
                case "#typing" -> steps.add(new Step.ExpectTyping());
                case "#bot-silent", "#silent" -> steps.add(new Step.ExpectNoReply());
                case "#dialog" -> steps.add(dialog(arg));
                case "#lead" -> steps.add(new Step.ExpectLeadCreated());
                case "#finished" -> steps.add(new Step.ExpectFinished());
                case "#operator" -> steps.add(operatorAction("#operator", arg));
                case "#wait" -> steps.add(new Step.TimePasses(parseDuration(arg)));
                case "#restart" -> steps.add(new Step.RestartBot());
                default -> throw new IllegalArgumentException("unknown step '" + keyword + "'");
            }
        }

        private TextMatch match(String arg) {
            String[] options = arg.split("\\s*\\|\\|\\s*", -1);
            if (options.length > 1) {
                TextMatch[] ms = new TextMatch[options.length];
                for (int i = 0; i < options.length; i++) {
                    ms[i] = single(options[i]);
                }
                return TextMatch.anyOf(ms);
            }
            return single(arg);
        }

        private TextMatch single(String arg) {
            if (arg.startsWith("= ") || arg.equals("=")) {
                return TextMatch.equalTo(needsText(arg.substring(1).strip(), "#bot =", "the whole reply"));
            }
            if (arg.length() > 1 && arg.startsWith("/") && arg.endsWith("/")) {
                return TextMatch.matches(needsText(arg.substring(1, arg.length() - 1), "#bot /…/", "a regular expression"));
            }
            if (arg.startsWith("~ ") || arg.equals("~")) {
                return TextMatch.contains(needsText(arg.substring(1).strip(), "#bot ~", "a text the reply contains"));
            }
            return TextMatch.contains(needsText(arg, "#bot", "a text the reply contains"));
        }

        /** The keyboard's labels, each said ("Доставка | Цены | Оператор"). */
        private static List<String> labels(String arg) {
            List<String> labels = List.of(arg.split("\\s*\\|\\s*", -1));
            if (arg.isBlank() || labels.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("#keyboard needs the buttons' labels, separated by |; got '" + arg + "'");
            }
            return labels;
        }

        private Step dialog(String arg) {
            String[] parts = arg.split("\\s+");
            Step.ExpectDialogWith.Target target;
            try {
                target = Step.ExpectDialogWith.Target.valueOf(parts[0].toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("#dialog takes queue, operator, bot, user N or line N; got '" + arg + "'");
            }
            boolean needsId = target == Step.ExpectDialogWith.Target.USER || target == Step.ExpectDialogWith.Target.LINE;
            if (needsId != (parts.length == 2)) {
                throw new IllegalArgumentException("#dialog " + parts[0] + (needsId ? " needs an id" : " takes no id"));
            }
            return new Step.ExpectDialogWith(target, needsId ? positive(parts[1], "#dialog " + parts[0], "an id above 0") : 0);
        }

        private String substitute(String text) {
            Matcher m = VAR.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = vars.get(m.group(1));
                if (v == null) {
                    throw new IllegalArgumentException("unknown variable ${" + m.group(1) + "}; define it with #set");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return out.toString();
        }

        private static IllegalArgumentException error(String source, int line, String message) {
            return new IllegalArgumentException(source + ":" + (line + 1) + ": " + message);
        }
    }
}
