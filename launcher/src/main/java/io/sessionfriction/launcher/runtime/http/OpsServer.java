package io.sessionfriction.launcher.runtime.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The operations endpoint of a process: the JDK's own HTTP server (no web framework), a few threads,
 * routes added by whoever owns what they answer. A handler that throws answers 500 with the reason
 * instead of leaving the probe hanging.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OpsServer.class);
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on every interface at {@code port} (0: a free port, see {@link #port()}). */
    public static OpsServer start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
                Thread thread = new Thread(runnable, "ops-http");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            OpsServer ops = new OpsServer(server, executor);
            log.info("Operations HTTP endpoint on port {}", ops.port());
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException("--http-port: cannot listen on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** Serves {@code path} and everything under it. */
    public OpsServer route(String path, HttpHandler handler) {
        server.createContext(path, exchange -> handle(exchange, handler));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, HttpHandler handler) throws IOException {
        try (exchange) {
            handler.handle(exchange);
        } catch (RuntimeException | IOException e) {
            log.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.toString());
            Responses.error(exchange, 500, e.toString());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
