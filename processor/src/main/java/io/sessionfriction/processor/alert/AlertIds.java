package io.sessionfriction.processor.alert;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Deterministic alert ids: the same (session, rule, fingerprint) always gives the same id, on any instance. */
final class AlertIds {

    private AlertIds() {
    }

    static String of(String sessionKey, String ruleId, String fingerprint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // A NUL separator keeps ("a", "bc") and ("ab", "c") apart.
            String material = sessionKey + '\0' + ruleId + '\0' + fingerprint;
            return HexFormat.of().formatHex(sha.digest(material.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
