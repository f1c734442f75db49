package io.sessionfriction.topology.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;


/**
 * The real Alertmanager binary, started by the test on a free port with its own storage folder, no
 * cluster port, and a config; its v2 API as the tests read it.
 */
final class RealAlertmanager implements AutoCloseable {

    static final Path SHIPPED_CONFIG = Path.of("").toAbsolutePath().resolve("../deploy/alertmanager.yml").normalize();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Duration START_BOUND = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RealAlertmanager(Process process, Path log, URI url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /**
     * The shipped {@code deploy/alertmanager.yml} as it is, but for two things a test cannot wait for: every
     * webhook posts to {@code receivers} (at the path of its receiver's name), and groups wait and repeat
     * in seconds, not minutes.
     */
    static String shippedConfig(Function<String, URI> receivers, Duration groupWait, Duration groupInterval) throws IOException {
        ObjectNode config = (ObjectNode) YAML.readTree(SHIPPED_CONFIG.toFile());
        shorten((ObjectNode) config.path("route"), groupWait, groupInterval);
        for (JsonNode receiver : config.path("receivers")) {
            for (JsonNode webhook : receiver.path("webhook_configs")) {
                ((ObjectNode) webhook).put("url", receivers.apply(receiver.path("name").asText()).toString());
            }
        }
        return YAML.writeValueAsString(config);
    }

    private static void shorten(ObjectNode route, Duration groupWait, Duration groupInterval) {
        if (route.has("group_wait")) {
            route.put("group_wait", groupWait.toMillis() + "ms");
        }
        if (route.has("group_interval")) {
            route.put("group_interval", groupInterval.toMillis() + "ms");
        }
        route.path("routes").forEach(child -> shorten((ObjectNode) child, groupWait, groupInterval));
    }

    static RealAlertmanager start(Path binary, String config, Path dir) throws IOException {
        Path configFile = Files.writeString(dir.resolve("alertmanager.yml"), config);
        Path storage = Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("alertmanager.log");
        int port = freePort();
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + configFile,
                "--storage.path=" + storage,
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=",
                "--log.level=debug")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RealAlertmanager alertmanager = new RealAlertmanager(process, log, URI.create("http://127.0.0.1:" + port));
        try {
            Awaitility.await("Alertmanager ready").atMost(START_BOUND).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> !process.isAlive() || alertmanager.status("/-/ready") == 200);
            if (!process.isAlive()) {
                throw new IllegalStateException("Alertmanager exited with " + process.exitValue() + ":\n" + alertmanager.logText());
            }
        } catch (RuntimeException e) {
            alertmanager.close();
            throw e;
        }
        return alertmanager;
    }

    URI url() {
        return url;
    }

    /** {@code GET /api/v2/alerts}: every alert it holds, active, silenced and inhibited alike. */
    List<JsonNode> alerts() throws IOException, InterruptedException {
        return list(get("/api/v2/alerts"));
    }

    /** {@code GET /api/v2/alerts/groups}: the aggregation groups, each with its labels, receiver and alerts. */
    List<JsonNode> groups() throws IOException, InterruptedException {
        return list(get("/api/v2/alerts/groups"));
    }

    /** {@code POST /api/v2/silences} for equality matchers, from now for {@code length}; returns the silence id. */
    String silence(Map<String, String> matchers, Duration length, String comment) throws IOException, InterruptedException {
        ArrayNode list = JSON.createArrayNode();
        matchers.forEach((name, value) -> list.addObject().put("name", name).put("value", value).put("isRegex", false)
                .put("isEqual", true));
        ObjectNode silence = JSON.createObjectNode();
        silence.set("matchers", list);
        Instant now = Instant.now();
        silence.put("startsAt", now.toString()).put("endsAt", now.plus(length).toString())
                .put("createdBy", "AlertmanagerEndToEndTest").put("comment", comment);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve("/api/v2/silences"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(silence.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("silence refused: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("silenceID").asText();
    }

    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private int status(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url.resolve(path)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
