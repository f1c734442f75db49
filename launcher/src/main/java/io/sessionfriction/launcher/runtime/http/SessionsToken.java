package io.sessionfriction.launcher.runtime.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

import com.sun.net.httpserver.HttpExchange;

/**
 * The bearer token {@code /sessions} asks for: it serves prompts and commands, which are personal data.
 * Compared in constant time; never printed. Processor instances forward queries to each other with it.
 */
public final class SessionsToken {

    public static final int MIN_CHARS = 16;
    static final String HEADER = "Authorization";
    private static final String SCHEME = "Bearer ";

    private final byte[] expected;

    private SessionsToken(String token) {
        if (token.length() < MIN_CHARS || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("a token needs at least " + MIN_CHARS
                    + " printable ASCII chars without spaces (e.g. `openssl rand -hex 32`)");
        }
        this.expected = header(token).getBytes(StandardCharsets.US_ASCII);
    }

    /** The token is the file's content without surrounding whitespace. */
    public static SessionsToken fromFile(Path file) throws IOException {
        return new SessionsToken(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    boolean permits(HttpExchange exchange) {
        String given = exchange.getRequestHeaders().getFirst(HEADER);
        return given != null && MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII));
    }

    /** The header value a forwarded request carries. */
    String headerValue() {
        return new String(expected, StandardCharsets.US_ASCII);
    }

    private static String header(String token) {
        return SCHEME + token;
    }

    @Override
    public String toString() {
        return "SessionsToken[hidden]";
    }
}
