package dev.olbot.kb;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A YAML file's syntax error as one line: {@code kb.yaml:69:7: not valid YAML: expected <block end>,
 * but found '<scalar>' (while parsing a block mapping)}. The parser's own message spans several lines
 * with an excerpt of the file and a caret under the column; a log line or a CLI's error wants the
 * file, the line, the column and what is wrong.
 */
public final class YamlProblem {

    /** SnakeYAML's mark in its message: {@code in 'reader', line 4, column 6:} (from 1). */
    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("in 'reader', line (\\d+), column (\\d+)");

    private YamlProblem() {}

    /** The one-line description of {@code e}, a YAML parser's failure on the file named {@code source}. */
    public static String describe(String source, IOException e) {
        String where = source;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof JsonProcessingException j) {
            JsonLocation at = j.getLocation();
            if (at != null && at.getLineNr() > 0) {
                where = source + ":" + at.getLineNr() + (at.getColumnNr() > 0 ? ":" + at.getColumnNr() : "");
            }
            message = j.getOriginalMessage() == null ? message : j.getOriginalMessage();
        }
        List<String> said = new ArrayList<>();
        String context = null;
        java.util.regex.Matcher mark = MARK.matcher(message);
        while (mark.find()) {
            where = source + ":" + mark.group(1) + ":" + mark.group(2); // the last mark is the problem's, the first the context's
        }
        for (String line : message.split("\\R")) {
            // the parser's lines: what it was doing ("while parsing …"), the excerpt and caret (indented),
            // where (" in 'reader', line …"), and what it found wrong
            if (line.isBlank() || Character.isWhitespace(line.charAt(0)) || line.startsWith("in 'reader'")) {
                continue;
            }
            if (line.startsWith("while ") && context == null) {
                context = line.strip();
            } else {
                said.add(line.strip());
            }
        }
        String problem = said.isEmpty() ? (context == null ? "unreadable" : context) : String.join("; ", said);
        return where + ": not valid YAML: " + problem + (context != null && !said.isEmpty() ? " (" + context + ")" : "");
    }
}
