package dev.olbot.ingress;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an inbox journal holds when a start reads it, in either format: the deliveries not handled,
 * in arrival order; the dedupe keys still in their window, oldest first; the highest id; and where
 * the intact records end (a torn tail or reserved zeros follow). Logs a torn tail and damaged records.
 *
 * @param end     bytes of intact records from the file's start
 * @param size    the file's size
 * @param records records read (deliveries, handled marks, keys)
 * @param legacy  the file is in the JSON-lines format of earlier versions
 */
record JournalContents(List<Inbox.Entry> pending, LinkedHashMap<String, Long> keys, long maxId, long records, int end,
                       int size, boolean legacy) {

    private static final Logger log = LoggerFactory.getLogger(FileInbox.class);

    /** Reads {@code file} (absent = empty); keys that arrived before {@code keepKeysFromMillis} are dropped. */
    static JournalContents read(Path file, long keepKeysFromMillis) throws IOException {
        byte[] all = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        Map<Long, Inbox.Entry> undone = new LinkedHashMap<>();
        Map<String, Long> keys = new LinkedHashMap<>();
        long[] maxId = {0};
        long[] count = {0};
        JournalFormat.Visitor visitor = new JournalFormat.Visitor() {
            @Override
            public void delivery(Inbox.Entry e) {
                count[0]++;
                undone.put(e.id(), e);
                keys.put(e.delivery().dedupeKey(), e.receivedAtMillis());
                maxId[0] = Math.max(maxId[0], e.id());
            }

            @Override
            public void handled(long id) {
                count[0]++;
                undone.remove(id);
                maxId[0] = Math.max(maxId[0], id);
            }

            @Override
            public void seen(String key, long atMillis) {
                count[0]++;
                keys.put(key, atMillis);
            }
        };
        boolean legacy = false;
        JournalFormat.Scan scan;
        if (JournalFormat.startsWithMagic(all)) {
            scan = JournalFormat.read(all, visitor);
        } else if (LegacyJournal.looksLike(all)) {
            legacy = true;
            scan = LegacyJournal.read(all, visitor);
        } else if (all.length > JournalFormat.MAGIC.length) {
            throw new IOException("not an OLBot inbox journal (it starts neither with "
                    + new String(JournalFormat.MAGIC, StandardCharsets.US_ASCII) + " nor with a JSON line); move it away to start with an empty one");
        } else {
            scan = new JournalFormat.Scan(0, 0); // empty, or a header torn at creation
        }
        if (scan.end() < all.length && scan.end() > 0 && !JournalFormat.zeroFrom(all, scan.end())) {
            log.warn("cut a torn record of {} bytes off the end of the inbox journal {}", all.length - scan.end(), file);
        }
        if (scan.damaged() > 0) {
            log.warn("{} damaged record(s) in the inbox journal {} were skipped", scan.damaged(), file);
        }
        List<Inbox.Entry> left = new ArrayList<>(undone.values());
        left.sort(Comparator.comparingLong(Inbox.Entry::id));
        LinkedHashMap<String, Long> window = new LinkedHashMap<>();
        keys.entrySet().stream().filter(k -> k.getValue() >= keepKeysFromMillis).sorted(Map.Entry.comparingByValue())
                .forEach(k -> window.put(k.getKey(), k.getValue()));
        return new JournalContents(left, window, maxId[0], count[0], scan.end(), all.length, legacy);
    }
}
