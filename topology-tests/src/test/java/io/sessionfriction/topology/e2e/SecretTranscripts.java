package io.sessionfriction.topology.e2e;

import static io.sessionfriction.topology.TranscriptLines.T0;
import static io.sessionfriction.topology.TranscriptLines.aBashError;
import static io.sessionfriction.topology.TranscriptLines.aBashProgress;
import static io.sessionfriction.topology.TranscriptLines.aBashToolUse;
import static io.sessionfriction.topology.TranscriptLines.aUserPrompt;
import static io.sessionfriction.topology.TranscriptLines.anAssistantText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import io.sessionfriction.testsupport.FakeSecrets;
import io.sessionfriction.testsupport.FakeSecrets.FakeSecret;
import io.sessionfriction.topology.TranscriptLines.Line;

/**
 * A sessions folder where every fake secret sits in every place a transcript holds one, one session per
 * secret: the analyst's prompt, a Bash command, its progress output cut inside the secret (the output so
 * far ends inside it; the next line's tail starts inside it), its failing result, the assistant's answer, a
 * line with a broken timestamp, one a week older than the rest (late), a line that does not parse, and a
 * subagent's file with its prompt, command and failure.
 */
final class SecretTranscripts {

    /** Lines of each session that become enriched events: 6 in the main file, 3 in the subagent's. */
    static final int ENRICHED_PER_SECRET = 9;
    private static final String USER = "analyst";
    private static final String AGENT = "a1b2c3d";

    private final List<String> written = new ArrayList<>();

    private SecretTranscripts() {
    }

    /** Writes the folder under {@code root}. */
    static SecretTranscripts write(Path root) throws IOException {
        SecretTranscripts transcripts = new SecretTranscripts();
        List<FakeSecret> secrets = FakeSecrets.all();
        for (int i = 0; i < secrets.size(); i++) {
            transcripts.session(root, new UUID(0x5ec0e7L, i).toString(), secrets.get(i));
        }
        return transcripts;
    }

    /** Every line written that is a JSON object, as written: what the raw topic must hold. */
    List<String> lines() {
        return List.copyOf(written);
    }

    private void session(Path root, String session, FakeSecret secret) throws IOException {
        Line prompt = aUserPrompt("Can you load the Q1 churn export? Use this:\n" + secret.inText()).sessionId(session).after(Duration.ZERO);
        Line command = aBashToolUse(secret.inCommand()).sessionId(session).after(Duration.ofSeconds(5));
        String printed = "Connecting to the warehouse...\n" + secret.inText() + "\nFetched 1,204 rows\n";
        int cut = printed.indexOf(secret.value()) + secret.value().length() / 2;
        String soFar = printed.substring(0, cut);
        Line printing = aBashProgress(command.toolUseId()).elapsed(2).output(soFar, soFar.substring(soFar.lastIndexOf('\n') + 1))
                .sessionId(session).after(Duration.ofSeconds(7));
        Line printedAll = aBashProgress(command.toolUseId()).elapsed(3).output(printed, printed.substring(cut))
                .sessionId(session).after(Duration.ofSeconds(8));
        Line failed = aBashError(command.toolUseId(), 1, "error: request failed with status 403\n" + secret.inText())
                .sessionId(session).after(Duration.ofSeconds(9));
        Line answer = anAssistantText("I found the credentials in the config (" + secret.inText() + ") and will use them.")
                .sessionId(session).after(Duration.ofSeconds(12));
        Line badTime = aUserPrompt("again: " + secret.inText()).sessionId(session).with("timestamp", "yesterday");
        Line late = anAssistantText("Last week you used " + secret.inText()).sessionId(session).at(T0.minus(Duration.ofDays(8)));
        String cutShort = "{\"type\":\"user\",\"message\":{\"content\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(secret.inText()));
        write(root.resolve(USER + "/2026-02-11_" + session + ".jsonl"), List.of(prompt.json(), command.json(), printing.json(),
                printedAll.json(), failed.json(), answer.json(), badTime.json(), late.json()), cutShort);

        Line task = aUserPrompt("Find out why the export fails; the job uses " + secret.inText()).inSubagent(AGENT)
                .sessionId(session).after(Duration.ofSeconds(20));
        Line retry = aBashToolUse(secret.inCommand()).inSubagent(AGENT).sessionId(session).after(Duration.ofSeconds(21));
        Line again = aBashError(retry.toolUseId(), 2, "fatal: authentication failed\n" + secret.inText()).inSubagent(AGENT)
                .sessionId(session).after(Duration.ofSeconds(22));
        write(root.resolve(USER + "/" + session + "/subagents/agent-" + AGENT + ".jsonl"),
                List.of(task.json(), retry.json(), again.json()), null);
    }

    private void write(Path file, List<String> lines, String malformed) throws IOException {
        Files.createDirectories(file.getParent());
        written.addAll(lines);
        String content = Stream.concat(lines.stream(), Stream.ofNullable(malformed)).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
