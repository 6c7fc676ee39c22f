package dev.olbot.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TokenStore} in one JSON file, for a bot that runs as a single instance. Every save
 * rewrites the whole file through a temporary file in the same directory and an atomic move, so
 * the file is always either the old or the new version. A lock file ({@code <file>.lock}) keeps a
 * second process from opening the same store; {@link #close()} releases it. The file holds
 * tokens: keep it readable by the bot's user only.
 */
public final class FileTokenStore implements TokenStore, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Map<String, PortalCredentials> entries = new LinkedHashMap<>();

    private FileTokenStore(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        Path dir = this.file.getParent();
        Files.createDirectories(dir);
        this.lockChannel = FileChannel.open(dir.resolve(this.file.getFileName() + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null; // held by this very process
        }
        this.lock = acquired;
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("token store " + this.file + " is in use by another process");
        }
        if (Files.exists(this.file)) {
            Map<String, Map<String, String>> raw = JSON.readValue(this.file.toFile(), new TypeReference<>() {});
            raw.forEach((key, v) -> entries.put(key, fromMap(key, v)));
        }
    }

    /** Opens (or creates on first save) the store at {@code file}. */
    public static FileTokenStore open(Path file) {
        try {
            return new FileTokenStore(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open token store " + file, e);
        }
    }

    @Override
    public synchronized Optional<PortalCredentials> load(String memberId) {
        return Optional.ofNullable(entries.get(memberId));
    }

    @Override
    public synchronized void save(PortalCredentials credentials) {
        PortalCredentials previous = entries.put(credentials.memberId(), credentials);
        try {
            write();
        } catch (IOException e) {
            if (previous == null) {
                entries.remove(credentials.memberId());
            } else {
                entries.put(credentials.memberId(), previous);
            }
            throw new UncheckedIOException("cannot write token store " + file, e);
        }
    }

    @Override
    public synchronized void remove(String memberId) {
        if (entries.remove(memberId) != null) {
            try {
                write();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write token store " + file, e);
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write() throws IOException {
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        entries.forEach((k, v) -> raw.put(k, toMap(v)));
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(raw));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Map<String, String> toMap(PortalCredentials c) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("domain", c.domain());
        m.put("client_endpoint", c.clientEndpoint());
        m.put("server_endpoint", c.serverEndpoint());
        m.put("access_token", c.accessToken());
        m.put("refresh_token", c.refreshToken());
        m.put("expires_at", c.expiresAt().toString());
        m.put("application_token", c.applicationToken());
        return m;
    }

    private static PortalCredentials fromMap(String memberId, Map<String, String> m) {
        String expires = m.get("expires_at");
        return new PortalCredentials(memberId, m.get("domain"), m.get("client_endpoint"), m.get("server_endpoint"),
                m.get("access_token"), m.get("refresh_token"), expires == null ? null : Instant.parse(expires), m.get("application_token"));
    }
}
