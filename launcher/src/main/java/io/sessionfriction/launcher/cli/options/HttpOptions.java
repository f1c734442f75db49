package io.sessionfriction.launcher.cli.options;

import java.util.OptionalInt;

import picocli.CommandLine.Option;

/** The operations HTTP endpoint (/metrics, /health/*, and on the processor /sessions). */
public final class HttpOptions {

    public static final int PROCESS_DEFAULT_PORT = 8080;
    public static final int COLLECT_DEFAULT_PORT = 8081;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the HTTP endpoint: /metrics, /health/live, /health/ready (and /sessions on process). "
                    + "0 turns it off (default: " + PROCESS_DEFAULT_PORT + " for process, " + COLLECT_DEFAULT_PORT + " for collect).")
    Integer httpPort;

    /** The port to listen on, or empty when the endpoint is off; {@code commandDefault} when none was given. */
    public OptionalInt port(int commandDefault) {
        int port = httpPort == null ? commandDefault : httpPort;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http-port: " + port + " is not a port (0 turns the endpoint off)");
        }
        return port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }
}
