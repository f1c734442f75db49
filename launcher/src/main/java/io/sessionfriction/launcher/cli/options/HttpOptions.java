package io.sessionfriction.launcher.cli.options;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.OptionalInt;

import picocli.CommandLine.Option;

/** The operations HTTP endpoint (/metrics, /health/*, and on the processor /sessions). */
public final class HttpOptions {

    public static final int PROCESS_DEFAULT_PORT = 8080;
    public static final int COLLECT_DEFAULT_PORT = 8081;
    public static final int NOTIFY_DEFAULT_PORT = 8083;
    /** This host only: the endpoint serves session data and metrics, so reaching it from elsewhere is a choice. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    @Option(names = "--http-bind", paramLabel = "ADDRESS", defaultValue = DEFAULT_BIND,
            description = "Address the HTTP endpoint listens on (default: ${DEFAULT-VALUE}, this host only; 0.0.0.0 for "
                    + "every interface, as docker-compose.yml sets it).")
    String httpBind;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the HTTP endpoint: /metrics, /health/live, /health/ready (and /sessions on process). "
                    + "0 turns it off (default: " + PROCESS_DEFAULT_PORT + " for process, " + COLLECT_DEFAULT_PORT + " for collect, "
                    + NOTIFY_DEFAULT_PORT + " for notify).")
    Integer httpPort;

    /** The address to listen on; one this host cannot resolve is an error naming the option. */
    public String bind() {
        try {
            return InetAddress.getByName(httpBind.strip()).getHostAddress();
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("--http-bind: '" + httpBind + "' is not an address of this host", e);
        }
    }

    /** The port to listen on, or empty when the endpoint is off; {@code commandDefault} when none was given. */
    public OptionalInt port(int commandDefault) {
        int port = httpPort == null ? commandDefault : httpPort;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--http-port: " + port + " is not a port (0 turns the endpoint off)");
        }
        return port == 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }
}
