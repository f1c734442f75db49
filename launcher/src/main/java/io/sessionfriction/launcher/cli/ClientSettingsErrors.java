package io.sessionfriction.launcher.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.KafkaException;

import io.sessionfriction.launcher.runtime.RootCause;

/**
 * A Kafka client that cannot be created from the {@code --kafka-config} settings (bad JAAS text, unknown
 * login module, missing truststore) fails deep inside Kafka with "Failed to create new KafkaAdminClient".
 * This turns that into a bad-option error naming {@code --kafka-config} and the real reason, with every
 * configured value masked: the reason may quote the settings, and the settings hold passwords.
 */
public final class ClientSettingsErrors {

    static final String MASK = "[hidden]";
    private static final int SHORTEST_MASKED = 3;
    private static final Pattern QUOTED = Pattern.compile("=\\s*\"([^\"]*)\"");

    private ClientSettingsErrors() {
    }

    /** The error to report for {@code failure}: a masked {@code --kafka-config} error if creating a client failed, else itself. */
    public static RuntimeException explain(KafkaException failure, Map<String, Object> settings) {
        if (!creatingAClient(failure)) {
            return failure;
        }
        Throwable root = RootCause.of(failure);
        String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
        return new IllegalArgumentException("--kafka-config: Kafka cannot create a client with these settings: "
                + mask(reason, settings));
    }

    /** {@code text} with every settings value, and every quoted value inside one (JAAS options), replaced by {@value #MASK}. */
    static String mask(String text, Map<String, Object> settings) {
        List<String> secrets = new ArrayList<>();
        for (Object value : settings.values()) {
            String plain = String.valueOf(value);
            secrets.add(plain);
            Matcher quoted = QUOTED.matcher(plain);
            while (quoted.find()) {
                secrets.add(quoted.group(1));
            }
        }
        // Longest first, so a password inside a masked JAAS text is not left half-visible.
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        String masked = text;
        for (String secret : secrets) {
            if (secret.length() >= SHORTEST_MASKED) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }

    private static boolean creatingAClient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.startsWith("Failed to create new") || message.startsWith("Failed to construct"))) {
                return true;
            }
        }
        return false;
    }
}
