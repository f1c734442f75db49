package io.sessionfriction.redaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-deployment key of the short hash a placeholder may carry ({@code [REDACTED:kind:3f9a1c2b]}), so
 * the same secret is recognisable across alerts. A keyed HMAC, never a plain hash: without the key nobody
 * can confirm a guessed secret against a placeholder. Never printed.
 */
public final class RedactionKey {

    /** Shorter keys are guessable; 32 random bytes (e.g. {@code openssl rand -hex 32}) is the advice. */
    public static final int MIN_BYTES = 16;
    static final int TAG_BYTES = 4;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    private RedactionKey(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a redaction key needs at least " + MIN_BYTES + " bytes, this one has "
                    + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
        newMac();
    }

    public static RedactionKey of(byte[] bytes) {
        return new RedactionKey(bytes.clone());
    }

    /** The key is the file's content without surrounding whitespace (a trailing newline is not part of it). */
    public static RedactionKey fromFile(Path file) {
        try {
            return new RedactionKey(Files.readString(file, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the redaction key file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The first bytes of HMAC-SHA256(key, value), in hex. */
    String tag(CharSequence value) {
        byte[] mac = macs.get().doFinal(value.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, TAG_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(ALGORITHM + " is required of every JVM", e);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable redaction key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "RedactionKey[hidden]";
    }
}
