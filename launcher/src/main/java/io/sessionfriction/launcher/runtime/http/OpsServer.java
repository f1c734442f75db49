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
 * routes added by whoever owns what they answer. A handler that throws answers 500 instead of leaving
 * the probe hanging; the reason is logged, not answered, since it can quote the request.
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

    /** Listens on {@code bind} (an address of this host; 0.0.0.0 for every interface) at {@code port} (0: a free port). */
    public static OpsServer start(String bind, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 0);
            ExecutorService executor = Executors.newFixedThreadPool(THREADS, runnable -> {
                Thread thread = new Thread(runnable, "ops-http");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            server.start();
            OpsServer ops = new OpsServer(server, executor);
            log.info("Operations HTTP endpoint on {}:{}", bind, ops.port());
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException("--http-bind, --http-port: cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
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

    // Not try-with-resources: that would close the exchange before the 500 could be sent.
    private static void handle(HttpExchange exchange, HttpHandler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (RuntimeException | IOException e) {
            log.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e.toString());
            Responses.error(exchange, 500, "internal error (logged)");
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
