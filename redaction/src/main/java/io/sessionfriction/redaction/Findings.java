package io.sessionfriction.redaction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one redaction replaced: how many secrets of each kind. The values themselves stay inside this
 * package (the same line's other fields are cleaned of their fragments with them) and never reach a
 * caller, a log or a metric.
 */
public final class Findings {

    /** Nothing was redacted. */
    public static final Findings NONE = new Findings();

    private final Map<String, Integer> byKind = new TreeMap<>();
    private final List<Secret> secrets = new ArrayList<>();

    Findings() {
    }

    /** A value that was replaced, and the kind it was replaced as. */
    record Secret(String kind, String value) {
    }

    void add(String kind, String value) {
        byKind.merge(kind, 1, Integer::sum);
        secrets.add(new Secret(kind, value));
    }

    public boolean any() {
        return !byKind.isEmpty();
    }

    /** Redactions per kind, kinds in alphabetical order. */
    public Map<String, Integer> byKind() {
        return Collections.unmodifiableMap(byKind);
    }

    public int total() {
        return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    List<Secret> secrets() {
        return secrets;
    }

    @Override
    public String toString() {
        return "Findings" + byKind;
    }
}
