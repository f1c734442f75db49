package io.sessionfriction.processor.event;

import java.util.regex.Pattern;

import io.sessionfriction.redaction.Placeholders;

/**
 * Masks the volatile parts of a command so repeats of "the same" command compare equal: temp paths,
 * hashes and ids, numbers, runs of whitespace, and the keyed hash of a redacted secret (a rotated key
 * must not make a command new). Regexes on command text, never on JSON.
 */
public final class CommandNormalizer {

    private static final Pattern TEMP_PATH = Pattern.compile("/(?:private/)?tmp/\\S*");
    private static final Pattern UUID = Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern HEX = Pattern.compile("\\b(?=[0-9a-fA-F]*\\d)[0-9a-fA-F]{7,}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\b\\d+\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CommandNormalizer() {
    }

    public static String normalize(String command) {
        if (command == null) {
            return null;
        }
        String masked = TEMP_PATH.matcher(Placeholders.withoutHashes(command)).replaceAll("/tmp/<path>");
        masked = UUID.matcher(masked).replaceAll("<uuid>");
        masked = HEX.matcher(masked).replaceAll("<hex>");
        masked = NUMBER.matcher(masked).replaceAll("<n>");
        return SPACES.matcher(masked).replaceAll(" ").trim();
    }
}
