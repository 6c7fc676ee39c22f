package dev.olbot.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Dialog states kept in memory and journalled to one local file (JSON lines: every save appends the
 * new state, every delete a tombstone), so flows survive a restart. The journal is compacted to
 * the live states when it grows past twice their number. For a single instance; several
 * instances need a shared store.
 */
public final class FileDialogStore extends InMemoryDialogStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileDialogStore.class);

    private final Path file;
    private BufferedWriter out;
    private long lines;

    private FileDialogStore(Path file) {
        this.file = file;
    }

    /** Opens (or creates) the journal at {@code file} and loads every live state from it. */
    public static FileDialogStore open(Path file) {
        FileDialogStore store = new FileDialogStore(file);
        store.replay();
        return store;
    }

    private void replay() {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (Files.exists(file)) {
                Map<DialogKey, DialogState> live = new HashMap<>();
                List<String> unreadable = new java.util.ArrayList<>();
                List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < all.size(); i++) {
                    String line = all.get(i);
                    if (line.isBlank()) {
                        continue;
                    }
                    try {
                        JsonNode node = JSON.readTree(line);
                        DialogKey key = keyOf(node);
                        if (node.path("deleted").asBoolean(false)) {
                            live.remove(key);
                        } else {
                            DialogState state = fromJson(key, node);
                            live.merge(key, state, (old, neu) -> neu.version() >= old.version() ? neu : old);
                        }
                        lines++;
                    } catch (IOException | RuntimeException e) {
                        if (i < all.size() - 1 || line.startsWith("{") && line.endsWith("}")) {
                            unreadable.add(line); // a damaged record: set aside, the others still load
                        } // else: the last line, torn by a crash mid-write: the previous state stands
                    }
                }
                live.values().forEach(this::load);
                if (!unreadable.isEmpty()) {
                    quarantine(unreadable);
                }
                repairTail();
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open dialog store " + file, e);
        }
    }

    /** A key written as three fields (any characters round-trip), or the older {@code portal/bot/dialog} string. */
    private static DialogKey keyOf(JsonNode node) {
        if (node.has("portal")) {
            return new DialogKey(node.path("portal").asText(), node.path("bot").asLong(), node.path("dialog").asText());
        }
        return DialogKey.parse(node.path("key").asText());
    }

    private void quarantine(List<String> unreadable) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + ".quarantine");
        Files.write(aside, unreadable, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        LOG.warn("{} unreadable record(s) in {} were set aside in {}; every other dialog was loaded", unreadable.size(), file, aside);
    }

    /** A crash mid-append leaves a line without its newline; the next append must not be glued onto it. */
    private void repairTail() throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            if (last.get(0) != '\n') {
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {'\n'}), size);
            }
        }
    }

    @Override
    protected synchronized void saved(DialogState state) {
        append(toJson(state).toString());
    }

    @Override
    protected synchronized void deleted(DialogKey key) {
        ObjectNode n = JSON.createObjectNode();
        putKey(n, key);
        append(n.put("deleted", true).toString());
    }

    private void append(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
            lines++;
            if (lines > 1000 && lines > 2L * size()) {
                compact();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write dialog store " + file, e);
        }
    }

    private void compact() throws IOException {
        out.close();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Iterator<DialogState> it = all().iterator(); it.hasNext(); ) {
                w.write(toJson(it.next()).toString());
                w.write('\n');
                written++;
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        lines = written;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static ObjectNode toJson(DialogState s) {
        ObjectNode n = JSON.createObjectNode();
        putKey(n, s.key());
        n.put("version", s.version());
        n.put("owner", s.owner().name());
        n.put("session", s.sessionId());
        if (s.flow() != null) {
            ObjectNode f = n.putObject("flow");
            f.put("name", s.flow().flow());
            f.put("step", s.flow().step());
            f.put("attempts", s.flow().attempts());
            ObjectNode answers = f.putObject("answers");
            s.flow().answers().forEach(answers::put);
        }
        ObjectNode vars = n.putObject("vars");
        s.vars().forEach(vars::put);
        n.put("failures", s.failures());
        n.put("timeoutAt", s.timeoutAtMillis());
        n.put("timeoutName", s.timeoutName());
        return n;
    }

    private static void putKey(ObjectNode n, DialogKey key) {
        n.put("portal", key.portal()).put("bot", key.botId()).put("dialog", key.dialogId());
    }

    private static DialogState fromJson(DialogKey key, JsonNode n) {
        FlowPosition flow = null;
        if (n.hasNonNull("flow")) {
            JsonNode f = n.get("flow");
            flow = new FlowPosition(f.path("name").asText(), f.path("step").asInt(), f.path("attempts").asInt(),
                    strings(f.path("answers")));
        }
        return new DialogState(key, n.path("version").asLong(), Owner.valueOf(n.path("owner").asText("BOT")),
                n.path("session").asLong(), flow, strings(n.path("vars")), n.path("failures").asInt(),
                n.path("timeoutAt").asLong(), n.path("timeoutName").asText(""));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }

    /** The journal file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> journalForTests() throws IOException {
        out.flush();
        return Files.readAllLines(file);
    }
}
