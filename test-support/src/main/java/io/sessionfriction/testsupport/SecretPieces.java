package io.sessionfriction.testsupport;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The pieces of a secret a leak would show: every run of {@value #PIECE} chars of its value, as written and
 * as JSON escapes it (a secret inside a JSON string value on a topic). Finding none of them in a text is
 * the proof that no part of the secret long enough to matter is in it.
 */
public final class SecretPieces {

    public static final int PIECE = 8;

    private final Set<String> pieces = new LinkedHashSet<>();

    private SecretPieces(String value) {
        addWindows(value);
        addWindows(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
    }

    public static SecretPieces of(String value) {
        return new SecretPieces(value);
    }

    /** The pieces that occur in {@code text}, in the secret's order; empty when none does. */
    public List<String> foundIn(String text) {
        return pieces.stream().filter(text::contains).toList();
    }

    private void addWindows(String text) {
        for (int i = 0; i + PIECE <= text.length(); i++) {
            pieces.add(text.substring(i, i + PIECE));
        }
    }
}
