package io.sessionfriction.collector.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identity of the bytes already read: a hash of the first and of the last {@value #WINDOW} bytes
 * before a checkpoint's offset (the whole prefix when it is shorter).
 *
 * <p>rsync replaces a transcript by renaming a copy over it: a new inode whose first bytes equal the
 * old file. Inode identity would re-read it (duplicates) or skip it (loss). Instead a checkpoint is
 * trusted when the bytes before its offset are still the same (Fluent Bit hashes the bytes before the
 * saved offset; Filebeat's growing fingerprint accepts "old prefix is a prefix of new"). The head
 * catches a rewritten start, the tail catches a rewrite just before the offset; together they cost two
 * small reads per check, whatever the file size.
 */
public final class PrefixFingerprint {

    static final int WINDOW = 4096;

    private PrefixFingerprint() {
    }

    /** The fingerprint of {@code channel}'s bytes [0, offset); the empty prefix has a fixed value. */
    public static String of(FileChannel channel, long offset) throws IOException {
        if (offset > channel.size()) {
            throw new IOException("offset " + offset + " beyond file size " + channel.size());
        }
        MessageDigest digest = sha256();
        digest.update(longBytes(offset));
        digest.update(read(channel, 0, (int) Math.min(offset, WINDOW)));
        long tailStart = Math.max(0, offset - WINDOW);
        digest.update(read(channel, tailStart, (int) (offset - tailStart)));
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /** True when the file still holds the prefix that {@code fingerprint} was taken of. */
    public static boolean matches(FileChannel channel, long offset, String fingerprint) throws IOException {
        return offset <= channel.size() && of(channel, offset).equals(fingerprint);
    }

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("file shrank while reading its prefix");
            }
        }
        return buffer.array();
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
