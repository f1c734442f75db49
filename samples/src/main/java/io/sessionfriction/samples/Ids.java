package io.sessionfriction.samples;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** Every identifier and random choice of a generated transcript, drawn from one seeded source so output is reproducible. */
final class Ids {
    private static final char[] BASE62 =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String[] SLUG_ADJECTIVES = {
        "modular", "radiant", "drifting", "lexical", "dazzling", "quiet", "amber", "gentle"};
    private static final String[] SLUG_VERBS = {
        "floating", "petting", "tumbling", "painting", "imagining", "wandering", "humming", "weaving"};
    private static final String[] SLUG_NOUNS = {
        "whisper", "thompson", "music", "barto", "harbor", "meadow", "lantern", "otter"};

    private final SplittableRandom random;

    Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** Anthropic-style ids, e.g. {@code toolu_01UeW27qA9GbyT6uKQgp2VCT}. */
    String toolUseId() {
        return "toolu_01" + base62(22);
    }

    String messageId() {
        return "msg_01" + base62(22);
    }

    String requestId() {
        return "req_011CY" + base62(19);
    }

    /** Seven hex digits starting with the given letter: {@code a881341} (agent) or {@code b7636e2} (background task). */
    String shortHex(char first) {
        StringBuilder id = new StringBuilder(7).append(first);
        for (int i = 0; i < 6; i++) {
            id.append(HEX[random.nextInt(16)]);
        }
        return id.toString();
    }

    String slug() {
        return pick(SLUG_ADJECTIVES) + "-" + pick(SLUG_VERBS) + "-" + pick(SLUG_NOUNS);
    }

    int between(int minInclusive, int maxInclusive) {
        return random.nextInt(minInclusive, maxInclusive + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    <T> T pick(T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private String base62(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = BASE62[random.nextInt(BASE62.length)];
        }
        return new String(chars);
    }
}
