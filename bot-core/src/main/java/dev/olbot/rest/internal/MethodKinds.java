package dev.olbot.rest.internal;

import java.util.Locale;
import java.util.Set;

/**
 * Classifies methods by name. A read has no effect, so a read that timed out may be sent again;
 * anything not recognised as a read is treated as a write and is never re-sent after a timeout.
 */
public final class MethodKinds {

    private static final Set<String> READ_SUFFIXES = Set.of(
            ".get", ".list", ".fields", ".search", ".count", ".status", ".info", ".version", ".check");
    private static final Set<String> READ_METHODS = Set.of("profile", "methods", "scope", "app.info", "server.time");
    private static final Set<String> UNBATCHABLE = Set.of("batch", "disk.folder.uploadfile", "disk.storage.uploadfile",
            "disk.file.uploadversion", "crm.documentgenerator.document.upload");

    private MethodKinds() {}

    /** True for methods that only read: {@code *.get}, {@code *.list}, {@code *.list.get}, {@code *.history.get}, ... */
    public static boolean isRead(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        if (READ_METHODS.contains(m)) {
            return true;
        }
        if (m.startsWith("imbot.v2.") && m.endsWith(".get") && m.contains("event.get")) {
            return false; // Event.get confirms the offset it is given: it moves the cursor
        }
        int dot = m.lastIndexOf('.');
        return dot >= 0 && READ_SUFFIXES.contains(m.substring(dot));
    }

    /** False for {@code batch} itself and file uploads, which the platform refuses inside a batch. */
    public static boolean isBatchable(String method) {
        String m = method.toLowerCase(Locale.ROOT);
        return !UNBATCHABLE.contains(m) && !m.contains("upload");
    }
}
