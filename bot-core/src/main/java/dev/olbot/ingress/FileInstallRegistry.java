package dev.olbot.ingress;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The application tokens of installed portals in one local JSON file (written to a temporary file
 * and moved into place), so events verify after a restart. For a single instance.
 */
public final class FileInstallRegistry implements InstallRegistry {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final Map<String, String> tokens;

    private FileInstallRegistry(Path file, Map<String, String> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    public static FileInstallRegistry open(Path file) {
        try {
            Map<String, String> tokens = new TreeMap<>();
            if (Files.exists(file)) {
                tokens.putAll(JSON.readValue(file.toFile(), new TypeReference<Map<String, String>>() {}));
            }
            return new FileInstallRegistry(file, tokens);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read installs from " + file, e);
        }
    }

    @Override
    public synchronized Optional<String> applicationToken(String portalKey) {
        return Optional.ofNullable(tokens.get(portalKey));
    }

    @Override
    public synchronized void remember(String portalKey, String applicationToken) {
        if (!applicationToken.equals(tokens.put(portalKey, applicationToken))) {
            write();
        }
    }

    @Override
    public synchronized void forget(String portalKey) {
        if (tokens.remove(portalKey) != null) {
            write();
        }
    }

    @Override
    public synchronized Set<String> portals() {
        return Set.copyOf(tokens.keySet());
    }

    private void write() {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), tokens);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write installs to " + file, e);
        }
    }
}
