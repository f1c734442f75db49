package io.sessionfriction.samples;

/**
 * One Bash call as a transcript shows it: what ran, how long it took, everything it printed, and how it ended.
 * {@code seconds} is wall time from command start to its result; calls under 2 s have no progress lines.
 */
record Shell(String command, String description, Integer timeoutMs, double seconds, String output, Outcome outcome) {

    /** Claude Code's default Bash timeout, reported in progress lines when the call gives none. */
    static final int DEFAULT_TIMEOUT_MS = 120_000;

    sealed interface Outcome permits Succeeded, Failed, Backgrounded, Interrupted {}

    record Succeeded() implements Outcome {}

    record Failed(int exitCode) implements Outcome {}

    /** Reached its timeout and was moved to the background: not an error. */
    record Backgrounded(String taskId) implements Outcome {}

    /** The user pressed Esc while it ran. */
    record Interrupted() implements Outcome {}

    static Shell ok(String command, String description, double seconds, String output) {
        return new Shell(command, description, null, seconds, output, new Succeeded());
    }

    static Shell fails(String command, String description, double seconds, int exitCode, String output) {
        return new Shell(command, description, null, seconds, output, new Failed(exitCode));
    }

    Shell timeout(int millis) {
        return new Shell(command, description, millis, seconds, output, outcome);
    }

    Shell backgroundedAtTimeout(String taskId) {
        int millis = timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
        return new Shell(command, description, millis, millis / 1000.0, output, new Backgrounded(taskId));
    }

    Shell interruptedAfter(double secondsRun) {
        return new Shell(command, description, timeoutMs, secondsRun, output, new Interrupted());
    }

    int effectiveTimeoutMs() {
        return timeoutMs == null ? DEFAULT_TIMEOUT_MS : timeoutMs;
    }
}
