package io.sessionfriction.launcher.runtime.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import com.sun.net.httpserver.HttpExchange;

import io.sessionfriction.processor.Json;
import io.sessionfriction.processor.activity.SessionActivity;
import io.sessionfriction.processor.query.SessionQueries;

/**
 * {@code GET /sessions/{id}} and {@code GET /sessions?user=NAME|prefix=START[&limit=N]}, answered by any
 * processor instance: a session is read where Kafka Streams says its partition is active, forwarding the
 * request to that instance's HTTP endpoint ({@code application.server}) when it is another one; a list is
 * gathered from every instance. A forwarded request carries {@code scope=local}, so it is answered from the
 * receiver's own stores and never forwarded again, even while the two disagree during a rebalance.
 *
 * <p>An id that is not a whole session id (the 8 characters {@code run} prints, say) is the start of one:
 * a key's partition comes from its hash, so the start is looked up on every instance, and the session is
 * answered when exactly one key starts so (or equals it).
 *
 * <p>With a {@link SessionsToken} every request needs it ({@code Authorization: Bearer ...}), forwarded ones
 * included. An error never quotes the request: an unknown session is 404, a malformed id or query 400.
 */
public final class SessionEndpoints {

    static final String PATH = "/sessions";
    private static final String LOCAL = "local";
    private static final int DEFAULT_LIMIT = 100;
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);
    /** What a session key from a transcript's path looks like (a UUID, or a flat file's id). */
    private static final Pattern SESSION_KEY = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    private static final Pattern WHOLE_ID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final int AMBIGUOUS_SHOWN = 5;

    private final HostInfo self;
    private final SessionQueries queries;
    private final Optional<SessionsToken> token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    private SessionEndpoints(KafkaStreams streams, HostInfo self, Optional<SessionsToken> token) {
        this.self = self;
        this.queries = new SessionQueries(streams);
        this.token = token;
    }

    /**
     * @param self  this instance's {@code application.server}: the host and port other instances reach it at
     * @param token the bearer token every request must carry, or none
     */
    public static void install(OpsServer server, KafkaStreams streams, HostInfo self, Optional<SessionsToken> token) {
        SessionEndpoints endpoints = new SessionEndpoints(streams, self, token);
        server.route(PATH, endpoints::handle);
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (!Responses.requireGet(exchange)) {
            return;
        }
        if (token.isPresent() && !token.get().permits(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"sessions\"");
            Responses.error(exchange, 401, "/sessions needs the bearer token (Authorization: Bearer ...)");
            return;
        }
        // The server has answered 400 already to a URI with a broken percent-encoding: these decode.
        String path = exchange.getRequestURI().getRawPath();
        Map<String, String> query = Responses.query(exchange);
        String id = path.startsWith(PATH + "/") ? URLDecoder.decode(path.substring(PATH.length() + 1), StandardCharsets.UTF_8) : "";
        boolean local = LOCAL.equals(query.get("scope"));
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            list(exchange, query, local);
        } else if (!path.startsWith(PATH + "/")) {
            Responses.error(exchange, 404, "no such resource");
        } else if (!SESSION_KEY.matcher(id).matches()) {
            Responses.error(exchange, 400, "malformed session id: 1 to 200 of A-Z a-z 0-9 . _ -");
        } else if (local || WHOLE_ID.matcher(id).matches()) {
            one(exchange, id, local);
        } else {
            Optional<String> resolved = resolve(exchange, id);
            if (resolved.isPresent()) {
                one(exchange, resolved.get(), false);
            }
        }
    }

    /** The one session key equal to or starting with {@code start}; otherwise answers 404 or 409 and is empty. */
    private Optional<String> resolve(HttpExchange exchange, String start) throws IOException {
        Optional<Gathered> gathered = gather(new Filter("prefix", start), false);
        List<String> keys = gathered.map(g -> g.sessions().stream().map(SessionViews.SessionSummary::sessionKey)
                .distinct().sorted().toList()).orElse(List.of());
        if (keys.contains(start) || keys.size() == 1) {
            return Optional.of(keys.contains(start) ? start : keys.get(0));
        }
        if (keys.isEmpty()) {
            String unavailable = gathered.map(Gathered::unavailable).filter(u -> !u.isEmpty())
                    .map(u -> " (instances that did not answer: " + String.join(", ", u) + ")").orElse("");
            Responses.error(exchange, 404, "unknown session" + unavailable);
        } else {
            Responses.error(exchange, 409, "ambiguous session id: " + keys.size() + " sessions start with it ("
                    + String.join(", ", keys.subList(0, Math.min(AMBIGUOUS_SHOWN, keys.size())))
                    + (keys.size() > AMBIGUOUS_SHOWN ? ", ..." : "") + "); give more of it");
        }
        return Optional.empty();
    }

    private void one(HttpExchange exchange, String sessionKey, boolean local) throws IOException {
        KeyQueryMetadata owner = queries.owner(sessionKey);
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            Responses.error(exchange, 503, "no instance serves the session's partition now (starting or rebalancing)");
            return;
        }
        if (!local && !owner.activeHost().equals(self)) {
            forward(exchange, owner.activeHost(), PATH + "/" + encode(sessionKey) + "?scope=" + LOCAL);
            return;
        }
        Optional<SessionViews.Session> session;
        try {
            session = queries.activity(sessionKey, owner.partition()).map(activity -> SessionViews.Session.of(activity,
                    queries.commands(sessionKey, owner.partition()), queries.alerts(sessionKey, owner.partition()),
                    selfName()));
        } catch (InvalidStateStoreException e) {
            Responses.error(exchange, 503, "state store not queryable now: " + e.getMessage());
            return;
        }
        if (session.isPresent()) {
            Responses.json(exchange, 200, session.get());
        } else {
            Responses.error(exchange, 404, "unknown session");
        }
    }

    /** Which sessions a list holds: the sessions of a user, or those whose key starts with a prefix. */
    private record Filter(String name, String value) {

        List<SessionActivity> from(SessionQueries queries) {
            return name.equals("user") ? queries.activitiesOf(value) : queries.activitiesStartingWith(value);
        }
    }

    /** What the instances answered, and which did not. */
    private record Gathered(List<SessionViews.SessionSummary> sessions, List<String> unavailable) {
    }

    private void list(HttpExchange exchange, Map<String, String> query, boolean local) throws IOException {
        String user = query.get("user");
        String prefix = query.get("prefix");
        if ((user == null || user.isBlank()) == (prefix == null || prefix.isBlank())) {
            Responses.error(exchange, 400, "one of the query parameters user or prefix is required: /sessions?user=NAME "
                    + "or /sessions?prefix=START-OF-ID");
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", String.valueOf(DEFAULT_LIMIT)));
        } catch (NumberFormatException e) {
            Responses.error(exchange, 400, "limit must be a number");
            return;
        }
        Filter filter = user != null && !user.isBlank() ? new Filter("user", user) : new Filter("prefix", prefix);
        Optional<Gathered> gathered = gather(filter, local);
        if (gathered.isEmpty()) {
            Responses.error(exchange, 503, "state store not queryable now");
            return;
        }
        List<SessionViews.SessionSummary> sessions = new ArrayList<>(gathered.get().sessions());
        sessions.sort(SessionViews.SessionSummary.MOST_RECENT_FIRST);
        Responses.json(exchange, 200, new SessionViews.SessionList(filter.name().equals("user") ? user : null,
                filter.name().equals("prefix") ? prefix : null,
                sessions.subList(0, Math.min(Math.max(limit, 0), sessions.size())), gathered.get().unavailable()));
    }

    /** This instance's matches, and unless {@code local} every other instance's; empty when a local-scope read cannot be served. */
    private Optional<Gathered> gather(Filter filter, boolean local) {
        List<SessionViews.SessionSummary> sessions = new ArrayList<>();
        List<String> unavailable = new ArrayList<>();
        Map<String, CompletableFuture<Optional<SessionViews.SessionList>>> others = local ? Map.of() : askOthers(filter);
        try {
            filter.from(queries).forEach(activity -> sessions.add(SessionViews.SessionSummary.of(activity)));
        } catch (InvalidStateStoreException e) {
            if (local) {
                return Optional.empty();
            }
            unavailable.add(selfName());
        }
        others.forEach((host, answer) -> answer.join().ifPresentOrElse(other -> {
            sessions.addAll(other.sessions());
            unavailable.addAll(other.unavailable());
        }, () -> unavailable.add(host)));
        return Optional.of(new Gathered(sessions, unavailable));
    }

    private Map<String, CompletableFuture<Optional<SessionViews.SessionList>>> askOthers(Filter filter) {
        Map<String, CompletableFuture<Optional<SessionViews.SessionList>>> answers = new LinkedHashMap<>();
        for (StreamsMetadata instance : queries.instances()) {
            HostInfo host = instance.hostInfo();
            if (host.equals(self)) {
                continue;
            }
            HttpRequest request = request(host, PATH + "?scope=" + LOCAL + "&limit=" + Integer.MAX_VALUE
                    + "&" + filter.name() + "=" + encode(filter.value()));
            answers.put(host.host() + ":" + host.port(), http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .thenApply(response -> response.statusCode() == 200
                            ? Optional.of(Json.read(response.body(), SessionViews.SessionList.class))
                            : Optional.<SessionViews.SessionList>empty())
                    .exceptionally(e -> Optional.empty()));
        }
        return answers;
    }

    private void forward(HttpExchange exchange, HostInfo owner, String pathAndQuery) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request(owner, pathAndQuery), HttpResponse.BodyHandlers.ofByteArray());
            Responses.send(exchange, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(Responses.JSON), response.body());
        } catch (IOException e) {
            Responses.error(exchange, 502, "the instance owning the session (" + owner + ") did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.error(exchange, 503, "interrupted while asking " + owner);
        }
    }

    private String selfName() {
        return self.host() + ":" + self.port();
    }

    private HttpRequest request(HostInfo host, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery))
                .timeout(FORWARD_TIMEOUT).GET();
        token.ifPresent(bearer -> request.header(SessionsToken.HEADER, bearer.headerValue()));
        return request.build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
