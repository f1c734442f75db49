package io.sessionfriction.launcher.runtime;

/** The innermost cause of a failure: Kafka and Kafka Streams wrap the reason a person needs in their own errors. */
public final class RootCause {

    private RootCause() {
    }

    public static Throwable of(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
