package dev.olbot.ingress;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The inbox journal's binary format. A file starts with the 8 bytes {@code OLBINBX1}; then records,
 * each {@code int length, int crc32c, payload[length]} (big-endian), the CRC-32C over the payload.
 * A payload's first byte says what it is:
 * <ul>
 *   <li>{@code 1} a delivery: {@code long id, long receivedAtMillis, str dedupeKey, str contentType,
 *       int queryPairs, (str name, str value)*, str body};</li>
 *   <li>{@code 2} handled: {@code long id};</li>
 *   <li>{@code 3} a dedupe key still in its window (written by compaction): {@code long at, str key};</li>
 *   <li>{@code 4} a delivery whose body is LZ4-compressed (bodies of {@value #COMPRESS_FROM} bytes or more
 *       that shrink by an eighth at least): as {@code 1}, but the body is {@code int rawLength,
 *       int compressedLength} and the LZ4 block.</li>
 * </ul>
 * A {@code str} is {@code int byteLength} and its UTF-8 bytes. Records are built in one reused
 * buffer ({@link Records}), so writing a delivery allocates only the strings' bytes.
 */
final class JournalFormat {

    static final byte[] MAGIC = "OLBINBX1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = 8;
    /** Larger than any delivery the ingress accepts (bodies are capped at 256 KiB); a larger length is damage. */
    static final int MAX_PAYLOAD = 16 << 20;
    static final byte APPEND = 1;
    static final byte DONE = 2;
    static final byte SEEN = 3;
    static final byte APPEND_LZ4 = 4;
    /** Bodies this long (in UTF-8 bytes) or longer are compressed: a v1 form event is ~5 KB, mostly repeated keys. */
    static final int COMPRESS_FROM = 1024;
    private static final net.jpountz.lz4.LZ4Factory LZ4 = net.jpountz.lz4.LZ4Factory.fastestInstance();

    private JournalFormat() {}

    /** What a reader is told, record by record, in file order. */
    interface Visitor {
        void delivery(Inbox.Entry entry);

        void handled(long id);

        void seen(String key, long atMillis);
    }

    /**
     * What {@link #read} found: {@code end} is where the intact records stop (a torn tail starts
     * there), {@code damaged} how many complete records failed their CRC and were skipped.
     */
    record Scan(int end, int damaged) {}

    static boolean startsWithMagic(byte[] all) {
        return all.length >= MAGIC.length && Arrays.equals(all, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }

    /**
     * Reads the records after the magic, up to the first zero length (the journal reserves space
     * ahead in zeros). A record whose length runs past the end of the file, and one whose CRC does
     * not match with no intact record after it, are a torn tail (a write the crash interrupted —
     * never acknowledged, because its sync never completed); a record whose CRC does not match
     * followed by an intact one is skipped and counted.
     */
    static Scan read(byte[] all, Visitor visitor) {
        ByteBuffer in = ByteBuffer.wrap(all);
        int pos = MAGIC.length;
        int damaged = 0;
        CRC32C crc = new CRC32C();
        while (pos < all.length) {
            if (all.length - pos < HEADER) {
                return new Scan(pos, damaged);
            }
            int length = in.getInt(pos);
            int expected = in.getInt(pos + 4);
            if (length < 1 || length > MAX_PAYLOAD || length > all.length - pos - HEADER) {
                return new Scan(pos, damaged);
            }
            crc.reset();
            crc.update(all, pos + HEADER, length);
            int next = pos + HEADER + length;
            if ((int) crc.getValue() != expected) {
                if (!intactAt(all, next, crc)) {
                    return new Scan(pos, damaged); // nothing good after it: the write a crash tore
                }
                damaged++;
            } else {
                try {
                    decode(in.slice(pos + HEADER, length), visitor);
                } catch (RuntimeException e) {
                    damaged++; // a record this version cannot read (its CRC was right)
                }
            }
            pos = next;
        }
        return new Scan(pos, damaged);
    }

    /** True when a whole record with a matching CRC starts at {@code pos}. */
    private static boolean intactAt(byte[] all, int pos, CRC32C crc) {
        if (all.length - pos < HEADER) {
            return false;
        }
        ByteBuffer in = ByteBuffer.wrap(all);
        int length = in.getInt(pos);
        if (length < 1 || length > MAX_PAYLOAD || length > all.length - pos - HEADER) {
            return false;
        }
        crc.reset();
        crc.update(all, pos + HEADER, length);
        return (int) crc.getValue() == in.getInt(pos + 4);
    }

    /** True when every byte from {@code from} on is zero (space the journal reserved, never written). */
    static boolean zeroFrom(byte[] all, int from) {
        for (int i = from; i < all.length; i++) {
            if (all[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static void decode(ByteBuffer p, Visitor visitor) {
        byte type = p.get();
        switch (type) {
            case APPEND, APPEND_LZ4 -> {
                long id = p.getLong();
                long at = p.getLong();
                String key = str(p);
                String ct = str(p);
                int pairs = p.getInt();
                Map<String, String> query = new LinkedHashMap<>();
                for (int i = 0; i < pairs; i++) {
                    query.put(str(p), str(p));
                }
                String body = type == APPEND ? str(p) : compressed(p);
                visitor.delivery(new Inbox.Entry(id, at, new Inbox.Delivery(key, ct, body, query)));
            }
            case DONE -> visitor.handled(p.getLong());
            case SEEN -> {
                long at = p.getLong();
                visitor.seen(str(p), at);
            }
            default -> throw new IllegalArgumentException("unknown record type " + type);
        }
    }

    /** A body written by {@link Records#delivery} compressed: its length, the block's length, the block. */
    private static String compressed(ByteBuffer p) {
        int raw = p.getInt();
        int n = p.getInt();
        if (raw < 0 || raw > MAX_PAYLOAD || n < 0 || n > p.remaining()) {
            throw new IllegalArgumentException("compressed body of " + raw + " bytes in " + n + " past the record's end");
        }
        byte[] out = new byte[raw];
        int got;
        try {
            got = LZ4.safeDecompressor().decompress(p.array(), p.arrayOffset() + p.position(), n, out, 0, raw);
        } catch (net.jpountz.lz4.LZ4Exception e) {
            throw new IllegalArgumentException("undecodable compressed body: " + e.getMessage());
        }
        if (got != raw) {
            throw new IllegalArgumentException("compressed body of " + raw + " bytes decompressed to " + got);
        }
        p.position(p.position() + n);
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String str(ByteBuffer p) {
        int n = p.getInt();
        if (n < 0 || n > p.remaining()) {
            throw new IllegalArgumentException("string length " + n + " past the record's end");
        }
        String s = new String(p.array(), p.arrayOffset() + p.position(), n, StandardCharsets.UTF_8);
        p.position(p.position() + n);
        return s;
    }

    /** Records built one after another in one growing buffer that the writer reuses for every group. */
    static final class Records {
        private static final net.jpountz.lz4.LZ4Compressor COMPRESSOR = LZ4.fastCompressor();
        private final CRC32C crc = new CRC32C();
        /** Where a body is compressed before it is copied into the record (reused, grown to the largest body). */
        private byte[] scratch = new byte[8 << 10];
        private ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
        private int count;

        void magic() {
            ensure(MAGIC.length);
            buf.put(MAGIC);
        }

        void delivery(Inbox.Entry e) {
            Inbox.Delivery d = e.delivery();
            byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
            int packed = body.length >= COMPRESS_FROM ? pack(body) : -1;
            boolean compressed = packed >= 0 && packed <= body.length - body.length / 8;
            int start = begin(compressed ? APPEND_LZ4 : APPEND);
            ensure(16);
            buf.putLong(e.id()).putLong(e.receivedAtMillis());
            str(d.dedupeKey());
            str(d.contentType());
            ensure(4);
            buf.putInt(d.query().size());
            d.query().forEach((k, v) -> {
                str(k);
                str(v);
            });
            if (compressed) {
                ensure(8 + packed);
                buf.putInt(body.length).putInt(packed).put(scratch, 0, packed);
            } else {
                bytes(body);
            }
            end(start);
        }

        /** Compresses {@code body} into {@link #scratch}; returns the block's length. */
        private int pack(byte[] body) {
            int max = COMPRESSOR.maxCompressedLength(body.length);
            if (scratch.length < max) {
                scratch = new byte[Math.max(max, scratch.length * 2)];
            }
            return COMPRESSOR.compress(body, 0, body.length, scratch, 0, scratch.length);
        }

        void handled(long id) {
            int start = begin(DONE);
            ensure(8);
            buf.putLong(id);
            end(start);
        }

        void seen(String key, long atMillis) {
            int start = begin(SEEN);
            ensure(8);
            buf.putLong(atMillis);
            str(key);
            end(start);
        }

        /** Records written since the last {@link #clear}. */
        int count() {
            return count;
        }

        boolean isEmpty() {
            return buf.position() == 0;
        }

        /** The bytes to write (a view; {@link #clear} before building the next group). */
        ByteBuffer bytes() {
            return buf.duplicate().flip();
        }

        void clear() {
            buf.clear();
            count = 0;
            if (buf.capacity() > 8 << 20) {
                buf = ByteBuffer.allocateDirect(1 << 20); // one huge group does not pin its buffer for ever
            }
        }

        private int begin(byte type) {
            ensure(HEADER + 1);
            int start = buf.position();
            buf.position(start + HEADER);
            buf.put(type);
            return start;
        }

        private void end(int start) {
            int length = buf.position() - start - HEADER;
            crc.reset();
            crc.update(buf.duplicate().position(start + HEADER).limit(start + HEADER + length));
            buf.putInt(start, length).putInt(start + 4, (int) crc.getValue());
            count++;
        }

        private void str(String s) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        /** {@code int length} and the bytes: a {@code str} already in UTF-8. */
        private void bytes(byte[] b) {
            ensure(4 + b.length);
            buf.putInt(b.length).put(b);
        }

        private void ensure(int more) {
            if (buf.remaining() >= more) {
                return;
            }
            ByteBuffer bigger = ByteBuffer.allocateDirect(Math.max(buf.capacity() * 2, buf.position() + more));
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }
}
